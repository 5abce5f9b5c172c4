#include "portal/pages/oidc_pages.hpp"

#include "base/log.hpp"
#include "portal/accounts/actor.hpp"
#include "portal/accounts/cookies.hpp"
#include "portal/pages/account_pages.hpp"

namespace mobility::portal {
namespace {

constexpr std::string_view kPrefix = "/login/oidc/";

// The first value of query parameter `name`, "" when absent.
std::string query_value(const http::Request& request, std::string_view name) {
  auto values = request.query_values(name);
  return values.empty() ? "" : values.front();
}

http::Response refused(const PageRequest& page, oidc::Refusal refusal) {
  return login_page(page, oidc::http_status(refusal), oidc::message_key(refusal), true);
}

http::Response begin(PageRequest& page, oidc::OidcSignIn& sign_in) {
  std::string provider_id = page.request.path.substr(kPrefix.size());
  if (provider_id.empty() || provider_id.size() > 40 || provider_id.find('/') != std::string::npos) {
    return refused(page, oidc::Refusal::kUnknownProvider);
  }
  auto begun =
      sign_in.begin(page.connection, provider_id, cookie_value(page.request, oidc::LoginAttempts::cookie_name(page.request)));
  if (!begun) {
    log::error("oidc_begin_failed", {{"id", page.request.request_id}, {"error", begun.status().to_string()}});
    return page.error(503);
  }
  if (auto* refusal = std::get_if<oidc::Refusal>(&*begun)) return refused(page, *refusal);
  const auto& started = std::get<oidc::Begun>(*begun);
  http::Response response = page.redirect(started.location);
  response.headers.emplace_back("Set-Cookie", oidc::LoginAttempts::set_cookie(page.request, started.browser_token));
  return response;
}

http::Response callback(PageRequest& page, oidc::OidcSignIn& sign_in) {
  oidc::CallbackParameters parameters{
      query_value(page.request, "code"), query_value(page.request, "state"), query_value(page.request, "error"),
      cookie_value(page.request, oidc::LoginAttempts::cookie_name(page.request)), client_address(page.request)};
  auto finished = sign_in.finish(page.connection, parameters);
  if (!finished) {
    log::error("oidc_finish_failed", {{"id", page.request.request_id}, {"error", finished.status().to_string()}});
    return page.error(503);
  }
  if (finished->refusal != oidc::Refusal::kNone) return refused(page, finished->refusal);
  http::Response response = page.redirect(start_path(actor_from(*finished->account)));
  response.headers.emplace_back("Set-Cookie", Sessions::set_cookie(page.request, *finished->session));
  return response;
}

}  // namespace

void add_oidc_pages(http::Router& router, const Site& site, oidc::OidcSignIn& oidc) {
  site.add_page(router, "GET", "/login/oidc/callback", [&oidc](PageRequest& page) { return callback(page, oidc); });
  site.add_page_tree(router, std::string(kPrefix), {{"GET", [&oidc](PageRequest& page) { return begin(page, oidc); }}});
}

}  // namespace mobility::portal
