#include "portal/pages/account_pages.hpp"

#include "base/log.hpp"
#include "base/text.hpp"
#include "db/accounts.hpp"
#include "db/audit_events.hpp"
#include "db/oidc_providers.hpp"
#include "portal/accounts/actor.hpp"
#include "portal/accounts/cookies.hpp"
#include "portal/web/messages.hpp"

namespace mobility::portal {
namespace {

using kainjow::mustache::data;

constexpr size_t kMaxEmail = 320;
constexpr size_t kMaxPassword = 1024;

// The message key of what is wrong with a submitted field, or "" when it is fine.
std::string field_problem(const std::string& value, size_t max_length) {
  if (value.empty()) return "field_required";
  if (value.size() > max_length) return "field_too_long";
  if (!is_clean_utf8(value)) return "field_invalid_text";
  return "";
}

// The context of the field_error partial; without "error" the partial shows nothing (an empty
// string would still count as set).
data field(const std::string& id, const std::string& error) {
  data result;
  result.set("id", id);
  if (!error.empty()) result.set("error", error);
  return result;
}

// The buttons of the OpenID providers, as the login template lists them; none when the database
// cannot say (the password form still works).
data provider_buttons(const PageRequest& page) {
  data buttons = data::type::list;
  auto providers = db::list_oidc_providers(page.connection);
  if (!providers) {
    log::warn("oidc_providers_unreadable", {{"id", page.request.request_id}, {"error", providers.status().to_string()}});
    return buttons;
  }
  for (const auto& provider : *providers) {
    data button;
    button.set("name", provider.display_name);
    button.set("href", "/login/oidc/" + provider.provider_id);
    buttons.push_back(button);
  }
  return buttons;
}

// The login form again, keeping the email (never the password), with what went wrong.
http::Response login_form(const PageRequest& page, int status, const std::string& email, const std::string& form_error,
                          const std::string& email_error, const std::string& password_error, bool with_providers = false) {
  const Messages& messages = Messages::of(page.visitor.language);
  data form;
  if (with_providers) {
    data buttons = provider_buttons(page);
    if (!buttons.list_value().empty()) {
      form.set("has_providers", true);
      form.set("providers", buttons);
    }
  }
  form.set("email", email.size() <= kMaxEmail ? displayable(email) : "");
  if (!form_error.empty()) form.set("form_error", messages.text(form_error));
  form.set("email_invalid", !email_error.empty());
  form.set("password_invalid", !password_error.empty());
  form.set("email_field", field("email", email_error.empty() ? "" : messages.text(email_error)));
  form.set("password_field", field("password", password_error.empty() ? "" : messages.text(password_error)));
  return page.render(status, "login", "login_title", form);
}

http::Response submit_login(PageRequest& page, const Site& site, bool oidc_enabled) {
  std::string email = page.field("email"), password = page.field("password");
  std::string email_error = field_problem(email, kMaxEmail), password_error = field_problem(password, kMaxPassword);
  if (!email_error.empty() || !password_error.empty()) {
    return login_form(page, 400, email, "", email_error, password_error, oidc_enabled);
  }
  auto result = site.login().attempt(page.connection, email, password, client_address(page.request));
  if (!result) {
    log::error("login_failed", {{"id", page.request.request_id}, {"error", result.status().to_string()}});
    return page.error(503);
  }
  if (result->outcome == LoginOutcome::kThrottled) return login_form(page, 429, email, "login_throttled", "", "", oidc_enabled);
  if (result->outcome == LoginOutcome::kRefused) return login_form(page, 401, email, "login_failed", "", "", oidc_enabled);
  http::Response response = page.redirect(start_path(actor_from(*result->account)));
  response.headers.emplace_back("Set-Cookie", Sessions::set_cookie(page.request, *result->session));
  return response;
}

http::Response logout(PageRequest& page, const Site& site, oidc::OidcSignIn* oidc) {
  std::string next = "/";
  if (page.visitor.session && oidc) {
    // Asked before the session ends, since ending it forgets where it began.
    auto at_provider = oidc->logout_location(page.connection, *page.visitor.session);
    if (!at_provider)
      log::warn("oidc_logout_unknown", {{"id", page.request.request_id}, {"error", at_provider.status().to_string()}});
    if (at_provider && *at_provider) next = **at_provider;
  }
  if (page.visitor.session) {
    const db::AccountRecord& account = *page.visitor.account;
    bool everywhere = page.field("everywhere") == "1";
    Status ended = everywhere ? site.sessions().end_all(page.connection, account.account_id).status()
                              : site.sessions().end(page.connection, *page.visitor.session);
    if (ended) {
      ended = db::record_audit_event(page.connection, {account.account_id, account.email, std::nullopt, std::nullopt,
                                                       everywhere ? "logout_everywhere" : "logout",
                                                       "account:" + std::to_string(account.account_id), std::nullopt, ""});
    }
    if (!ended) {
      log::error("logout_failed", {{"id", page.request.request_id}, {"error", ended.to_string()}});
      return page.error(503);
    }
  }
  http::Response response = page.redirect(next);
  response.headers.emplace_back("Set-Cookie", Sessions::clear_cookie(page.request));
  return response;
}

// Only paths of this site: "/x", never "//host" or "https://...".
// `wanted` when it is a path on this site, else "/". Longer than a URL can be: refused.
std::optional<std::string> safe_return_path(const std::string& wanted) {
  if (wanted.size() > 2048) return std::nullopt;
  bool local = wanted.starts_with("/") && !wanted.starts_with("//") && wanted.find('\\') == std::string::npos &&
               is_clean_utf8(wanted) && wanted.find_first_of("\r\n") == std::string::npos;
  return local ? wanted : "/";
}

http::Response switch_language(PageRequest& page, const Site& site) {
  auto language = language_from_code(page.field("lang"));
  if (!language) return page.error(400, "error_language_text");
  auto return_path = safe_return_path(page.field("return_to"));
  if (!return_path) return page.error(400);
  http::Response response = page.redirect(*return_path);
  std::string code = language_code(*language);
  if (page.visitor.account) {
    if (Status saved = db::set_account_language(page.connection, page.visitor.account->account_id, code); !saved) {
      log::warn("language_not_saved", {{"id", page.request.request_id}, {"error", saved.to_string()}});
    }
    site.sessions().account_changed(page.visitor.account->account_id);
  }
  response.headers.emplace_back(
      "Set-Cookie", set_cookie_value("lang", code, {secure_channel(page.request), true, "Lax", std::chrono::hours(24 * 365)}));
  return response;
}

}  // namespace

http::Response login_page(const PageRequest& page, int status, const std::string& form_error_key, bool with_providers) {
  return login_form(page, status, "", form_error_key, "", "", with_providers);
}

void add_account_pages(http::Router& router, const Site& site, oidc::OidcSignIn* oidc) {
  site.add_page(router, "GET", "/login", [oidc](PageRequest& page) {
    if (page.visitor.account) return page.redirect(start_path(page.visitor.actor));
    return login_form(page, 200, "", "", "", "", oidc != nullptr);
  });
  site.add_page(router, "POST", "/login", [&site, oidc](PageRequest& page) { return submit_login(page, site, oidc != nullptr); });
  site.add_page(router, "POST", "/logout", [&site, oidc](PageRequest& page) { return logout(page, site, oidc); });
  site.add_page(router, "POST", "/language", [&site](PageRequest& page) { return switch_language(page, site); });
}

}  // namespace mobility::portal
