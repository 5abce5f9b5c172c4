#include "http/server.hpp"

#include <pistache/endpoint.h>
#include <pistache/http.h>
#include <pistache/peer.h>
#include <sys/socket.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <mutex>
#include <random>
#include <sstream>

#include <thread>
#include "base/metrics.hpp"

#include "base/log.hpp"
#include "http/forwarding.hpp"
#include "http/http_date.hpp"
#include "http/request_parser.hpp"
#include "http/response_serializer.hpp"

namespace mobility::http {
namespace {

namespace Ph = Pistache::Http;

// Room for the request line and headers on top of the body limit.
constexpr size_t kHeaderAllowance = 64 * 1024;
constexpr const char* kPeerStateKey = "mobility.connection";

std::string new_request_id() {
  thread_local std::mt19937_64 generator{std::random_device{}()};
  char buffer[17];
  std::snprintf(buffer, sizeof buffer, "%016llx", static_cast<unsigned long long>(generator()));
  return buffer;
}

// What we keep per connection between reads: the bytes not yet consumed.
struct Connection {
  std::string buffer;
  bool continue_sent = false;
  bool closing = false;
  std::atomic<int> writes_queued{0};  // responses (or their rest) handed to Pistache, not yet sent
};

}  // namespace

struct Server::State {
  ServerOptions options;
  std::shared_ptr<const Router> router;
  std::unique_ptr<Pistache::Http::Endpoint> endpoint;
  std::atomic<int> in_flight{0};
  std::atomic<bool> draining{false};
  std::mutex stop_mutex;
  bool running = false;

  Response handle(const Request& request) {
    if (draining) return Response::text(503, "The server is shutting down; try again in a moment.\n");
    try {
      return router->dispatch(request);
    } catch (const std::exception& error) {
      log::error("handler_failed", {{"id", request.request_id}, {"path", request.path}, {"error", error.what()}});
      return Response::text(
          500, "Internal error; the operators can find it in the log under request id " + request.request_id + ".\n");
    }
  }
};

namespace {

// Reads requests from Pistache's connections with our own parser (Pistache 0.0.5's parser drops
// repeated query parameters and headers and rewrites header values, which breaks HTTP
// signatures) and writes each response as raw bytes. Pistache still owns sockets, threads and
// the header/keep-alive timeouts, which watch its (unused) parser's timestamp: we reset it when a
// connection becomes idle and mark the connection busy while a request is partial.
class RawHttpAdapter : public Ph::Handler {
 public:
  HTTP_PROTOTYPE(RawHttpAdapter)
  explicit RawHttpAdapter(Server::State* state) : state_(state) {}

  void onRequest(const Ph::Request&, Ph::ResponseWriter) override {}  // never called: onInput is ours

  void onInput(const char* data, size_t length, const std::shared_ptr<Pistache::Tcp::Peer>& peer) override {
    auto connection = connection_of(peer);
    if (connection->closing) return;
    connection->buffer.append(data, length);
    const Router& router = *state_->router;
    size_t server_limit = state_->options.max_request_bytes;
    http::ParseLimits limits{kHeaderAllowance, server_limit,
                             [&router, server_limit](std::string_view path) { return router.body_limit(path, server_limit); }};
    while (!connection->closing) {
      ParseResult parsed = parse_request(connection->buffer, limits);
      if (parsed.kind == ParseResult::Kind::kIncomplete) {
        if (parsed.expects_continue && !connection->continue_sent) {
          write(peer, *connection, "HTTP/1.1 100 Continue\r\n\r\n");
          connection->continue_sent = true;
        }
        break;
      }
      if (parsed.kind == ParseResult::Kind::kError) {
        refuse(peer, *connection, parsed);
        break;
      }
      connection->buffer.erase(0, parsed.consumed);
      connection->continue_sent = false;
      serve(peer, *connection, parsed);
    }
    bool idle = connection->buffer.empty();
    if (idle) getParser(peer)->reset();
    peer->setIdle(idle);
  }

 private:
  static std::shared_ptr<Connection> connection_of(const std::shared_ptr<Pistache::Tcp::Peer>& peer) {
    try {  // Pistache 0.0.5 throws rather than answering null for a missing entry
      if (auto existing = std::static_pointer_cast<Connection>(peer->getData(kPeerStateKey))) return existing;
    } catch (const std::runtime_error&) {
    }
    auto created = std::make_shared<Connection>();
    peer->putData(kPeerStateKey, created);
    return created;
  }

  void serve(const std::shared_ptr<Pistache::Tcp::Peer>& peer, Connection& connection, ParseResult& parsed) {
    auto started = std::chrono::steady_clock::now();
    ++state_->in_flight;
    Request& request = parsed.request;
    request.request_id = new_request_id();
    request.peer_address = peer->address().host();
    resolve_client(request, state_->options.trusted_proxies);
    Response response = state_->handle(request);
    bool keep_alive = parsed.keep_alive && !state_->draining;
    write(peer, connection, serialize_response(response, keep_alive, request.method == "HEAD", format_http_date(Clock::now())));
    if (!keep_alive) close(peer, connection);
    --state_->in_flight;
    log_request(request, response, started);
    count_request(state_->router->route_of(request.path), request, response, started);
  }

  void refuse(const std::shared_ptr<Pistache::Tcp::Peer>& peer, Connection& connection, const ParseResult& parsed) {
    Response response = Response::text(parsed.status, parsed.message + "\n");
    write(peer, connection, serialize_response(response, false, false, format_http_date(Clock::now())));
    close(peer, connection);
    log::info("request_refused", {{"status", std::to_string(parsed.status)}, {"reason", parsed.message}});
    metrics::count("mobility_http_requests_total",
                   {{"route", "refused"}, {"method", ""}, {"status", std::to_string(parsed.status)}});
  }

  // Writes straight to the socket when Pistache holds nothing for this connection (the usual
  // case: the whole response fits the socket buffer), which saves Pistache's write queue (an
  // eventfd wake-up and three epoll changes per response). What the socket does not take, and
  // everything after it until that is sent, goes through Pistache, so bytes keep their order.
  static void write(const std::shared_ptr<Pistache::Tcp::Peer>& peer, Connection& connection, std::string bytes) {
    if (connection.writes_queued == 0) {
      ssize_t sent = ::send(peer->fd(), bytes.data(), bytes.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
      if (sent == static_cast<ssize_t>(bytes.size())) return;
      if (sent > 0) bytes.erase(0, static_cast<size_t>(sent));
    }
    ++connection.writes_queued;
    std::shared_ptr<Connection> owner = connection_of(peer);
    size_t size = bytes.size();
    peer->send(Pistache::RawBuffer(std::move(bytes), size))
        .then([owner](ssize_t) { --owner->writes_queued; }, [owner](std::exception_ptr) { --owner->writes_queued; });
  }

  // Half-closes after the queued bytes: the client reads the answer, then sees the end; Pistache
  // notices the closed socket and frees the connection.
  static void close(const std::shared_ptr<Pistache::Tcp::Peer>& peer, Connection& connection) {
    connection.closing = true;
    connection.buffer.clear();
    std::weak_ptr<Pistache::Tcp::Peer> weak = peer;
    peer->send(Pistache::RawBuffer(std::string(), 0))
        .then(
            [weak](ssize_t) {
              if (auto alive = weak.lock()) ::shutdown(alive->fd(), SHUT_RDWR);
            },
            Pistache::Async::IgnoreException);
  }

  static void count_request(const std::string& route, const Request& request, const Response& response,
                            std::chrono::steady_clock::time_point started) {
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    metrics::count("mobility_http_requests_total",
                   {{"route", route}, {"method", request.method}, {"status", std::to_string(response.status)}});
    metrics::observe_seconds("mobility_http_request_duration_seconds", {{"route", route}}, seconds);
  }

  static void log_request(const Request& request, const Response& response, std::chrono::steady_clock::time_point started) {
    double millis = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
    char duration[32];
    std::snprintf(duration, sizeof duration, "%.2f", millis);
    log::info("request", {{"id", request.request_id},
                          {"method", request.method},
                          {"path", request.path},
                          {"status", std::to_string(response.status)},
                          {"bytes", std::to_string(response.body.size())},
                          {"duration_ms", duration}});
  }

  Server::State* state_;  // owned by Server, outlives the endpoint and so every handler copy
};

}  // namespace

Server::Server(ServerOptions options, std::shared_ptr<const Router> router) : state_(std::make_shared<State>()) {
  state_->options = std::move(options);
  state_->router = std::move(router);
}

Server::~Server() { stop(); }

Status Server::start() {
  std::lock_guard lock(state_->stop_mutex);
  if (state_->running) return Status::ok();
  const auto& options = state_->options;
  std::string where = options.address + ":" + std::to_string(options.port);
  try {
    Pistache::Address address(options.address, Pistache::Port(options.port));
    state_->endpoint = std::make_unique<Pistache::Http::Endpoint>(address);
    auto settings =
        Pistache::Http::Endpoint::options()
            .threads(options.threads)
            .flags(Pistache::Tcp::Options::ReuseAddr | Pistache::Tcp::Options::NoDelay)
            .maxRequestSize(std::max(options.max_request_bytes, state_->router->largest_body_allowance()) + kHeaderAllowance)
            // Pistache's clock (see RawHttpAdapter) answers 408 and closes.
            .headerTimeout(options.request_timeout)
            .bodyTimeout(options.request_timeout);
    state_->endpoint->init(settings);
    state_->endpoint->setHandler(Pistache::Http::make_handler<RawHttpAdapter>(state_.get()));
    state_->endpoint->serveThreaded();
  } catch (const std::exception& error) {
    state_->endpoint.reset();
    return Status::unavailable("cannot listen on " + where + ": " + error.what());
  }
  state_->running = true;
  return Status::ok();
}

uint16_t Server::port() const { return state_->endpoint ? static_cast<uint16_t>(state_->endpoint->getPort()) : 0; }

void Server::stop() {
  std::lock_guard lock(state_->stop_mutex);
  if (!state_->running) return;
  state_->draining = true;
  auto deadline = std::chrono::steady_clock::now() + state_->options.shutdown_grace;
  while (state_->in_flight > 0 && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  state_->endpoint->shutdown();
  state_->endpoint.reset();  // Pistache closes the listening socket only when the endpoint is destroyed
  state_->running = false;
}

}  // namespace mobility::http
