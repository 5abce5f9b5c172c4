// Router: maps (method, exact path) to a handler. Later issues register their surfaces here:
// the EWP APIs from their descriptors, the portal and agreement pages, the ops endpoints.
//
// An unknown path answers 404; a known path with another method answers 405 with an Allow header.
// HEAD is served by the GET handler with the body dropped by the server.
#pragma once

#include <map>
#include <string>

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

 private:
  std::map<std::string, std::map<std::string, Handler>> routes_;  // path → method → handler
  std::map<std::string, Handler> fallbacks_;                      // prefix → handler
};

}  // namespace mobility::http
