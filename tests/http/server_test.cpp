// The HTTP server over real loopback HTTP: health, limits, keep-alive, headers, logging,
// errors and graceful shutdown.
#include "http/server.hpp"

#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <future>
#include <sstream>
#include <thread>

#include "base/log.hpp"
#include "db/demo_seed.hpp"
#include "ops/cli/health.hpp"
#include "portal/home_page.hpp"
#include "tests/support/http_client.hpp"
#include "tests/support/test_database.hpp"
#include "tests/support/wait_until.hpp"

namespace mobility::http {
namespace {

using std::chrono::milliseconds;
using testing::HttpClient;

constexpr size_t kBodyLimit = 64 * 1024;
constexpr size_t kUploadLimit = 3 * kBodyLimit;  // on /files/{any}/upload only

// 8 MiB that no socket buffer holds, in a pattern that shows any lost or reordered byte.
std::string big_body() {
  std::string body(8 << 20, ' ');
  for (size_t i = 0; i < body.size(); ++i) body[i] = static_cast<char>('a' + (i * 7 + i / 4096) % 26);
  return body;
}

class ServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    log::set_sink(&log_);
    pool_ = std::make_unique<db::Pool>(db::PoolOptions{testing::create_migrated_database(), 2, milliseconds(2000)});
    auto router = std::make_shared<Router>();
    add_health_route(*router, *pool_);
    site_ = std::make_unique<portal::Site>(*pool_, portal::SiteSettings{});
    portal::add_home_route(*router, *site_);
    router->add("GET", "/slow", [this](const Request&) {
      slow_handler_entered_ = true;
      std::this_thread::sleep_for(milliseconds(600));
      return Response::text(200, "finished\n");
    });
    router->add("GET", "/big", [](const Request&) { return Response::text(200, big_body()); });
    router->add("GET", "/boom", [](const Request&) -> Response { throw std::runtime_error("secret detail"); });
    router->add("GET", "/show", [](const Request& request) {
      std::string text = request.target + "\n";
      for (const auto& [name, value] : request.query) text += "q " + name + "=" + value + "\n";
      for (const auto& [name, value] : request.headers) text += "h " + name + ": " + value + "\n";
      return Response::text(200, text);
    });
    router->add("POST", "/echo", [](const Request& request) {
      Response response = Response::text(200, std::to_string(request.body.size()));
      response.headers.emplace_back("X-Echo-Length", std::to_string(request.body.size()));
      return response;
    });
    router->add_fallback("/files/",
                         [](const Request& request) { return Response::text(200, std::to_string(request.body.size())); });
    router->allow_body("/files/", "/upload", kUploadLimit);
    server_ = std::make_unique<Server>(ServerOptions{"127.0.0.1", 0, 2, kBodyLimit, milliseconds(5000)}, router);
    ASSERT_TRUE(server_->start());
    base_ = "http://127.0.0.1:" + std::to_string(server_->port());
  }

  void TearDown() override {
    server_.reset();
    log::set_sink(nullptr);
  }

  // Sends `bytes` on a new TCP connection and returns everything received until the server
  // closes it or `wait` passes without data.
  std::string raw_exchange(const std::string& bytes, milliseconds wait = milliseconds(1500)) {
    return testing::raw_exchange(server_->port(), bytes, wait);
  }

  int connect_raw() { return testing::connect_loopback(server_->port()); }

  std::ostringstream log_;
  std::atomic<bool> slow_handler_entered_{false};
  std::unique_ptr<db::Pool> pool_;
  std::unique_ptr<portal::Site> site_;
  std::unique_ptr<Server> server_;
  std::string base_;
  HttpClient client_;
};

TEST_F(ServerTest, HealthIsOkWhenTheDatabaseAnswers) {
  auto reply = client_.get(base_ + "/healthz");
  ASSERT_TRUE(reply) << reply.status().to_string();
  EXPECT_EQ(reply->status, 200);
  EXPECT_EQ(reply->header("Content-Type"), "application/json");
  EXPECT_EQ(reply->body, "{\"status\":\"ok\",\"database\":\"ok\"}\n");
}

TEST_F(ServerTest, HealthIs503WhenTheDatabaseIsDown) {
  db::Pool dead({"host=/nonexistent-socket-dir port=1 user=postgres dbname=none", 1, milliseconds(200)});
  auto router = std::make_shared<Router>();
  add_health_route(*router, dead);
  Server server({"127.0.0.1", 0, 1, kBodyLimit, milliseconds(1000)}, router);
  ASSERT_TRUE(server.start());
  auto reply = client_.get("http://127.0.0.1:" + std::to_string(server.port()) + "/healthz");
  ASSERT_TRUE(reply) << reply.status().to_string();
  EXPECT_EQ(reply->status, 503);
  EXPECT_EQ(reply->header("Retry-After"), "5");
  EXPECT_EQ(reply->body, "{\"status\":\"unavailable\",\"database\":\"unreachable\"}\n");
  EXPECT_EQ(reply->body.find("nonexistent"), std::string::npos) << "connection details stay in the log";
}

TEST_F(ServerTest, BodyOverTheLimitGets413AndReachesNoHandler) {
  auto within = client_.request("POST", base_ + "/echo", std::string(kBodyLimit, 'a'));
  ASSERT_TRUE(within);
  EXPECT_EQ(within->status, 200);
  EXPECT_EQ(within->body, std::to_string(kBodyLimit));

  auto over = client_.request("POST", base_ + "/echo", std::string(kBodyLimit + 1, 'a'));
  ASSERT_TRUE(over);
  EXPECT_EQ(over->status, 413);
  EXPECT_NE(over->body.find("the limit is 65536"), std::string::npos) << over->body;
  EXPECT_EQ(over->header("X-Echo-Length"), "");

  HttpClient fresh;
  auto far_over = fresh.request("POST", base_ + "/echo", std::string(4 * kBodyLimit, 'a'));
  ASSERT_TRUE(far_over) << far_over.status().to_string();
  EXPECT_EQ(far_over->status, 413);
}

// A route that takes files allows larger bodies on its own paths only; the rest keep the limit.
TEST_F(ServerTest, ARoutesBodyAllowanceHoldsOnItsPathsOnly) {
  auto upload = client_.request("POST", base_ + "/files/7/upload", std::string(kUploadLimit, 'a'));
  ASSERT_TRUE(upload) << upload.status().to_string();
  EXPECT_EQ(upload->status, 200);
  EXPECT_EQ(upload->body, std::to_string(kUploadLimit));

  HttpClient fresh;
  auto over = fresh.request("POST", base_ + "/files/7/upload", std::string(kUploadLimit + 1, 'a'));
  ASSERT_TRUE(over) << over.status().to_string();
  EXPECT_EQ(over->status, 413);
  EXPECT_NE(over->body.find("the limit is 196608"), std::string::npos) << over->body;

  for (const std::string path : {"/files/7/upload/more", "/files/upload-not", "/echo", "/other/7/upload"}) {
    HttpClient another;
    auto elsewhere = another.request("POST", base_ + path, std::string(kBodyLimit + 1, 'a'));
    ASSERT_TRUE(elsewhere) << elsewhere.status().to_string();
    EXPECT_EQ(elsewhere->status, 413) << path;
    EXPECT_NE(elsewhere->body.find("the limit is 65536"), std::string::npos) << path << ": " << elsewhere->body;
  }
}

TEST_F(ServerTest, KeepsTheConnectionOpenForHttp11Clients) {
  int fd = connect_raw();
  // Sends `request` on the one connection and reads one whole answer (head and Content-Length body).
  auto exchange = [fd](const std::string& request) {
    ::send(fd, request.data(), request.size(), MSG_NOSIGNAL);
    std::string received;
    char buffer[4096];
    pollfd poll_fd{fd, POLLIN, 0};
    size_t head_end = std::string::npos, length = 0;
    while (::poll(&poll_fd, 1, 3000) > 0) {
      ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
      if (n <= 0) break;
      received.append(buffer, static_cast<size_t>(n));
      head_end = received.find("\r\n\r\n");
      if (head_end == std::string::npos) continue;
      size_t field = received.find("Content-Length: ");
      length = field < head_end ? std::stoul(received.substr(field + 16)) : 0;
      if (received.size() >= head_end + 4 + length) break;
    }
    return received;
  };
  std::string request = "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n";
  EXPECT_TRUE(exchange(request).starts_with("HTTP/1.1 200"));
  EXPECT_TRUE(exchange(request).starts_with("HTTP/1.1 200")) << "the second request on the same connection is answered";
  std::string closing = exchange("GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  EXPECT_TRUE(closing.starts_with("HTTP/1.1 200")) << closing;
  EXPECT_NE(closing.find("Connection: close"), std::string::npos) << closing;
  char byte = 0;
  pollfd poll_fd{fd, POLLIN, 0};
  EXPECT_GT(::poll(&poll_fd, 1, 3000), 0);
  EXPECT_EQ(::recv(fd, &byte, 1, 0), 0) << "then the server closes the connection";
  ::close(fd);
}

TEST_F(ServerTest, CustomResponseHeadersAreSent) {
  auto reply = client_.request("POST", base_ + "/echo", "hello");
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->header("X-Echo-Length"), "5");
}

TEST_F(ServerTest, UnknownPathIs404AndWrongMethodIs405WithAllow) {
  auto missing = client_.get(base_ + "/nope");
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 404);
  auto wrong = client_.request("DELETE", base_ + "/healthz", "");
  ASSERT_TRUE(wrong);
  EXPECT_EQ(wrong->status, 405);
  EXPECT_EQ(wrong->header("Allow"), "GET");
}

TEST_F(ServerTest, HandlerExceptionIs500WithoutDetails) {
  auto reply = client_.get(base_ + "/boom");
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 500);
  EXPECT_EQ(reply->body.find("secret detail"), std::string::npos);
  EXPECT_NE(reply->body.find("request id"), std::string::npos);
  server_.reset();
  EXPECT_NE(log_.str().find("handler_failed"), std::string::npos);
}

TEST_F(ServerTest, OneLogLinePerRequestWithoutBodies) {
  ASSERT_TRUE(client_.request("POST", base_ + "/echo", "password=hunter2"));
  server_.reset();
  std::string logged = log_.str();
  EXPECT_EQ(logged.find("hunter2"), std::string::npos);
  size_t line = logged.find("info request ");
  ASSERT_NE(line, std::string::npos) << logged;
  std::string request_line = logged.substr(line, logged.find('\n', line) - line);
  for (const char* field : {"id=", "method=POST", "path=/echo", "status=200", "bytes=2", "duration_ms="}) {
    EXPECT_NE(request_line.find(field), std::string::npos) << field << " in " << request_line;
  }
}

TEST_F(ServerTest, HomePageListsInstitutionsEscaped) {
  {
    auto connection = pool_->acquire();
    ASSERT_TRUE(db::seed_demo(**connection));
    ASSERT_TRUE((*connection)->exec("INSERT INTO hei (hei_id) VALUES ('evil.example')"));
    ASSERT_TRUE((*connection)->exec("INSERT INTO hosted_hei (hei_id, admin_email) VALUES ('evil.example', 'ewp@evil.example')"));
    ASSERT_TRUE((*connection)->exec("INSERT INTO hei_name VALUES ('evil.example', 'en', '<script>alert(1)</script>')"));
  }
  auto reply = client_.get(base_ + "/", {"Accept-Language: en-GB,en;q=0.9"});
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 200);
  EXPECT_EQ(reply->header("Content-Type"), "text/html; charset=utf-8");
  EXPECT_NE(reply->body.find("University of Fjordland"), std::string::npos);
  EXPECT_NE(reply->body.find("&lt;script&gt;"), std::string::npos);
  EXPECT_EQ(reply->body.find("<script>"), std::string::npos);
  EXPECT_EQ(reply->body.find("lumiere-nord.example"), std::string::npos) << "only the hosted HEIs are public";
}

TEST_F(ServerTest, StopLetsRequestsInFlightFinish) {
  auto slow = std::async(std::launch::async, [&] {
    HttpClient other;
    return other.get(base_ + "/slow");
  });
  ASSERT_TRUE(testing::wait_until([&] { return slow_handler_entered_.load(); }, milliseconds(5000)));
  auto stopping_started = std::chrono::steady_clock::now();
  server_->stop();
  auto stop_took = std::chrono::steady_clock::now() - stopping_started;
  auto reply = slow.get();
  ASSERT_TRUE(reply) << reply.status().to_string();
  EXPECT_EQ(reply->status, 200);
  EXPECT_EQ(reply->body, "finished\n");
  EXPECT_GE(stop_took, milliseconds(300)) << "stop() must wait for the handler";

  auto after = client_.get(base_ + "/healthz");
  EXPECT_FALSE(after) << "nothing listens after stop()";
}

TEST_F(ServerTest, HandlersSeeTheExactTargetRepeatedParametersAndEveryHeader) {
  std::string reply = raw_exchange(
      "GET /show?echo=a&echo=b%2Fc&echo=a HTTP/1.1\r\nHost: ewp.example\r\nX-Dup: 1\r\nx-dup: 2\r\n"
      "Date: whatever\r\nContent-Type: application/weird\r\nConnection: close\r\n\r\n");
  EXPECT_NE(reply.find("HTTP/1.1 200 OK"), std::string::npos) << reply;
  EXPECT_NE(reply.find("/show?echo=a&echo=b%2Fc&echo=a\nq echo=a\nq echo=b/c\nq echo=a\n"), std::string::npos) << reply;
  EXPECT_NE(reply.find("h X-Dup: 1\nh x-dup: 2\nh Date: whatever\nh Content-Type: application/weird\n"), std::string::npos)
      << reply;
}

TEST_F(ServerTest, PipelinedRequestsAreAnsweredInOrder) {
  std::string reply = raw_exchange(
      "GET /show?n=1 HTTP/1.1\r\nHost: h\r\n\r\nPOST /echo HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\n\r\nabc"
      "GET /show?n=3 HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n");
  size_t first = reply.find("/show?n=1");
  size_t second = reply.find("X-Echo-Length: 3");
  size_t third = reply.find("/show?n=3");
  ASSERT_NE(first, std::string::npos) << reply;
  ASSERT_NE(second, std::string::npos) << reply;
  ASSERT_NE(third, std::string::npos) << reply;
  EXPECT_LT(first, second);
  EXPECT_LT(second, third);
}

TEST_F(ServerTest, AResponseLargerThanTheSocketBufferArrivesWholeAndBeforeTheNext) {
  int fd = connect_raw();
  std::string requests = "GET /big HTTP/1.1\r\nHost: x\r\n\r\nGET /show?after=big HTTP/1.1\r\nHost: x\r\n\r\n";
  ::send(fd, requests.data(), requests.size(), MSG_NOSIGNAL);
  std::this_thread::sleep_for(milliseconds(300));  // the server meets a full socket buffer meanwhile
  std::string received;
  char buffer[65536];
  pollfd poll_fd{fd, POLLIN, 0};
  while (received.find("after=big") == std::string::npos && ::poll(&poll_fd, 1, 3000) > 0) {
    ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
    if (n <= 0) break;
    received.append(buffer, static_cast<size_t>(n));
  }
  ::close(fd);
  size_t head_end = received.find("\r\n\r\n");
  ASSERT_NE(head_end, std::string::npos);
  size_t body_start = head_end + 4;
  std::string expected = big_body();
  ASSERT_GE(received.size(), body_start + expected.size());
  EXPECT_TRUE(received.compare(body_start, expected.size(), expected) == 0) << "the body arrived changed";
  EXPECT_EQ(received.compare(body_start + expected.size(), 15, "HTTP/1.1 200 OK"), 0) << "the second answer follows";
}

TEST_F(ServerTest, MalformedRequestsGetAClearErrorAndTheConnectionCloses) {
  std::string chunked = raw_exchange("POST /echo HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n");
  EXPECT_EQ(chunked.rfind("HTTP/1.1 501 Not Implemented", 0), 0u) << chunked;
  EXPECT_NE(chunked.find("Content-Length"), std::string::npos) << chunked;
  std::string garbage = raw_exchange("HELLO\r\n\r\n");
  EXPECT_EQ(garbage.rfind("HTTP/1.1 400 Bad Request", 0), 0u) << garbage;
  std::string huge_head = raw_exchange("GET / HTTP/1.1\r\nHost: h\r\nX-Big: " + std::string(70 * 1024, 'x') + "\r\n\r\n");
  EXPECT_EQ(huge_head.rfind("HTTP/1.1 431", 0), 0u) << huge_head.substr(0, 80);
  auto started = std::chrono::steady_clock::now();
  std::string bare_line_feeds = raw_exchange("GET /healthz HTTP/1.1\nHost: h\n\n", milliseconds(3000));
  EXPECT_EQ(bare_line_feeds.rfind("HTTP/1.1 400 Bad Request", 0), 0u) << bare_line_feeds;
  EXPECT_LT(std::chrono::steady_clock::now() - started, milliseconds(2500)) << "answered at once, then closed";
}

TEST_F(ServerTest, APartialRequestDoesNotDelayOtherClients) {
  int slow = connect_raw();
  std::string partial = "GET /healthz HTTP/1.1\r\nHost: h\r\n";
  ::send(slow, partial.data(), partial.size(), MSG_NOSIGNAL);
  auto started = std::chrono::steady_clock::now();
  auto reply = client_.get(base_ + "/healthz");
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 200);
  EXPECT_LT(std::chrono::steady_clock::now() - started, milliseconds(1000));
  ::close(slow);
}

TEST_F(ServerTest, ARequestNotWholeWithinTheTimeoutGets408AndTheConnectionCloses) {
  ServerOptions options{"127.0.0.1", 0, 2, kBodyLimit, milliseconds(5000)};
  options.request_timeout = milliseconds(1000);
  auto router = std::make_shared<Router>();
  router->add("GET", "/healthz", [](const Request&) { return Response::text(200, "ok\n"); });
  server_ = std::make_unique<Server>(options, router);
  ASSERT_TRUE(server_->start());
  for (const std::string& partial : {std::string("GET /healthz HTTP/1.1\r\nHost: h\r\n"),
                                     std::string("POST /echo HTTP/1.1\r\nHost: h\r\nContent-Length: 10\r\n\r\nabc")}) {
    auto started = std::chrono::steady_clock::now();
    std::string reply = raw_exchange(partial, milliseconds(5000));
    EXPECT_TRUE(reply.starts_with("HTTP/1.1 408 Request Timeout\r\n")) << reply;
    EXPECT_LT(std::chrono::steady_clock::now() - started, milliseconds(4000)) << "closed, not left waiting";
  }
  // A whole request on a fresh connection is served as ever.
  EXPECT_NE(raw_exchange("GET /healthz HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n").find("200 OK"), std::string::npos);
}

TEST(ServerStart, PortInUseIsAClearError) {
  auto router = std::make_shared<Router>();
  Server first({"127.0.0.1", 0, 1, kBodyLimit, milliseconds(1000)}, router);
  ASSERT_TRUE(first.start());
  Server second({"127.0.0.1", first.port(), 1, kBodyLimit, milliseconds(1000)}, router);
  Status started = second.start();
  ASSERT_FALSE(started);
  EXPECT_NE(started.message().find("cannot listen on 127.0.0.1:" + std::to_string(first.port())), std::string::npos)
      << started.message();
}

}  // namespace
}  // namespace mobility::http
