// Router: maps (method, exact path) to a handler. Later issues register their surfaces here:
// the EWP APIs from their descriptors, the portal and agreement pages, the ops endpoints.
//
// An unknown path answers 404; a known path with another method answers 405 with an Allow header.
// HEAD is served by the GET handler with the body dropped by the server.
//
// Bodies are limited by the server (ServerOptions::max_request_bytes); a route that takes files
// allows larger ones on its paths with allow_body (http/server.hpp asks body_limit before it
// reads a body, so every other path keeps the server's limit).
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "http/message.hpp"

namespace mobility::http {

class Router {
 public:
  // Registering the same method and path twice replaces the first handler.
  void add(const std::string& method, const std::string& path, Handler handler);
  // Answers every request whose path starts with `prefix` and matches no registered path (any
  // method); the longest matching prefix wins. Lets a surface give its own 404.
  void add_fallback(const std::string& prefix, Handler handler);
  Response dispatch(const Request& request) const;
  // The route that answers `path`, as a bounded label for metrics: the registered path itself,
  // a fallback's prefix followed by "*", or "unmatched".
  std::string route_of(const std::string& path) const;

  // Requests whose path starts with `prefix` and ends with `suffix` (after it) may carry bodies of
  // up to `max_body_bytes`: "/my-exchange/applications/", "/documents" for
  // "/my-exchange/applications/{round_id}/documents".
  void allow_body(const std::string& prefix, const std::string& suffix, size_t max_body_bytes);
  // The largest body a request to `path` may carry: the largest of `otherwise` (the server's
  // limit) and the allowances whose prefix and suffix match it.
  size_t body_limit(std::string_view path, size_t otherwise) const;
  // The largest allowance of all (0 without any).
  size_t largest_body_allowance() const;

 private:
  struct BodyAllowance {
    std::string prefix;
    std::string suffix;
    size_t max_body_bytes = 0;
  };
  std::vector<BodyAllowance> body_allowances_;
  std::map<std::string, std::map<std::string, Handler>> routes_;  // path → method → handler
  std::map<std::string, Handler> fallbacks_;                      // prefix → handler
};

}  // namespace mobility::http
