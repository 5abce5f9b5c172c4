// Two real EWP nodes in one process on loopback, for exchanges between partners: node A hosts
// fjordland.example (the demo data), node B uni-b.example, each with its own database, key and
// server, trusting each other through a registry catalogue built from their manifests. Calls
// between them go through the real APIs with real signatures (curl CONNECT_TO rules map each
// node's host to its loopback port). Background work is off: tests drive it step by step.
#pragma once

#include <memory>

#include "db/iias.hpp"
#include "ewp-node/cnr/notification_worker.hpp"
#include "ewp-node/xml/error_response.hpp"
#include "tests/ewp/ewp_node_fixture.hpp"
#include "tests/support/signed_answer.hpp"

namespace mobility::ewp::test {

// Time enough for a first retry or a lease of 1 s (the nodes' cnr_retry_first_seconds, and the
// leases tests take) to come due, with room to spare on a slow machine.
inline constexpr std::chrono::seconds kRetryDue{10};

struct TestNode {
  std::string hei_id;
  std::string host;  // reached through connect_to rules on the server's loopback port
  fs::path directory;
  std::unique_ptr<db::Pool> pool;
  std::shared_ptr<http::Router> router = std::make_shared<http::Router>();
  std::unique_ptr<http::Server> server;
  std::unique_ptr<EwpNode> node;
  std::string key_base64;
  uint16_t port = 0;

  db::PooledConnection connection() {
    auto leased = pool->acquire();
    EXPECT_TRUE(leased) << leased.status().to_string();
    return std::move(*leased);
  }
  // Works the node's CNR outbox and inbox once; returns how many items were tried.
  int work() {
    auto worker = node->notifications();
    EXPECT_TRUE(worker) << worker.status().to_string();
    auto tried = (*worker)->run_once();
    EXPECT_TRUE(tried) << tried.status().to_string();
    return tried ? *tried : 0;
  }
  db::IiaRecord iia(const std::string& iia_id) {
    auto connection = this->connection();
    auto found = db::find_iia(*connection, hei_id, iia_id);
    EXPECT_TRUE(found && *found) << iia_id;
    return found && *found ? **found : db::IiaRecord{};
  }
  bool start_server() {
    server = std::make_unique<http::Server>(http::ServerOptions{"127.0.0.1", port, 2, 1 << 20, std::chrono::milliseconds(200)},
                                            router);
    if (!server->start()) return false;
    port = server->port();
    return true;
  }
  // From now on `method path` answers `body` (200, text/xml), signed with the node's key as a
  // real answer is: the partner's client verifies the signature and must then refuse the body.
  void answer_signed_garbage(const std::string& method, const std::string& path, const std::string& body) {
    router->add(method, path, testing::signed_answer((directory / "keys").string(), body));
  }
  // From now on `method path` refuses with `status` and an <error-response> saying `message`,
  // signed as the node's real refusals are.
  void refuse(const std::string& method, const std::string& path, int status, const std::string& message) {
    router->add(method, path, testing::signed_answer((directory / "keys").string(), error_response_xml(message), status));
  }
};

class TwoNodesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() / ("mobility-two-nodes-" + std::to_string(::getpid()));
    fs::remove_all(root_);
    prepare(a_, "fjordland.example", "ewp.a.example", testing::create_demo_database());
    prepare(b_, "uni-b.example", "ewp.b.example", testing::create_migrated_database());
    {
      auto connection = a_.connection();
      ASSERT_TRUE(connection->exec("INSERT INTO hei (hei_id, country_code) VALUES ('uni-b.example', 'DE')"));
    }
    {
      auto connection = b_.connection();
      ASSERT_TRUE(connection->exec_script(
          // B has not heard of A: A's first proposal makes it a known partner.
          "INSERT INTO hei (hei_id, country_code) VALUES ('uni-b.example', 'DE');"
          "INSERT INTO hei_name (hei_id, lang, name) VALUES ('uni-b.example', 'en', 'University B');"
          "INSERT INTO hosted_hei (hei_id, admin_email) VALUES ('uni-b.example', 'ewp@uni-b.example');"));
    }
    write_catalogue();
    start_node(a_, b_);
    start_node(b_, a_);
  }

  void TearDown() override {
    for (TestNode* node : {&a_, &b_}) {
      node->server.reset();
      node->node.reset();
    }
    fs::remove_all(root_);
  }

  // The APIs a node announces in the catalogue (all it serves, unless a test hides some).
  virtual std::vector<ApiDescriptor> announced_apis(TestNode& node) { return served_apis(*node.pool); }
  // false: the catalogue file is never written (a node whose registry cannot be read).
  virtual bool registry_answers() { return true; }

 private:
  void prepare(TestNode& node, const std::string& hei_id, const std::string& host, const std::string& database) {
    node.hei_id = hei_id;
    node.host = host;
    node.directory = root_ / hei_id;
    fs::create_directories(node.directory);
    node.pool = std::make_unique<db::Pool>(db::PoolOptions{database, 4, std::chrono::seconds(5)});
    ASSERT_TRUE(generate_key((node.directory / "keys").string(), "node", 2048));
    auto keys = published_public_keys((node.directory / "keys").string());
    ASSERT_TRUE(keys);
    node.key_base64 = keys->front();
    ASSERT_TRUE(node.start_server());  // the router is filled by the node before any request comes
  }

  void write_catalogue() {
    if (!registry_answers()) return;
    std::vector<std::string> manifests;
    for (TestNode* node : {&a_, &b_}) {
      manifests.push_back(manifest_xml({"http://" + node->host,
                                        {"ewp@" + node->hei_id},
                                        {node->hei_id, {{"en", node->hei_id}}},
                                        {node->key_base64},
                                        {node->key_base64},
                                        announced_apis(*node)}));
    }
    auto catalogue = build_catalogue(manifests);
    ASSERT_TRUE(catalogue) << catalogue.status().to_string();
    std::ofstream(root_ / "catalogue.xml") << catalogue->xml;
  }

  void start_node(TestNode& node, const TestNode& partner) {
    Config config;
    config.public_url = "https://" + node.host;
    config.key_dir = (node.directory / "keys").string();
    config.registry_url = "file://" + (root_ / "catalogue.xml").string();
    config.schema_dir = std::string(MOBILITY_SHARED_DIR) + "/ewp-specs";
    config.cnr_retry_first_seconds = 1;
    config.http_timeout_ms = 3000;
    EwpNodeOptions options;
    options.work_notifications = false;
    options.refresh_reference_data = false;
    options.partner_connect_to = {partner.host + ":80:127.0.0.1:" + std::to_string(partner.port)};
    auto started = EwpNode::start(config, *node.pool, *node.router, options);
    ASSERT_TRUE(started) << started.status().to_string();
    node.node = std::move(*started);
  }

 protected:
  fs::path root_;
  TestNode a_, b_;
};

}  // namespace mobility::ewp::test
