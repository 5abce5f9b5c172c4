#include "portal/accounts/csrf.hpp"

#include <openssl/crypto.h>

#include "ops/base/secure_random.hpp"
#include "portal/accounts/cookies.hpp"

namespace mobility::portal {
namespace {

bool same_token(std::string_view expected, std::string_view submitted) {
  return !expected.empty() && expected.size() == submitted.size() &&
         CRYPTO_memcmp(expected.data(), submitted.data(), expected.size()) == 0;
}

}  // namespace

CsrfToken Csrf::token_for(const http::Request& request, const std::optional<ActiveSession>& session) const {
  if (session) return {session->csrf_token, std::nullopt};
  if (auto existing = cookie_value(request, cookie_name()); existing && existing->size() == 43) {
    return {*existing, std::nullopt};
  }
  std::string fresh = random_token(32);
  return {fresh, set_cookie_value(cookie_name(), fresh, {secure_cookie_, true, "Lax", std::nullopt})};
}

bool Csrf::accepts(const http::Request& request, const std::optional<ActiveSession>& session,
                   std::string_view submitted) const {
  if (session) return same_token(session->csrf_token, submitted);
  auto cookie = cookie_value(request, cookie_name());
  return cookie && same_token(*cookie, submitted);
}

}  // namespace mobility::portal
