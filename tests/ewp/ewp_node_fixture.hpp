// The EWP node as `mobility serve` assembles it, on a free loopback port, for end-to-end tests:
// a migrated and seeded database, a fresh node key, and a registry catalogue (read from a file)
// listing the node itself, a partner uni-a.example whose client key is test key 0, and a host
// whose only key, test key 1, is a *server* key. A test may add hosts (extra_manifests_) before
// SetUp runs.
#pragma once
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "base/base64.hpp"
#include "db/pool.hpp"
#include "ewp-node/apis/discovery-v6/manifest.hpp"
#include "ewp-node/apis/echo-v2/echo_api.hpp"
#include "ewp-node/apis/institutions-v2/institutions_api.hpp"
#include "ewp-node/apis/ounits-v2/ounits_api.hpp"
#include "ewp-node/client/curl_transport.hpp"
#include "ewp-node/client/ewp_client.hpp"
#include "ewp-node/ewp_node.hpp"
#include "ewp-node/registry/catalogue_builder.hpp"
#include "ewp-node/security/keys.hpp"
#include "ewp-node/security/node_keys.hpp"
#include "ewp-node/security/request_signer.hpp"
#include "ewp-node/security/response_verifier.hpp"
#include "ewp-node/security/signature_params.hpp"
#include "ewp-node/security/signing_string.hpp"
#include "ewp-node/xml/namespaces.hpp"
#include "http/server.hpp"
#include "tests/support/child_process.hpp"
#include "tests/support/ewp_schemas.hpp"
#include "tests/support/test_database.hpp"
#include "tests/support/test_keys.hpp"

namespace mobility::ewp::test {

namespace fs = std::filesystem;
using mobility::testing::test_key;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

inline const std::string kPublicHost = "ewp.fjordland.example";
inline const std::string kPublicUrl = "https://" + kPublicHost;

struct Call {
  HttpReply reply;
  SentRequest sent;
};

// The node as `mobility serve` assembles it, with a catalogue listing: the node itself, a partner
// (uni-a.example) whose client key is test key 0, and a host whose *server* key is test key 1.
class EwpNodeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    directory_ = fs::temp_directory_path() / ("mobility-node-" + std::to_string(::getpid()));
    fs::remove_all(directory_);
    fs::create_directories(directory_);
    pool_ = std::make_unique<db::Pool>(db::PoolOptions{make_database(), 4, std::chrono::seconds(5)});
    auto node_key = generate_key((directory_ / "keys").string(), "node", 2048);
    ASSERT_TRUE(node_key) << node_key.status().to_string();
    write_catalogue();

    config_.public_url = kPublicUrl;
    config_.key_dir = (directory_ / "keys").string();
    config_.registry_url = "file://" + (directory_ / "catalogue.xml").string();
    config_.admin_email = "ewp-admin@fjordland.example";
    config_.schema_dir = std::string(MOBILITY_SHARED_DIR) + "/ewp-specs";
    auto router = std::make_shared<http::Router>();
    auto node = EwpNode::start(config_, *pool_, *router);
    ASSERT_TRUE(node) << node.status().to_string();
    node_ = std::move(*node);
    server_ = std::make_unique<http::Server>(http::ServerOptions{"127.0.0.1", 0, 2, 1 << 20}, router);
    ASSERT_TRUE(server_->start());
  }

  void TearDown() override {
    server_.reset();
    node_.reset();
    fs::remove_all(directory_);
  }

  // The node's database: a migrated, seeded one on the shared test server. Throws when it cannot.
  virtual std::string make_database() { return testing::create_demo_database(); }

  void write_catalogue() {
    auto node_keys = published_public_keys((directory_ / "keys").string());
    ASSERT_TRUE(node_keys);
    node_key_base64_ = node_keys->front();
    std::vector<std::string> manifests = {
        manifest_xml({kPublicUrl,
                      {"a@fjordland.example"},
                      {"fjordland.example", {{"en", "Fjordland"}}},
                      *node_keys,
                      *node_keys,
                      {echo_v2_descriptor(), institutions_v2_descriptor(*pool_), ounits_v2_descriptor(*pool_)}}),
        partner_manifest("uni-a.example", 0),
        manifest_xml({"https://ewp.other.example",
                      {"a@other.example"},
                      {"other.example", {{"", "Other"}}},
                      {},
                      {test_key(1).public_base64_der},
                      {}})};
    manifests.insert(manifests.end(), extra_manifests_.begin(), extra_manifests_.end());
    auto catalogue = build_catalogue(manifests);
    ASSERT_TRUE(catalogue) << catalogue.status().to_string();
    ASSERT_TRUE(testing::catalogue_schema().validate(catalogue->xml)) << catalogue->xml;
    std::ofstream(directory_ / "catalogue.xml") << catalogue->xml;
  }

  // The manifest of a partner `hei_id` (at https://ewp.<hei_id>) whose client key is test key `slot`.
  static std::string partner_manifest(const std::string& hei_id, int slot) {
    return manifest_xml(
        {"https://ewp." + hei_id, {"a@" + hei_id}, {hei_id, {{"", hei_id}}}, {test_key(slot).public_base64_der}, {}, {}});
  }

  // Sends a request signed with test key `slot` (or unsigned when slot < 0).
  Call call(const std::string& method, const std::string& target, const std::string& body = "",
            const std::string& content_type = "", int slot = 0) {
    http::HeaderList headers;
    if (!content_type.empty()) headers.emplace_back("Content-Type", content_type);
    return call_with_headers(method, target, headers, body, slot);
  }

  // The same with extra headers (signed with the rest).
  Call call_with_headers(const std::string& method, const std::string& target, http::HeaderList headers,
                         const std::string& body = "", int slot = 0) {
    SentRequest sent{method, target, "", ""};
    if (slot >= 0) {
      auto signed_request = sign_request({method, kPublicHost, target, headers, body}, test_key(slot).private_key, Clock::now());
      EXPECT_TRUE(signed_request);
      headers = signed_request->headers;
      sent.x_request_id = signed_request->x_request_id;
      sent.signature = signed_request->signature;
    } else {
      headers.emplace_back("Host", kPublicHost);
      headers.emplace_back("Accept-Signature", "rsa-sha256");
    }
    auto reply = transport_.send(method, base() + target, headers, body);
    EXPECT_TRUE(reply) << reply.status().to_string();
    return {reply ? *reply : HttpReply{}, sent};
  }

  // The reply's signature must verify with the node's key, as a partner's client would check it.
  void expect_signed_by_node(const Call& call) {
    auto node_key = RsaPublicKey::from_base64_der(node_key_base64_);
    ASSERT_TRUE(node_key);
    auto verified =
        verify_response(call.sent, {call.reply.status, call.reply.headers, call.reply.body}, {*node_key}, Clock::now());
    EXPECT_TRUE(verified) << verified.status().to_string();
  }

  void expect_error(const Call& call, int status, const std::string& message_part) {
    EXPECT_EQ(call.reply.status, status) << call.reply.body;
    EXPECT_THAT(call.reply.body, HasSubstr(message_part));
    EXPECT_TRUE(testing::error_response_schema().validate(call.reply.body)) << call.reply.body;
  }

  std::string base() const { return "http://127.0.0.1:" + std::to_string(server_->port()); }

  fs::path directory_;
  Config config_;
  std::unique_ptr<db::Pool> pool_;
  std::unique_ptr<EwpNode> node_;
  std::unique_ptr<http::Server> server_;
  CurlTransport transport_{TransportOptions{}};
  std::string node_key_base64_;
  std::vector<std::string> extra_manifests_;  // more catalogue hosts, set before SetUp
};

}  // namespace mobility::ewp::test
