// Reading the Cookie header and writing Set-Cookie values (RFC 6265).
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "http/message.hpp"

namespace mobility::portal {

// true when the request reached us over https: through a trusted proxy (our nginx), which says
// so in X-Forwarded-Proto (http/forwarding.hpp). Cookies are then Secure and carry the __Host- prefix; over plain
// http (development on :8080) they cannot be.
bool secure_channel(const http::Request& request);

// The value of cookie `name` in the request's Cookie header(s); the first if repeated.
std::optional<std::string> cookie_value(const http::Request& request, std::string_view name);

struct CookieAttributes {
  bool secure = true;
  bool http_only = true;
  std::string same_site = "Lax";
  std::optional<std::chrono::seconds> max_age;  // absent: ends with the browser session
};

// "name=value; Path=/; ..." for a Set-Cookie header. `value` must be a cookie-octet string
// (base64url tokens are).
std::string set_cookie_value(std::string_view name, std::string_view value, const CookieAttributes& attributes);

}  // namespace mobility::portal
