#include "ewp-node/http/server.hpp"

#include <pistache/endpoint.h>
#include <pistache/http.h>

#include <atomic>
#include <cstdio>
#include <mutex>
#include <random>
#include <sstream>
#include <thread>

#include "ops/base/log.hpp"

namespace mobility::http {
namespace {

namespace Ph = Pistache::Http;

// Room for the request line and headers on top of the body limit.
constexpr size_t kHeaderAllowance = 64 * 1024;

// A response header with a name chosen at run time. Pistache 0.0.5 silently drops headers added
// with addRaw(), but sends any Header subclass it is given.
class NamedHeader : public Ph::Header::Header {
 public:
  NamedHeader(std::string name, std::string value) : name_(std::move(name)), value_(std::move(value)) {}
  const char* name() const override { return name_.c_str(); }
  void write(std::ostream& stream) const override { stream << value_; }
  uint64_t hash() const override { return std::hash<std::string>{}(name_); }

 private:
  std::string name_;
  std::string value_;
};

std::string new_request_id() {
  thread_local std::mt19937_64 generator{std::random_device{}()};
  char buffer[17];
  std::snprintf(buffer, sizeof buffer, "%016llx", static_cast<unsigned long long>(generator()));
  return buffer;
}

Request to_request(const Ph::Request& source) {
  Request request;
  request.method = Ph::methodString(source.method());
  request.path = source.resource();
  request.target = request.path;
  const auto& query = source.query();
  for (auto it = query.parameters_begin(); it != query.parameters_end(); ++it) {
    request.query.emplace_back(*it);
    request.target += (request.query.size() == 1 ? "?" : "&") + it->first + "=" + it->second;
  }
  for (const auto& header : source.headers().list()) {
    std::ostringstream value;
    header->write(value);
    request.headers.emplace_back(header->name(), value.str());
  }
  for (const auto& [name, raw] : source.headers().rawList()) request.headers.emplace_back(name, raw.value());
  request.body = source.body();
  request.request_id = new_request_id();
  return request;
}

// HTTP/1.1 is persistent unless the client says otherwise; Pistache 0.0.5 closes the connection
// whenever the request has no Connection header, which costs a TCP handshake per request.
bool keep_alive_wanted(const Ph::Request& request) {
  auto connection = request.headers().tryGet<Ph::Header::Connection>();
  if (connection) return connection->control() == Ph::ConnectionControl::KeepAlive;
  return request.version() == Ph::Version::Http11;
}

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
    if (request.body.size() > options.max_request_bytes) {
      return Response::text(413, "Request body too large: " + std::to_string(request.body.size()) +
                                     " bytes, the limit is " + std::to_string(options.max_request_bytes) + ".\n");
    }
    try {
      return router->dispatch(request);
    } catch (const std::exception& error) {
      log::error("handler_failed", {{"id", request.request_id}, {"path", request.path}, {"error", error.what()}});
      return Response::text(500, "Internal error; the operators can find it in the log under request id " +
                                     request.request_id + ".\n");
    }
  }
};

namespace {

class PistacheAdapter : public Ph::Handler {
 public:
  HTTP_PROTOTYPE(PistacheAdapter)
  explicit PistacheAdapter(Server::State* state) : state_(state) {}

  void onRequest(const Ph::Request& source, Ph::ResponseWriter writer) override {
    auto started = std::chrono::steady_clock::now();
    ++state_->in_flight;
    Request request = to_request(source);
    Response response = state_->handle(request);
    send(source, request, response, writer);
    --state_->in_flight;
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

 private:
  void send(const Ph::Request& source, const Request& request, const Response& response, Ph::ResponseWriter& writer) {
    auto& headers = writer.headers();
    headers.add(std::make_shared<NamedHeader>("Content-Type", response.content_type));
    for (const auto& [name, value] : response.headers) headers.add(std::make_shared<NamedHeader>(name, value));
    headers.remove<Ph::Header::Connection>();
    // After a 413 the client may still be sending the rest of its body: close rather than parse it.
    bool keep_alive = keep_alive_wanted(source) && !state_->draining && response.status != 413;
    headers.add<Ph::Header::Connection>(keep_alive ? Ph::ConnectionControl::KeepAlive : Ph::ConnectionControl::Close);
    bool head = request.method == "HEAD";
    writer.send(static_cast<Ph::Code>(response.status), head ? std::string() : response.body);
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
    auto settings = Pistache::Http::Endpoint::options()
                        .threads(options.threads)
                        .flags(Pistache::Tcp::Options::ReuseAddr)
                        .maxRequestSize(options.max_request_bytes + kHeaderAllowance);
    state_->endpoint->init(settings);
    state_->endpoint->setHandler(Pistache::Http::make_handler<PistacheAdapter>(state_.get()));
    state_->endpoint->serveThreaded();
  } catch (const std::exception& error) {
    state_->endpoint.reset();
    return Status::unavailable("cannot listen on " + where + ": " + error.what());
  }
  state_->running = true;
  return Status::ok();
}

uint16_t Server::port() const {
  return state_->endpoint ? static_cast<uint16_t>(state_->endpoint->getPort()) : 0;
}

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
