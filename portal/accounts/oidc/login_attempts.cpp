#include "portal/accounts/oidc/login_attempts.hpp"

#include "base/base64url.hpp"
#include "base/secure_random.hpp"
#include "base/sha256.hpp"
#include "portal/accounts/cookies.hpp"

namespace mobility::portal::oidc {

std::string pkce_challenge(const std::string& code_verifier) { return base64url_encode(sha256(code_verifier)); }

Result<StartedAttempt> LoginAttempts::start(db::Connection& connection, const std::string& provider_id,
                                            const std::optional<std::string>& browser_token) const {
  StartedAttempt started;
  started.state = random_token(32);
  started.nonce = random_token(32);
  std::string verifier = random_token(32);  // 43 characters, the shortest RFC 7636 allows
  started.code_challenge = pkce_challenge(verifier);
  bool usable_token = browser_token && browser_token->size() == 43;
  started.browser_token = usable_token ? *browser_token : random_token(32);
  Status stored = db::insert_login_attempt(connection, sha256(started.state), sha256(started.browser_token),
                                           {provider_id, started.nonce, verifier}, lifetime_);
  if (!stored) return stored;
  return started;
}

Result<std::optional<db::LoginAttempt>> LoginAttempts::take(db::Connection& connection, const std::string& state,
                                                            const std::optional<std::string>& browser_token) const {
  if (state.empty() || state.size() > 200) return std::optional<db::LoginAttempt>();
  // Without the cookie no stored browser hash can match: the hash of a random value stands in.
  return db::take_login_attempt(connection, sha256(state), sha256(browser_token.value_or(random_token(32))));
}

std::string LoginAttempts::cookie_name(const http::Request& request) {
  return secure_channel(request) ? "__Host-oidc_browser" : "oidc_browser";
}

std::string LoginAttempts::set_cookie(const http::Request& request, const std::string& browser_token) {
  // Lax: the provider sends the browser back with a top-level GET, which carries Lax cookies.
  return set_cookie_value(cookie_name(request), browser_token, {secure_channel(request), true, "Lax", std::nullopt});
}

}  // namespace mobility::portal::oidc
