// HTTP for tests, over the node's own transport (ewp-node/client/curl_transport.hpp): real HTTP
// over loopback, one reusable connection, nothing added to the request but what the test gives.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "base/status.hpp"
#include "ewp-node/client/curl_transport.hpp"

namespace mobility::testing {

struct HttpReply {
  long status = 0;
  std::string body;
  std::vector<std::string> header_lines;  // "Name: value" as received

  // Value of the first header with this name (case-insensitive), or "".
  std::string header(const std::string& name) const;
};

class HttpClient {
 public:
  Result<HttpReply> get(const std::string& url, const std::vector<std::string>& headers = {});
  // `headers` as "Name: value" lines.
  Result<HttpReply> request(const std::string& method, const std::string& url, const std::string& body,
                            const std::vector<std::string>& headers = {});

 private:
  ewp::CurlTransport transport_{ewp::TransportOptions{std::chrono::milliseconds(5000), std::chrono::milliseconds(20000), "", {}}};
};

// Raw HTTP, for what a client library would not send or would hide.
// A TCP connection to 127.0.0.1:`port` (the test fails when it cannot connect); the caller closes it.
int connect_loopback(uint16_t port);
// Sends `bytes` on a new connection to 127.0.0.1:`port` and returns everything received until the
// server closes it or `wait` passes without data ("" when nothing came).
std::string raw_exchange(uint16_t port, const std::string& bytes, std::chrono::milliseconds wait);

}  // namespace mobility::testing
