// ops/dev-network as a partner developer runs it: two nodes from this clone that trust each other,
// the documented command line of each node, an agreement proposed at one and answered at the
// other through the pages, and Ctrl-C stopping everything it started.
#include <gtest/gtest.h>

#include <csignal>
#include <filesystem>
#include <functional>

#include "tests/support/child_process.hpp"
#include "tests/support/free_port.hpp"
#include "tests/support/wait_until.hpp"
#include "tests/support/web_visit.hpp"

namespace mobility {
namespace {

namespace fs = std::filesystem;
using std::chrono::milliseconds;
using std::chrono::seconds;
using testing::ChildProcess;
using testing::contains;

constexpr const char* kPassword = "dev-network-password";

// A page that changes when the other node has spoken: asked again every 200 ms for up to 30 s.
bool eventually(const std::function<bool()>& done) { return testing::wait_until(done, seconds(30), milliseconds(200)); }

// A base port whose two nodes' ports (base+10, +11, +20, +21) are free now.
uint16_t free_base() {
  for (int attempt = 0; attempt < 50; ++attempt) {
    uint16_t base = testing::free_port();
    bool all_free = true;
    for (int offset : {10, 11, 20, 21}) all_free = all_free && testing::is_port_free(static_cast<uint16_t>(base + offset));
    if (all_free) return base;
  }
  return 0;
}

class DevNetworkTest : public ::testing::Test {
 protected:
  void SetUp() override {
    directory_ = fs::temp_directory_path() / ("mobility-dev-network-" + std::to_string(::getpid()));
    fs::remove_all(directory_);
    base_ = free_base();
    ASSERT_NE(base_, 0);
    network_ = std::make_unique<ChildProcess>(
        std::vector<std::string>{std::string(MOBILITY_SOURCE_DIR) + "/ops/dev-network", "2"},
        testing::Environment{{"MOBILITY_DEV_NETWORK_DIR", directory_.string()},
                             {"MOBILITY_DEV_NETWORK_PORT", std::to_string(base_)},
                             {"MOBILITY_DEV_NETWORK_PG_PORT", std::to_string(testing::free_port())},
                             {"MOBILITY_BUILD_DIR", MOBILITY_BUILD_DIR}});
    ASSERT_TRUE(network_->wait_for_output("ops/dev-network: ready", seconds(240))) << network_->out() << network_->err();
  }

  void TearDown() override {
    if (network_ && !network_->wait(milliseconds(0))) {  // still running: stop what it started
      network_->send_signal(SIGINT);
      network_->wait(seconds(60));
    }
    if (!HasFailure()) fs::remove_all(directory_);
  }

  std::string pages(int node) const { return "http://127.0.0.1:" + std::to_string(base_ + 10 * node); }
  std::string config(int node) const { return (directory_ / ("node" + std::to_string(node)) / "mobility.conf").string(); }

  fs::path directory_;
  uint16_t base_ = 0;
  std::unique_ptr<ChildProcess> network_;
};

TEST_F(DevNetworkTest, TwoNodesTrustEachOtherNegotiateAndStopTogether) {
  EXPECT_TRUE(contains(network_->out(), pages(1) + "/  (admin@uni-1.example, password " + kPassword + ")")) << network_->out();
  EXPECT_TRUE(contains(network_->out(), "MOBILITY_CONFIG=" + config(2) + " ops/mobility")) << network_->out();

  // The command line each node prints, pasted: node 1 calls node 2's Echo API, signed, over TLS.
  auto echo = testing::run_program({std::string(MOBILITY_SOURCE_DIR) + "/ops/mobility", "echo", "uni-2.example", "hello"},
                                   {{"MOBILITY_CONFIG", config(1)}, {"MOBILITY_BUILD_DIR", MOBILITY_BUILD_DIR}});
  EXPECT_EQ(echo.exit_code, 0) << echo.out << echo.err;
  EXPECT_TRUE(contains(echo.out, "hello")) << echo.out;
  EXPECT_TRUE(contains(echo.out, "uni-1.example")) << "node 2 knows node 1's key covers uni-1.example: " << echo.out;

  // The recipe of docs/two-nodes.md: node 1 proposes, node 2 answers.
  auto one = testing::signed_in(pages(1), "admin@uni-1.example", kPassword);
  one->get("/partners");
  EXPECT_EQ(one->post("/partners/add", {{"csrf", one->csrf()}, {"partner_hei_id", "uni-2.example"}}).status, 303);
  one->get("/agreements/new");
  auto created =
      one->post("/agreements/new",
                testing::with(testing::new_agreement_form(one->csrf(), "uni-2.example", "U1-U2-2027", "Our first partner"),
                              "ounit_id", ""));
  ASSERT_EQ(created.status, 303) << created.body;
  std::string agreement = created.header("Location").substr(0, created.header("Location").find('?'));
  one->get(agreement);
  ASSERT_EQ(one->post(agreement + "/share", {{"csrf", one->csrf()}}).status, 303);

  auto two = testing::signed_in(pages(2), "admin@uni-2.example", kPassword);
  ASSERT_TRUE(eventually([&] { return contains(two->get("/agreements/proposals").body, "U1-U2-2027"); }))
      << "node 2 never heard of node 1's proposal";
  auto answer = testing::form_fields(two->get("/agreements/proposals").body, "/agreements/proposals/adopt");
  EXPECT_EQ(two->post("/agreements/proposals/adopt", testing::with(answer, "iia_code", "U2-U1-2027")).status, 303);
  EXPECT_TRUE(eventually([&] { return contains(one->get(agreement).body, "The two copies are the same."); }))
      << one->get(agreement).body;

  // Ctrl-C stops both servers, both nginx and PostgreSQL.
  network_->send_signal(SIGINT);
  auto code = network_->wait(seconds(60));
  ASSERT_TRUE(code.has_value()) << network_->err();
  testing::HttpClient client;
  for (int node : {1, 2}) {
    auto health = client.get(pages(node) + "/healthz");
    EXPECT_FALSE(health && health->status == 200) << "node " << node << " still serves";
    EXPECT_FALSE(fs::exists(directory_ / ("node" + std::to_string(node)) / "nginx/nginx.pid")) << "nginx " << node;
  }
  EXPECT_FALSE(fs::exists(directory_ / "pg/data/postmaster.pid")) << "PostgreSQL still runs";
}

}  // namespace
}  // namespace mobility
