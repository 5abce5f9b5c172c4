#include "http/forwarding.hpp"

#include <algorithm>

#include "base/text.hpp"

namespace mobility::http {

void resolve_client(Request& request, const std::vector<std::string>& trusted_proxies) {
  request.client_address = request.peer_address;
  request.forwarded_https = false;
  if (std::find(trusted_proxies.begin(), trusted_proxies.end(), request.peer_address) == trusted_proxies.end()) return;
  auto forwarded = header_values(request.headers, "X-Forwarded-For");
  if (!forwarded.empty()) {
    const std::string& last = forwarded.back();
    size_t comma = last.rfind(',');
    std::string address(
        trim_blanks(comma == std::string::npos ? std::string_view(last) : std::string_view(last).substr(comma + 1)));
    if (!address.empty()) request.client_address = address;
  }
  auto proto = request.header("X-Forwarded-Proto");
  request.forwarded_https = proto && ascii_lower(trim_blanks(*proto)) == "https";
}

}  // namespace mobility::http
