#include "portal/accounts/login.hpp"

#include "base/log.hpp"
#include "base/text.hpp"
#include "db/audit_events.hpp"
#include "db/login_failures.hpp"
#include "portal/accounts/password_hash.hpp"

namespace mobility::portal {
namespace {

// Checked against when there is no real hash, so a refusal costs the same time either way.
const std::string& decoy_hash() {
  static const std::string hash = hash_password("decoy password that no account has").value();
  return hash;
}

}  // namespace

std::string client_address(const http::Request& request) {
  return request.client_address.empty() ? request.peer_address : request.client_address;
}
Result<bool> Login::throttled(db::Connection& connection, const std::string& account_scope,
                              const std::string& address_scope) const {
  auto by_account = db::recent_login_failures(connection, account_scope, policy_.window);
  if (!by_account) return by_account.status();
  auto by_address = db::recent_login_failures(connection, address_scope, policy_.window);
  if (!by_address) return by_address.status();
  return *by_account >= policy_.max_failures_per_account || *by_address >= policy_.max_failures_per_address;
}

Result<LoginResult> Login::attempt(db::Connection& connection, std::string_view email, std::string_view password,
                                   const std::string& address) const {
  std::string account_scope = "account:" + ascii_lower(std::string(email));
  std::string address_scope = "address:" + address;
  auto locked = throttled(connection, account_scope, address_scope);
  if (!locked) return locked.status();
  if (*locked) {
    log::warn("login_throttled", {{"address", address}});
    return LoginResult{LoginOutcome::kThrottled, std::nullopt, std::nullopt};
  }
  auto account = db::find_account_by_email(connection, std::string(email));
  if (!account) return account.status();
  bool usable = *account && !(*account)->disabled && (*account)->password_hash;
  bool matches = verify_password(password, usable ? *(*account)->password_hash : decoy_hash());
  if (!usable || !matches) {
    if (Status recorded = db::record_login_failure(connection, {account_scope, address_scope}); !recorded) return recorded;
    return LoginResult{LoginOutcome::kRefused, std::nullopt, std::nullopt};
  }
  const db::AccountRecord& record = **account;
  if (Status cleared = db::clear_login_failures(connection, account_scope, policy_.window); !cleared) return cleared;
  if (needs_rehash(*record.password_hash)) {
    auto upgraded = hash_password(password);
    if (Status stored = upgraded ? db::set_password_hash(connection, record.account_id, *upgraded) : upgraded.status(); !stored) {
      log::warn("password_rehash_failed", {{"error", stored.message()}});
    }
  }
  auto session = sessions_.start(connection, record.account_id);
  if (!session) return session.status();
  // Filed under the account's first role, so the admins of its HEI see it.
  std::optional<std::string> role, hei_id;
  if (!record.roles.empty()) std::tie(role, hei_id) = std::pair(record.roles.front().role, record.roles.front().hei_id);
  Status audited = db::record_audit_event(connection, {record.account_id, record.email, role, hei_id, "login",
                                                       "account:" + std::to_string(record.account_id), "from " + address, ""});
  if (!audited) return audited;
  return LoginResult{LoginOutcome::kSignedIn, std::move(*session), record};
}

}  // namespace mobility::portal
