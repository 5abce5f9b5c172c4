// Outgoing HTTP(S) over libcurl, for the registry client and the signed EWP client.
//
// send() transmits exactly the given method, headers and body (libcurl adds no Accept, Expect
// or Content-Type of its own) and returns the status, every response header in order with
// repeats, and the body. TLS certificates are always verified, against the system CAs plus the
// optional extra bundle. file:// URLs work too (status 200 when the file exists). Connections are
// kept alive and reused between calls on the same transport.
//
// Thread safety: one transport serialises its calls (it owns one curl handle); give each worker
// thread its own transport when calls must run in parallel.
#pragma once

#include <chrono>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "http/message.hpp"
#include "base/config.hpp"
#include "base/status.hpp"

namespace mobility::ewp {

struct TransportOptions {
  std::chrono::milliseconds connect_timeout{5000};
  std::chrono::milliseconds timeout{30000};
  std::string extra_ca_bundle;  // PEM file; empty: system CAs only
  // curl CONNECT_TO rules "HOST:PORT:CONNECT_HOST:CONNECT_PORT": reach a URL's host elsewhere
  // while keeping its Host header and TLS name (local networks, tests).
  std::vector<std::string> connect_to;
};

// Timeouts and CA bundle from the node's configuration.
TransportOptions transport_options(const Config& config);

struct HttpReply {
  int status = 0;
  http::HeaderList headers;
  std::string body;
};

class HttpTransport {
 public:
  explicit HttpTransport(TransportOptions options);
  ~HttpTransport();
  HttpTransport(const HttpTransport&) = delete;
  HttpTransport& operator=(const HttpTransport&) = delete;

  // unavailable (with the URL and libcurl's reason) when no HTTP answer arrived.
  Result<HttpReply> send(const std::string& method, const std::string& url, const http::HeaderList& headers,
                         const std::string& body);

 private:
  TransportOptions options_;
  std::mutex mutex_;
  void* curl_;  // CURL*
};

}  // namespace mobility::ewp
