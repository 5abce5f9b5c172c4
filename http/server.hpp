// Server: serves a Router over HTTP/1.1 with Pistache, and is the only file that knows Pistache.
//
// Pistache provides the sockets, worker threads and connection timeouts; requests are parsed by
// our own parser (request_parser.hpp) and responses written as raw bytes
// (response_serializer.hpp), because HTTP signatures need what Pistache 0.0.5 loses or rewrites:
// the exact request target, repeated query parameters, every header in order with repeats and
// unchanged values, and response headers exactly as our handlers set them (docs/decisions.md).
// On top of that the server gives:
// - keep-alive for HTTP/1.1 (Connection: close honoured), pipelined requests in order,
//   100 Continue for clients that expect it;
// - limits: a body over max_request_bytes (or over the router's allowance for its path, for forms
//   with files: Router::allow_body) gets 413 before it is read, a head over 64 KiB gets 431, malformed requests 400/501/505, a
//   request not complete within request_timeout 408, each with a readable message and a closed connection;
// - one log line per request: id, method, path, status, bytes, duration (never bodies);
// - handler exceptions become a 500 without details for the client;
// - graceful shutdown: stop() lets requests in flight finish (up to a grace period) before
//   closing, and answers 503 to requests that arrive meanwhile.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>

#include "base/status.hpp"
#include "http/router.hpp"

namespace mobility::http {

struct ServerOptions {
  std::string address = "127.0.0.1";
  uint16_t port = 8080;  // 0 picks a free port (tests)
  int threads = 2;
  size_t max_request_bytes = 1024 * 1024;  // body limit; headers get a fixed allowance on top
  std::chrono::milliseconds shutdown_grace{10000};
  std::vector<std::string> trusted_proxies = {};  // http/forwarding.hpp
  // A request not complete this long after its first byte gets 408 and the connection is closed
  // (a client trickling a head or a body holds no connection for long).
  std::chrono::milliseconds request_timeout{10000};
};

class Server {
 public:
  Server(ServerOptions options, std::shared_ptr<const Router> router);
  ~Server();  // stops if still running

  // Binds and starts serving on background threads.
  Status start();
  // The port actually bound (useful with port 0).
  uint16_t port() const;
  // Waits for requests in flight (up to shutdown_grace), then closes. Idempotent.
  void stop();

  struct State;  // implementation detail, defined in server.cpp

 private:
  std::shared_ptr<State> state_;
};

}  // namespace mobility::http
