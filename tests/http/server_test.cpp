// The HTTP server over real loopback HTTP: health, limits, keep-alive, headers, logging,
// errors and graceful shutdown.
#include "ewp-node/http/server.hpp"

#include <gtest/gtest.h>

#include <future>
#include <sstream>
#include <thread>

#include "db/demo_seed.hpp"
#include "ewp-node/http/health.hpp"
#include "ops/base/log.hpp"
#include "portal/home_page.hpp"
#include "tests/support/http_client.hpp"
#include "tests/support/test_database.hpp"

namespace mobility::http {
namespace {

using std::chrono::milliseconds;
using testing::HttpClient;

constexpr size_t kBodyLimit = 64 * 1024;

class ServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    log::set_sink(&log_);
    pool_ = std::make_unique<db::Pool>(db::PoolOptions{testing::create_migrated_database(), 2, milliseconds(2000)});
    auto router = std::make_shared<Router>();
    add_health_route(*router, *pool_);
    portal::add_home_route(*router, *pool_);
    router->add("GET", "/slow", [](const Request&) {
      std::this_thread::sleep_for(milliseconds(600));
      return Response::text(200, "finished\n");
    });
    router->add("GET", "/boom", [](const Request&) -> Response { throw std::runtime_error("secret detail"); });
    router->add("POST", "/echo", [](const Request& request) {
      Response response = Response::text(200, std::to_string(request.body.size()));
      response.headers.emplace_back("X-Echo-Length", std::to_string(request.body.size()));
      return response;
    });
    server_ = std::make_unique<Server>(ServerOptions{"127.0.0.1", 0, 2, kBodyLimit, milliseconds(5000)}, router);
    ASSERT_TRUE(server_->start());
    base_ = "http://127.0.0.1:" + std::to_string(server_->port());
  }

  void TearDown() override {
    server_.reset();
    log::set_sink(nullptr);
  }

  std::ostringstream log_;
  std::unique_ptr<db::Pool> pool_;
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

TEST_F(ServerTest, KeepsTheConnectionOpenForHttp11Clients) {
  auto first = client_.get(base_ + "/healthz");
  auto second = client_.get(base_ + "/healthz");
  ASSERT_TRUE(first && second);
  EXPECT_EQ(first->new_connections, 1);
  EXPECT_EQ(second->new_connections, 0) << "the second request must reuse the connection";

  auto closing = client_.get(base_ + "/healthz", {"Connection: close"});
  ASSERT_TRUE(closing);
  EXPECT_EQ(closing->header("Connection"), "Close");
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
    ASSERT_TRUE((*connection)->exec("INSERT INTO hei_name VALUES ('evil.example', 'en', '<script>alert(1)</script>')"));
  }
  auto reply = client_.get(base_ + "/");
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 200);
  EXPECT_EQ(reply->header("Content-Type"), "text/html; charset=utf-8");
  EXPECT_NE(reply->body.find("University of Fjordland"), std::string::npos);
  EXPECT_NE(reply->body.find("&lt;script&gt;"), std::string::npos);
  EXPECT_EQ(reply->body.find("<script>"), std::string::npos);
}

TEST_F(ServerTest, StopLetsRequestsInFlightFinish) {
  auto slow = std::async(std::launch::async, [&] {
    HttpClient other;
    return other.get(base_ + "/slow");
  });
  std::this_thread::sleep_for(milliseconds(150));  // the request is now inside the handler
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
