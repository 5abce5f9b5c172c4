#include "http/router.hpp"

#include <algorithm>

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

void Router::allow_body(const std::string& prefix, const std::string& suffix, size_t max_body_bytes) {
  body_allowances_.push_back({prefix, suffix, max_body_bytes});
}

size_t Router::body_limit(std::string_view path, size_t otherwise) const {
  size_t limit = otherwise;
  for (const auto& allowance : body_allowances_) {
    bool matches = path.size() >= allowance.prefix.size() + allowance.suffix.size() && path.starts_with(allowance.prefix) &&
                   path.ends_with(allowance.suffix);
    if (matches) limit = std::max(limit, allowance.max_body_bytes);
  }
  return limit;
}

size_t Router::largest_body_allowance() const {
  size_t largest = 0;
  for (const auto& allowance : body_allowances_) largest = std::max(largest, allowance.max_body_bytes);
  return largest;
}

}  // namespace mobility::http
