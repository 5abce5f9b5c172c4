// The EWP node with its PostgreSQL stopped in the test (a private server, never the shared one):
// partners get a clear, signed, schema-valid 503 error-response, never a 500, never our internals;
// the replay guard refuses rather than answer from memory alone (fail closed); and once the
// server is back, the node answers again by itself.
#include "tests/ewp/ewp_node_fixture.hpp"

#include <stdexcept>
#include <thread>

namespace mobility::ewp::test {
namespace {

using std::chrono::milliseconds;

const char* const kInstitutions = "/ewp/institutions?hei_id=fjordland.example";

class DatabaseDownTest : public EwpNodeTest {
 protected:
  std::string make_database() override {
    auto cluster = testing::TestCluster::start();
    if (!cluster) throw std::runtime_error("cannot start a private PostgreSQL: " + cluster.status().to_string());
    cluster_ = std::move(*cluster);
    return testing::create_database_on(*cluster_, /*demo=*/true);
  }

  // Signed GETs of `target` until one answers other than `status` (within 5 s); that answer.
  Call call_while(int status, const std::string& target) {
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    Call reply = call("GET", target);
    while (reply.reply.status == status && std::chrono::steady_clock::now() < deadline) {
      std::this_thread::sleep_for(milliseconds(20));
      reply = call("GET", target);
    }
    return reply;
  }

  // A refusal a partner can act on: the status, a message, signed by the node, and nothing of
  // the database's own words.
  void expect_signed_refusal(const Call& reply, int status, const std::string& message_part) {
    expect_error(reply, status, message_part);
    expect_signed_by_node(reply);
    for (const char* internal : {"PostgreSQL", "connection", "socket", "SELECT", "server closed", "mobility-pg"}) {
      EXPECT_THAT(reply.reply.body, ::testing::Not(HasSubstr(internal)));
    }
  }

  std::unique_ptr<testing::TestCluster> cluster_;
};

TEST_F(DatabaseDownTest, SignedRequestsWhilePostgresIsDownGetASigned503ErrorResponse) {
  ASSERT_EQ(call("GET", kInstitutions).reply.status, 200);  // the pool now holds connections the stop cuts
  ASSERT_TRUE(cluster_->stop());
  expect_signed_refusal(call("GET", kInstitutions), 503, "try again later");
  expect_signed_refusal(call("POST", "/ewp/iia-cnr", "iia_id=anything", "application/x-www-form-urlencoded"), 503,
                        "try again later");
}

TEST_F(DatabaseDownTest, WhileTheReplayStoreIsDownEvenEchoIsRefusedUntilItIsBack) {
  ASSERT_EQ(call("GET", "/ewp/echo?echo=a").reply.status, 200);
  ASSERT_TRUE(cluster_->stop());
  // Echo reads nothing from the database; only the replay guard needs it. The guard notices at its
  // next exchange with the database (every 500 ms) and from then on accepts nothing.
  Call refused = call_while(200, "/ewp/echo?echo=a");
  expect_signed_refusal(refused, 503, "cannot check X-Request-Id for replays right now; try again later");
  for (int i = 0; i < 3; ++i) EXPECT_EQ(call("GET", "/ewp/echo?echo=a").reply.status, 503) << "refused for good while down";

  ASSERT_TRUE(cluster_->resume());
  Call answered = call_while(503, "/ewp/echo?echo=a");
  EXPECT_EQ(answered.reply.status, 200) << answered.reply.body;
  expect_signed_by_node(answered);
}

}  // namespace
}  // namespace mobility::ewp::test
