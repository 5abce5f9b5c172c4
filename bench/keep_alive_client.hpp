// KeepAliveClient: the load generator's HTTP/1.1 client, one persistent loopback connection
// with blocking send/recv. libcurl (the node's client) spends several poll() calls per request,
// which on two shared cores would be measured as the server's cost. Understands just what the
// node sends back: a status line, headers, and a body of Content-Length bytes. A send or receive
// that waits longer than kTimeoutSeconds fails the request, so a stuck server cannot hang a bench.
#pragma once

#include <string>

#include "base/status.hpp"
#include "http/message.hpp"

namespace mobility::bench {

struct Reply {
  int status = 0;
  http::HeaderList headers;
  std::string body;
};

inline constexpr int kTimeoutSeconds = 30;

class KeepAliveClient {
 public:
  explicit KeepAliveClient(int port) : port_(port) {}
  KeepAliveClient(const KeepAliveClient&) = delete;
  KeepAliveClient& operator=(const KeepAliveClient&) = delete;
  ~KeepAliveClient();

  // Sends `method target` with exactly `headers` and `body` (with its Content-Length when not
  // empty); connects on first use.
  Result<Reply> send(const std::string& method, const std::string& target, const http::HeaderList& headers,
                     const std::string& body = "");

 private:
  Status connect_once();
  Result<Reply> read_reply();

  int port_;
  int fd_ = -1;
  std::string buffer_;  // bytes received and not yet consumed
};

}  // namespace mobility::bench
