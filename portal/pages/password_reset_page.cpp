#include "portal/pages/password_reset_page.hpp"

#include "base/log.hpp"
#include "base/secure_random.hpp"
#include "base/sha256.hpp"
#include "base/text.hpp"
#include "db/accounts.hpp"
#include "db/audit_events.hpp"
#include "db/mail_outbox.hpp"
#include "db/password_resets.hpp"
#include "db/transaction.hpp"
#include "portal/accounts/password_hash.hpp"
#include "portal/web/messages.hpp"

namespace mobility::portal {
namespace {

using kainjow::mustache::data;

constexpr size_t kMinimumPassword = 10;
constexpr size_t kMaximumPassword = 1024;

http::Response form(const PageRequest& page, int status, const std::string& token, bool usable, const std::string& problem = "") {
  data view;
  view.set("usable", usable);
  if (usable) view.set("token", token);
  if (!problem.empty()) view.set("form_error", Messages::of(page.visitor.language).text(problem));
  return page.render(status, "reset_password", "reset_title", view);
}

std::string password_problem(const std::string& password, const std::string& repeat) {
  if (password.size() < kMinimumPassword) return "reset_too_short";
  if (password.size() > kMaximumPassword) return "field_too_long";
  if (!is_clean_utf8(password)) return "field_invalid_text";
  if (password != repeat) return "reset_mismatch";
  return "";
}

// Uses the token up and stores the password in one transaction; the account, or nullopt when the
// token is not usable (any more).
Result<std::optional<db::AccountRecord>> reset(db::Connection& connection, const std::string& token,
                                               const std::string& password_hash) {
  auto transaction = db::Transaction::begin(connection);
  if (!transaction) return transaction.status();
  auto account_id = db::consume_password_reset(connection, sha256(token));
  if (!account_id) return account_id.status();
  if (!*account_id) return std::optional<db::AccountRecord>();
  auto account = db::find_account(connection, **account_id);
  if (!account) return account.status();
  if (!*account) return std::optional<db::AccountRecord>();
  Status done = db::set_password_hash(connection, **account_id, password_hash);
  if (done) done = db::delete_sessions_of(connection, **account_id).status();
  if (done) {
    done = db::record_audit_event(connection, {**account_id, (*account)->email, std::nullopt, std::nullopt, "password_reset",
                                               "account:" + std::to_string(**account_id), std::nullopt, ""});
  }
  if (done) done = transaction->commit();
  if (!done) return done;
  return account;
}

http::Response submit(PageRequest& page, const Site& site) {
  std::string token = page.field("token");
  std::string problem = password_problem(page.field("password"), page.field("repeat"));
  if (!problem.empty()) return form(page, 400, token, true, problem);
  auto hash = hash_password(page.field("password"));
  if (!hash) return page.error(500);
  auto account = reset(page.connection, token, *hash);
  if (!account) {
    log::error("password_reset_failed", {{"id", page.request.request_id}, {"error", account.status().to_string()}});
    return page.error(503);
  }
  if (!*account) return form(page, 400, token, false, "reset_invalid");
  site.sessions().account_changed((*account)->account_id);  // the reset ended every session
  data view;
  view.set("done", true);
  return page.render(200, "reset_password", "reset_title", view);
}

http::Response forgot_form(const PageRequest& page, int status, bool mail_enabled, const std::string& email = "",
                           const std::string& problem = "") {
  data view;
  view.set("mail_enabled", mail_enabled);
  view.set("email", email);
  view.set("email_invalid", !problem.empty());
  data field;
  field.set("id", "email");
  if (!problem.empty()) field.set("error", Messages::of(page.visitor.language).text(problem));
  view.set("email_field", field);
  return page.render(status, "forgot_password", "forgot_title", view);
}

// A new reset token for the account and the mail carrying it, in one transaction; nothing when a
// link was mailed to the account in the last 15 minutes.
Status mail_reset_link(db::Connection& connection, const db::AccountRecord& account) {
  auto transaction = db::Transaction::begin(connection);
  if (!transaction) return transaction.status();
  std::string token = random_token(32);
  if (Status stored = db::insert_password_reset(connection, sha256(token), account.account_id, std::chrono::hours(24)); !stored) {
    return stored;
  }
  auto quarter =
      std::chrono::duration_cast<std::chrono::minutes>(std::chrono::system_clock::now().time_since_epoch()).count() / 15;
  std::string key = "password_reset:" + std::to_string(account.account_id) + ":" + std::to_string(quarter);
  std::string parameters = R"({"link": "/reset-password?token=)" + token + R"("})";
  auto queued = db::enqueue_mail(connection, {"password_reset", account.account_id, parameters, key, false});
  if (!queued) return queued.status();
  if (!*queued) return Status::ok();  // throttled: the token is rolled back with the transaction
  if (Status audited = db::record_audit_event(
          connection, {account.account_id, account.email, std::nullopt, std::nullopt, "password_reset_link_mailed",
                       "account:" + std::to_string(account.account_id), std::nullopt, ""});
      !audited) {
    return audited;
  }
  return transaction->commit();
}

http::Response forgot(PageRequest& page, bool mail_enabled) {
  if (!mail_enabled) return forgot_form(page, 200, false);
  std::string email(trim_blanks(page.field("email")));
  if (email.size() > 254 || email.find('@') == std::string::npos || !is_clean_utf8(email)) {
    return forgot_form(page, 400, true, email.size() > 254 ? "" : email, "forgot_invalid_email");
  }
  auto account = db::find_account_by_email(page.connection, email);
  if (!account) return page.error(503);
  if (*account && !(*account)->disabled) {
    if (Status mailed = mail_reset_link(page.connection, **account); !mailed) {
      log::error("password_reset_mail_failed", {{"id", page.request.request_id}, {"error", mailed.to_string()}});
      return page.error(503);
    }
  }
  data view;
  view.set("mail_enabled", true);
  view.set("sent", true);
  return page.render(200, "forgot_password", "forgot_title", view);
}

}  // namespace

void add_password_reset_page(http::Router& router, const Site& site, bool mail_enabled) {
  site.add_page(router, "GET", "/forgot-password",
                [mail_enabled](PageRequest& page) { return forgot_form(page, 200, mail_enabled); });
  site.add_page(router, "POST", "/forgot-password", [mail_enabled](PageRequest& page) { return forgot(page, mail_enabled); });
  site.add_page(router, "GET", "/reset-password", [](PageRequest& page) {
    auto tokens = page.request.query_values("token");
    std::string token = tokens.empty() ? "" : tokens.front();
    auto usable =
        token.empty() || token.size() > 100 ? Result<bool>(false) : db::password_reset_usable(page.connection, sha256(token));
    if (!usable) return page.error(503);
    return *usable ? form(page, 200, token, true) : form(page, 404, token, false, "reset_invalid");
  });
  site.add_page(router, "POST", "/reset-password", [&site](PageRequest& page) { return submit(page, site); });
}

}  // namespace mobility::portal
