// The real HttpTransport: HTTP(S) over libcurl, for the registry client and the signed EWP client.
//
// send() adds no Accept, Expect or Content-Type header of its own. TLS certificates are always
// verified, against the system CAs plus the optional extra bundle. file:// URLs work too (status
// 200 when the file exists). Connections are kept alive and reused between calls. An answer body
// over max_response_bytes is cut off as it arrives and reported as unavailable ("… answered more
// than N bytes"), so a partner cannot fill our memory.
//
// Thread safety: one transport serialises its calls (it owns one curl handle); give each worker
// thread its own transport when calls must run in parallel.
#pragma once

#include <chrono>
#include <mutex>
#include <string>
#include <vector>

#include "base/config.hpp"
#include "ewp-node/client/http_transport.hpp"

namespace mobility::ewp {

struct TransportOptions {
  std::chrono::milliseconds connect_timeout{5000};
  std::chrono::milliseconds timeout{30000};
  std::string extra_ca_bundle;  // PEM file; empty: system CAs only
  // curl CONNECT_TO rules "HOST:PORT:CONNECT_HOST:CONNECT_PORT": reach a URL's host elsewhere
  // while keeping its Host header and TLS name (local networks, tests).
  std::vector<std::string> connect_to;
  // The largest answer body taken; a larger one is cut off and reported as unavailable.
  size_t max_response_bytes = 64 * 1024 * 1024;
};

// Timeouts and CA bundle from the node's configuration.
TransportOptions transport_options(const Config& config);

class CurlTransport : public HttpTransport {
 public:
  explicit CurlTransport(TransportOptions options);
  ~CurlTransport() override;
  CurlTransport(const CurlTransport&) = delete;
  CurlTransport& operator=(const CurlTransport&) = delete;

  Result<HttpReply> send(const std::string& method, const std::string& url, const http::HeaderList& headers,
                         const std::string& body) override;

 private:
  TransportOptions options_;
  std::mutex mutex_;
  void* curl_;  // CURL*
};

}  // namespace mobility::ewp
