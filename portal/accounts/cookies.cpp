#include "portal/accounts/cookies.hpp"

namespace mobility::portal {
namespace {

std::string_view trimmed(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

}  // namespace

bool secure_channel(const http::Request& request) { return request.forwarded_https; }

std::optional<std::string> cookie_value(const http::Request& request, std::string_view name) {
  for (const std::string& header : http::header_values(request.headers, "Cookie")) {
    std::string_view rest = header;
    while (!rest.empty()) {
      size_t end = rest.find(';');
      std::string_view pair = trimmed(rest.substr(0, end));
      rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
      size_t equals = pair.find('=');
      if (equals != std::string_view::npos && trimmed(pair.substr(0, equals)) == name) {
        std::string_view value = trimmed(pair.substr(equals + 1));
        if (value.size() >= 2 && value.front() == '"' && value.back() == '"') value = value.substr(1, value.size() - 2);
        return std::string(value);
      }
    }
  }
  return std::nullopt;
}

std::string set_cookie_value(std::string_view name, std::string_view value, const CookieAttributes& attributes) {
  std::string cookie = std::string(name) + "=" + std::string(value) + "; Path=/";
  if (attributes.max_age) cookie += "; Max-Age=" + std::to_string(attributes.max_age->count());
  if (attributes.secure) cookie += "; Secure";
  if (attributes.http_only) cookie += "; HttpOnly";
  if (!attributes.same_site.empty()) cookie += "; SameSite=" + attributes.same_site;
  return cookie;
}

}  // namespace mobility::portal
