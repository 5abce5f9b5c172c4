#include "portal/accounts/csrf.hpp"

#include <openssl/crypto.h>

#include "base/secure_random.hpp"
#include "base/text.hpp"
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

bool same_origin(const http::Request& request) {
  if (auto site = request.header("Sec-Fetch-Site")) {
    std::string value = ascii_lower(trim_blanks(*site));
    if (value != "same-origin" && value != "none") return false;
  }
  auto origin = request.header("Origin");
  if (!origin) return true;
  size_t scheme = origin->find("://");
  auto host = request.header("Host");
  if (scheme == std::string::npos || !host) return false;  // "null" (a sandboxed or privacy-hidden origin) too
  return http::equals_ignore_case(std::string_view(*origin).substr(scheme + 3), trim_blanks(*host));
}

}  // namespace mobility::portal
