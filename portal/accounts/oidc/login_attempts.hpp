// The state, nonce and PKCE verifier (RFC 7636, S256) of one sign-in at a provider, kept
// server-side (db/oidc_logins.hpp) and bound to the browser that started it by a cookie of its
// own: the callback is accepted once, from that browser, within the lifetime.
#pragma once

#include <chrono>
#include <optional>
#include <string>

#include "db/connection.hpp"
#include "db/oidc_logins.hpp"
#include "http/message.hpp"

namespace mobility::portal::oidc {

struct StartedAttempt {
  std::string state;           // for the authorization request
  std::string nonce;           // likewise; comes back inside the ID token
  std::string code_challenge;  // S256 of the verifier, which stays here
  std::string browser_token;   // the cookie's value
};

// base64url(SHA-256(verifier)), the S256 code challenge.
std::string pkce_challenge(const std::string& code_verifier);

class LoginAttempts {
 public:
  explicit LoginAttempts(std::chrono::seconds lifetime) : lifetime_(lifetime) {}

  // A new attempt at the provider, stored; `browser_token` is the browser's cookie when it has
  // one (kept, so that two tabs can sign in at once), else a new one is made.
  Result<StartedAttempt> start(db::Connection& connection, const std::string& provider_id,
                               const std::optional<std::string>& browser_token) const;
  // The attempt `state` names, taken (never again): nullopt when unknown, used, expired, or
  // started by another browser (no cookie, or another one).
  Result<std::optional<db::LoginAttempt>> take(db::Connection& connection, const std::string& state,
                                               const std::optional<std::string>& browser_token) const;

  // The cookie's name on the request's channel (__Host- over https), and its Set-Cookie value.
  static std::string cookie_name(const http::Request& request);
  static std::string set_cookie(const http::Request& request, const std::string& browser_token);

 private:
  std::chrono::seconds lifetime_;
};

}  // namespace mobility::portal::oidc
