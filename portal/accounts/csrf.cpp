#include "portal/accounts/csrf.hpp"

#include <openssl/crypto.h>

#include "base/secure_random.hpp"
#include "portal/accounts/cookies.hpp"

namespace mobility::portal {
namespace {

std::string cookie_name(const http::Request& request) {
  return secure_channel(request) ? "__Host-mobility-csrf" : "mobility_csrf";
}

bool same_token(std::string_view expected, std::string_view submitted) {
  return !expected.empty() && expected.size() == submitted.size() &&
         CRYPTO_memcmp(expected.data(), submitted.data(), expected.size()) == 0;
}

}  // namespace

CsrfToken csrf_token_for(const http::Request& request, const std::optional<ActiveSession>& session) {
  if (session) return {session->csrf_token, std::nullopt};
  if (auto existing = cookie_value(request, cookie_name(request)); existing && existing->size() == 43) {
    return {*existing, std::nullopt};
  }
  std::string fresh = random_token(32);
  return {fresh, set_cookie_value(cookie_name(request), fresh, {secure_channel(request), true, "Lax", std::nullopt})};
}

bool csrf_accepts(const http::Request& request, const std::optional<ActiveSession>& session, std::string_view submitted) {
  if (session) return same_token(session->csrf_token, submitted);
  auto cookie = cookie_value(request, cookie_name(request));
  return cookie && same_token(*cookie, submitted);
}

}  // namespace mobility::portal
