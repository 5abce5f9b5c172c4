#include "portal/pages/password_reset_page.hpp"

#include "base/log.hpp"
#include "base/sha256.hpp"
#include "base/text.hpp"
#include "db/accounts.hpp"
#include "db/audit_events.hpp"
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

}  // namespace

void add_password_reset_page(http::Router& router, const Site& site) {
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
