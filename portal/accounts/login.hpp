// Password login with throttling: after 5 failures for one account, or 20 from one address,
// within 15 minutes, further attempts are refused without checking the password until the window
// has passed. Unknown emails, disabled accounts and wrong passwords look the same to the caller
// (and take as long), so the form does not reveal which emails have accounts.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "db/accounts.hpp"
#include "db/connection.hpp"
#include "http/message.hpp"
#include "portal/accounts/sessions.hpp"

namespace mobility::portal {

struct LoginPolicy {
  int max_failures_per_account = 5;
  int max_failures_per_address = 20;
  std::chrono::seconds window{std::chrono::minutes(15)};
};

enum class LoginOutcome { kSignedIn, kRefused, kThrottled };

struct LoginResult {
  LoginOutcome outcome = LoginOutcome::kRefused;
  std::optional<ActiveSession> session;      // when signed in
  std::optional<db::AccountRecord> account;  // when signed in
};

// The address a login comes from: the TCP peer, or, when that is a trusted proxy (our nginx), the
// address it saw (http/forwarding.hpp).
std::string client_address(const http::Request& request);

class Login {
 public:
  Login(const Sessions& sessions, LoginPolicy policy) : sessions_(sessions), policy_(policy) {}

  // A successful attempt starts a new session, forgets the account's failures, upgrades an old
  // password hash, and is audited.
  Result<LoginResult> attempt(db::Connection& connection, std::string_view email, std::string_view password,
                              const std::string& address) const;

 private:
  Result<bool> throttled(db::Connection& connection, const std::string& account_scope, const std::string& address_scope) const;

  const Sessions& sessions_;
  LoginPolicy policy_;
};

}  // namespace mobility::portal
