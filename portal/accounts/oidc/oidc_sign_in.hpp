// Sign-in with OpenID Connect: the authorization-code flow with PKCE (S256), state and nonce
// (OpenID Connect Core §3.1), and RP-initiated logout. Providers come from the database
// (db/oidc_providers.hpp, managed with `mobility oidc`); with none, nothing here is ever reached.
//
//   begin()   a new attempt, and the provider's authorization URL to send the browser to
//   finish()  the browser is back at redirect_uri(): take the attempt its state names (once, same
//             browser, not expired), exchange the code at the token endpoint with the verifier and
//             the client secret, verify the ID token (id_token.hpp), fetch userinfo when the
//             provider is configured so, find or create the account (account_linking.hpp) and
//             start a session — all of it in one transaction, so a refusal leaves nothing behind.
//
// The client secret is read from the provider's client_secret_file at each token exchange, and
// never logged; nor are codes, tokens or claims (only the provider, the outcome and why).
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <variant>

#include <nlohmann/json.hpp>

#include "db/accounts.hpp"
#include "db/connection.hpp"
#include "db/oidc_providers.hpp"
#include "portal/accounts/oidc/discovery.hpp"
#include "portal/accounts/oidc/internet.hpp"
#include "portal/accounts/oidc/jwks.hpp"
#include "portal/accounts/oidc/login_attempts.hpp"
#include "portal/accounts/sessions.hpp"

namespace mobility::portal::oidc {

struct OidcSettings {
  std::string public_url;  // redirect_uri is <public_url>/login/oidc/callback
  std::chrono::seconds attempt_lifetime{std::chrono::minutes(10)};
  std::chrono::seconds skew{120};  // clock difference tolerated on the ID token's exp and iat
};

// Why a sign-in did not happen; each has its own page text (message key "oidc_<name>").
enum class Refusal {
  kNone,
  kUnknownProvider,  // no such provider (404)
  kProviderDown,     // discovery, keys or the token endpoint unreachable (503)
  kBadState,         // no such attempt: unknown, used, expired, another browser (400)
  kCancelled,        // the provider sent an error instead of a code (400)
  kTokenRefused,     // the code was refused, or the ID token or userinfo did not verify (403)
  kNotLinked,        // nobody to sign in to (403)
  kMissingClaims,    // a new account needs name and email (403)
  kEmailTaken,       // a new account's email belongs to an account already (403)
  kDisabled,         // the linked account is disabled (403)
};

// "oidc_provider_down" and so on: the page text's message key.
std::string message_key(Refusal refusal);
int http_status(Refusal refusal);

struct Begun {
  std::string location;       // the provider's authorization URL with our request
  std::string browser_token;  // for the attempt cookie (LoginAttempts::set_cookie)
};

struct CallbackParameters {
  std::string code;
  std::string state;
  std::string error;  // the provider's `error`, when it sent one
  std::optional<std::string> browser_token;
  std::string address;  // the client's, for the audit log
};

struct Finished {
  Refusal refusal = Refusal::kNone;
  std::optional<ActiveSession> session;      // when signed in
  std::optional<db::AccountRecord> account;  // when signed in
};

class OidcSignIn {
 public:
  // `internet` and `sessions` must outlive this.
  OidcSignIn(Internet& internet, const Sessions& sessions, OidcSettings settings);

  // Refusals are values (kUnknownProvider, kProviderDown); Status errors are the database's.
  Result<std::variant<Begun, Refusal>> begin(db::Connection& connection, const std::string& provider_id,
                                             const std::optional<std::string>& browser_token);
  Result<Finished> finish(db::Connection& connection, const CallbackParameters& callback);
  // Where to send the browser once `session` has ended: the end_session_endpoint of the provider
  // it began at, with id_token_hint and post_logout_redirect_uri (<public_url>/); nullopt for
  // sessions that began with a password, or a provider without one (or unreachable).
  Result<std::optional<std::string>> logout_location(db::Connection& connection, const ActiveSession& session);

  std::string redirect_uri() const { return settings_.public_url + "/login/oidc/callback"; }
  // How many times a JWKS was fetched.
  int jwks_fetches() const { return jwks_.fetches(); }

 private:
  Result<Finished> sign_in(db::Connection& connection, const db::OidcProviderRecord& provider, const nlohmann::json& claims,
                           const std::string& id_token, const std::string& address) const;

  Internet& internet_;
  const Sessions& sessions_;
  OidcSettings settings_;
  LoginAttempts attempts_;
  Discovery discovery_;
  JwksCache jwks_;
};

}  // namespace mobility::portal::oidc
