#include "http/router.hpp"

namespace mobility::http {

void Router::add(const std::string& method, const std::string& path, Handler handler) {
  routes_[path][method] = std::move(handler);
}

void Router::add_fallback(const std::string& prefix, Handler handler) { fallbacks_[prefix] = std::move(handler); }

Response Router::dispatch(const Request& request) const {
  auto path = routes_.find(request.path);
  if (path == routes_.end()) {
    for (auto it = fallbacks_.rbegin(); it != fallbacks_.rend(); ++it) {
      if (request.path.starts_with(it->first)) return it->second(request);
    }
    return Response::text(404, "Not found: no page or API at this address.\n");
  }
  std::string method = request.method == "HEAD" ? "GET" : request.method;
  auto handler = path->second.find(method);
  if (handler != path->second.end()) return handler->second(request);

  std::string allowed;
  for (const auto& [name, unused] : path->second) allowed += (allowed.empty() ? "" : ", ") + name;
  Response response = Response::text(405, "Method " + request.method + " is not allowed here; use " + allowed + ".\n");
  response.headers.emplace_back("Allow", allowed);
  return response;
}

std::string Router::route_of(const std::string& path) const {
  if (routes_.count(path)) return path;
  for (auto it = fallbacks_.rbegin(); it != fallbacks_.rend(); ++it) {
    if (path.starts_with(it->first)) return it->first + "*";
  }
  return "unmatched";
}

}  // namespace mobility::http
