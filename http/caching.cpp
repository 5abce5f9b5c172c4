#include "http/caching.hpp"

#include "base/sha256.hpp"
#include "base/text.hpp"

namespace mobility::http {
namespace {

// If-None-Match uses the weak comparison: W/"x" and "x" name the same body.
bool lists_tag(const std::string& if_none_match, const std::string& tag) {
  size_t start = 0;
  while (start <= if_none_match.size()) {
    size_t comma = if_none_match.find(',', start);
    if (comma == std::string::npos) comma = if_none_match.size();
    std::string_view candidate = trim_blanks(std::string_view(if_none_match).substr(start, comma - start));
    if (candidate.starts_with("W/")) candidate.remove_prefix(2);
    if (candidate == "*" || candidate == tag) return true;
    start = comma + 1;
  }
  return false;
}

}  // namespace

std::string entity_tag(const std::string& body) { return "\"" + sha256_hex(body) + "\""; }

Response cacheable(const Request& request, Response response, std::chrono::seconds max_age) {
  std::string tag = entity_tag(response.body);
  // private: our answers are signed for one request (X-Request-Id), so shared caches must not
  // hand them to others.
  response.headers.emplace_back("Cache-Control", "private, max-age=" + std::to_string(max_age.count()));
  response.headers.emplace_back("ETag", tag);
  for (const auto& if_none_match : header_values(request.headers, "If-None-Match")) {
    if (!lists_tag(if_none_match, tag)) continue;
    response.status = 304;
    response.body.clear();
    break;
  }
  return response;
}

}  // namespace mobility::http
