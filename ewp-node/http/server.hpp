// Server: serves a Router over HTTP/1.1 with Pistache, and is the only file that knows Pistache.
//
// What the adapter adds on top of Pistache 0.0.5 (see docs/decisions.md):
// - keep-alive for HTTP/1.1 clients that send no Connection header (Pistache would close);
// - custom response headers (Pistache silently drops `addRaw` headers);
// - a request size limit answered with 413 and a readable message;
// - one log line per request: id, method, path, status, bytes, duration (never bodies);
// - handler exceptions become a 500 without details for the client;
// - graceful shutdown: stop() lets requests in flight finish (up to a grace period) before
//   closing, and answers 503 to requests that arrive meanwhile.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>

#include "ewp-node/http/router.hpp"
#include "ops/base/status.hpp"

namespace mobility::http {

struct ServerOptions {
  std::string address = "127.0.0.1";
  uint16_t port = 8080;  // 0 picks a free port (tests)
  int threads = 2;
  size_t max_request_bytes = 1024 * 1024;  // body limit; headers get a fixed allowance on top
  std::chrono::milliseconds shutdown_grace{10000};
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
