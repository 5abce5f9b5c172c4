// GET /metrics (ops/cli/metrics_route.hpp) over real loopback HTTP with a real database: the
// requests the server answered, the queues' depth, the pool, in the Prometheus text format; and
// nobody but a local scraper gets it (not through the proxy, not with X-Forwarded-For).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "base/metrics.hpp"
#include "db/notifications.hpp"
#include "http/server.hpp"
#include "ops/cli/health.hpp"
#include "ops/cli/metrics_route.hpp"
#include "tests/support/child_process.hpp"
#include "tests/support/http_client.hpp"
#include "tests/support/test_database.hpp"

namespace mobility::http {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

class MetricsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    metrics::reset();
    pool_ = std::make_unique<db::Pool>(db::PoolOptions{testing::create_migrated_database(), 2});
    auto router = std::make_shared<Router>();
    add_health_route(*router, *pool_);
    add_metrics_route(*router, *pool_, {"127.0.0.2"});
    router->add_fallback("/agreements/", [](const Request&) { return Response::text(200, "an agreement\n"); });
    server_ = std::make_unique<Server>(ServerOptions{"127.0.0.1", 0, 2, 1 << 20}, router);
    ASSERT_TRUE(server_->start());
    base_ = "http://127.0.0.1:" + std::to_string(server_->port());
  }

  std::string scrape() {
    auto reply = client_.get(base_ + "/metrics");
    EXPECT_TRUE(reply) << reply.status().to_string();
    if (!reply) return "";
    EXPECT_EQ(reply->status, 200);
    EXPECT_EQ(reply->header("Content-Type"), "text/plain; version=0.0.4; charset=utf-8");
    return reply->body;
  }

  std::unique_ptr<db::Pool> pool_;
  std::unique_ptr<Server> server_;
  std::string base_;
  testing::HttpClient client_;
};

TEST_F(MetricsTest, RequestsByRouteAndStatusWithLatencyAndTheQueues) {
  for (int i = 0; i < 3; ++i) ASSERT_TRUE(client_.get(base_ + "/healthz"));
  ASSERT_TRUE(client_.get(base_ + "/agreements/iia-1"));
  ASSERT_TRUE(client_.get(base_ + "/agreements/iia-2"));
  ASSERT_TRUE(client_.get(base_ + "/no-such-page"));
  {
    auto connection = pool_->acquire();
    ASSERT_TRUE(connection);
    ASSERT_TRUE(db::enqueue_incoming_cnr(**connection, "iia", "uni-b.example", "iia-9"));
  }
  std::string text = scrape();
  EXPECT_THAT(text, HasSubstr("# TYPE mobility_http_requests_total counter\n"));
  EXPECT_THAT(text, HasSubstr("mobility_http_requests_total{route=\"/healthz\",method=\"GET\",status=\"200\"} 3\n"));
  EXPECT_THAT(text, HasSubstr("mobility_http_requests_total{route=\"/agreements/*\",method=\"GET\",status=\"200\"} 2\n"))
      << "ids in paths are folded into their route";
  EXPECT_THAT(text, HasSubstr("mobility_http_requests_total{route=\"unmatched\",method=\"GET\",status=\"404\"} 1\n"));
  EXPECT_THAT(text, HasSubstr("# TYPE mobility_http_request_duration_seconds histogram\n"));
  EXPECT_THAT(text, HasSubstr("mobility_http_request_duration_seconds_bucket{route=\"/healthz\",le=\"+Inf\"} 3\n"));
  EXPECT_THAT(text, HasSubstr("mobility_http_request_duration_seconds_count{route=\"/healthz\"} 3\n"));
  EXPECT_THAT(text, HasSubstr("mobility_database_up 1\n"));
  EXPECT_THAT(text, HasSubstr("mobility_queue_pending{queue=\"cnr_inbox\"} 1\n"));
  EXPECT_THAT(text, HasSubstr("mobility_queue_pending{queue=\"mail_outbox\"} 0\n"));
  EXPECT_THAT(text, HasSubstr("mobility_login_failures_recent{scope=\"account\"} 0\n"));
  EXPECT_THAT(text, HasSubstr("mobility_db_pool_connections{state=\"idle\"}"));
}

TEST_F(MetricsTest, OnlyALocalScraperGetsThem) {
  auto forwarded = client_.get(base_ + "/metrics", {"X-Forwarded-For: 203.0.113.9"});
  ASSERT_TRUE(forwarded);
  EXPECT_EQ(forwarded->status, 404);
  EXPECT_THAT(forwarded->body, Not(HasSubstr("mobility_")));
  // As nginx connects (from 127.0.0.2, a trusted proxy), even without the header.
  auto through_proxy = testing::run_program(
      {"/usr/bin/curl", "-s", "-o", "/dev/null", "-w", "%{http_code}", "--interface", "127.0.0.2", base_ + "/metrics"});
  EXPECT_EQ(through_proxy.out, "404");
  EXPECT_THAT(scrape(), HasSubstr("mobility_database_up 1"));
}

TEST_F(MetricsTest, ADatabaseThatIsDownIsAFigureNotAnError) {
  db::Pool dead({"host=/nonexistent-socket-dir port=1 user=postgres dbname=none", 1, std::chrono::milliseconds(200)});
  auto router = std::make_shared<Router>();
  add_metrics_route(*router, dead, {});
  Server server({"127.0.0.1", 0, 1, 1 << 20}, router);
  ASSERT_TRUE(server.start());
  auto reply = client_.get("http://127.0.0.1:" + std::to_string(server.port()) + "/metrics");
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 200);
  EXPECT_THAT(reply->body, HasSubstr("mobility_database_up 0\n"));
}

TEST(Metrics, LabelValuesAreEscaped) {
  metrics::reset();
  metrics::count("mobility_test_total", {{"partner", "a\"b\\c\nd"}});
  EXPECT_THAT(metrics::render(), HasSubstr("mobility_test_total{partner=\"a\\\"b\\\\c\\nd\"} 1\n"));
}

}  // namespace
}  // namespace mobility::http
