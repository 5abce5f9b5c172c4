// The registry catalogue: parsing and lookups, and the client's refresh rules over real loopback
// HTTP with a saved copy in PostgreSQL and a clock the test moves.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <fstream>

#include "db/pool.hpp"
#include "ewp-node/apis/discovery-v6/manifest.hpp"
#include "ewp-node/apis/echo-v2/echo_api.hpp"
#include "ewp-node/client/curl_transport.hpp"
#include "ewp-node/registry/catalogue_builder.hpp"
#include "ewp-node/registry/registry_client.hpp"
#include "ewp-node/xml/namespaces.hpp"
#include "http/server.hpp"
#include "tests/support/ewp_schemas.hpp"
#include "tests/support/test_database.hpp"
#include "tests/support/test_keys.hpp"

namespace mobility::ewp {
namespace {

using mobility::testing::test_key;
using ::testing::ElementsAre;

// A catalogue of manifests: uni-a.example (client key 0, echo 2.0.1), uni-b.example (client key 0
// too, so key 0 covers both HEIs), and a host whose only key (1) is a server key.
std::string catalogue_xml(bool with_key_2 = false, const std::string& echo_version = "2.0.1") {
  ApiDescriptor echo = echo_v2_descriptor();
  echo.version = echo_version;
  std::vector<std::string> manifests = {
      manifest_xml({"https://a.example",
                    {"a@a.example"},
                    {"uni-a.example", {{"en", "Uni A"}}},
                    {test_key(0).public_base64_der},
                    {test_key(1).public_base64_der},
                    {echo}}),
      manifest_xml(
          {"https://b.example", {"b@b.example"}, {"uni-b.example", {{"", "Uni B"}}}, {test_key(0).public_base64_der}, {}, {}}),
      manifest_xml(
          {"https://c.example", {"c@c.example"}, {"uni-c.example", {{"", "Uni C"}}}, {}, {test_key(1).public_base64_der}, {}})};
  if (with_key_2) {
    manifests.push_back(manifest_xml(
        {"https://d.example", {"d@d.example"}, {"uni-d.example", {{"", "Uni D"}}}, {test_key(2).public_base64_der}, {}, {}}));
  }
  auto built = build_catalogue(manifests);
  EXPECT_TRUE(built) << built.status().to_string();
  return built->xml;
}

TEST(Catalogue, BuiltCatalogueIsValidAndAnswersLookups) {
  std::string xml = catalogue_xml();
  EXPECT_TRUE(testing::catalogue_schema().validate(xml)) << xml;
  auto catalogue = Catalogue::parse(xml);
  ASSERT_TRUE(catalogue) << catalogue.status().to_string();
  auto client = (*catalogue)->client_key(test_key(0).public_key.key_id());
  ASSERT_TRUE(client);
  EXPECT_THAT(client->hei_ids, ElementsAre("uni-a.example", "uni-b.example"));
  EXPECT_FALSE((*catalogue)->client_key(test_key(1).public_key.key_id())) << "a server key is not a client key";
  EXPECT_FALSE((*catalogue)->client_key(test_key(2).public_key.key_id()));
  auto echo = (*catalogue)->apis("uni-a.example", ns::kEchoEntry, "echo");
  ASSERT_EQ(echo.size(), 1u);
  EXPECT_EQ(echo[0].urls.at("url"), "https://a.example/ewp/echo");
  EXPECT_TRUE(echo[0].accepts_httpsig);
  EXPECT_TRUE(echo[0].signs_responses);
  ASSERT_EQ(echo[0].server_keys.size(), 1u);
  EXPECT_EQ(echo[0].server_keys[0].key_id(), test_key(1).public_key.key_id());
  EXPECT_TRUE((*catalogue)->apis("uni-a.example", "urn:other", "echo").empty()) << "namespace, not prefix, decides";
}

TEST(Catalogue, BrokenEntriesAreNotFoundAndEntitiesAreNotExpanded) {
  std::string xml = catalogue_xml();
  // A binaries entry whose body is not a key must count as "not found".
  std::string key_id = test_key(0).public_key.key_id();
  size_t body = xml.find(test_key(0).public_base64_der.substr(100, 40));
  ASSERT_NE(body, std::string::npos);
  std::string broken = xml;
  broken.replace(body, 40, std::string(40, 'A'));
  auto catalogue = Catalogue::parse(broken);
  ASSERT_TRUE(catalogue);
  EXPECT_FALSE((*catalogue)->client_key(key_id));

  std::string xxe = R"(<?xml version="1.0"?><!DOCTYPE c [<!ENTITY x SYSTEM "file:///etc/passwd">]>)"
                    R"(<catalogue xmlns=")" +
                    std::string(ns::kRegistry) +
                    R"("><host><institutions-covered><hei-id>&x;</hei-id>)"
                    R"(</institutions-covered></host><institutions/></catalogue>)";
  auto parsed = Catalogue::parse(xxe);
  ASSERT_TRUE(parsed);
  EXPECT_TRUE((*parsed)->apis("root:x:0:0:root:/root:/bin/bash", ns::kEchoEntry, "echo").empty());
  EXPECT_FALSE(Catalogue::parse("<not-a-catalogue/>"));
  EXPECT_FALSE(Catalogue::parse("not xml"));
}

TEST(Catalogue, VersionsCompareNumerically) {
  EXPECT_TRUE(newer_version("2.1.17", "2.1.3"));
  EXPECT_FALSE(newer_version("2.1.3", "2.1.17"));
  EXPECT_TRUE(newer_version("2.0.0", "garbage"));
}

// A registry on loopback: serves `body` with an ETag, answers 304 to a matching If-None-Match,
// counts requests, and can be switched off (503).
class FakeRegistry {
 public:
  FakeRegistry() {
    auto router = std::make_shared<http::Router>();
    router->add("GET", "/catalogue-v1.xml", [this](const http::Request& request) {
      ++requests;
      std::lock_guard lock(mutex);
      if (down) return http::Response::text(503, "down");
      http::Response response;
      if (request.header("If-None-Match") == etag) {
        response.status = 304;
      } else {
        response.content_type = "application/xml";
        response.body = body;
      }
      response.headers = {{"ETag", etag}, {"Cache-Control", "max-age=300, must-revalidate"}};
      return response;
    });
    server = std::make_unique<http::Server>(http::ServerOptions{"127.0.0.1", 0, 1, 4 << 20}, router);
    EXPECT_TRUE(server->start());
  }
  std::string url() const { return "http://127.0.0.1:" + std::to_string(server->port()) + "/catalogue-v1.xml"; }
  void publish(std::string xml, std::string tag) {
    std::lock_guard lock(mutex);
    body = std::move(xml);
    etag = std::move(tag);
  }

  std::atomic<int> requests{0};
  std::mutex mutex;
  std::string body;
  std::string etag = "\"v1\"";
  bool down = false;
  std::unique_ptr<http::Server> server;
};

class RegistryClientTest : public ::testing::Test {
 protected:
  void SetUp() override {
    database_ = testing::create_migrated_database();
    pool_ = std::make_unique<db::Pool>(db::PoolOptions{database_, 2, std::chrono::seconds(5)});
    registry_.publish(catalogue_xml(), "\"v1\"");
  }
  std::unique_ptr<RegistryClient> client(const std::string& url) {
    return std::make_unique<RegistryClient>(RegistrySettings{url}, transport_, *pool_, [this] { return now_; });
  }

  Clock::time_point now_ = Clock::from_time_t(1795000000);
  std::string database_;
  std::unique_ptr<db::Pool> pool_;
  FakeRegistry registry_;
  CurlTransport transport_{TransportOptions{std::chrono::milliseconds(2000), std::chrono::milliseconds(5000), "", {}}};
};

TEST_F(RegistryClientTest, RefreshesOnlyWhenDueAndRevalidatesWith304) {
  auto registry = client(registry_.url());
  ASSERT_TRUE(registry->refresh_if_due());
  EXPECT_EQ(registry_.requests, 1);
  ASSERT_TRUE(registry->current());
  now_ += std::chrono::seconds(200);
  ASSERT_TRUE(registry->refresh_if_due());
  EXPECT_EQ(registry_.requests, 1) << "max-age=300 has not passed";
  now_ += std::chrono::seconds(200);
  ASSERT_TRUE(registry->refresh_if_due());
  EXPECT_EQ(registry_.requests, 2);
  EXPECT_TRUE(registry->current()) << "a 304 keeps the snapshot";
  ASSERT_TRUE(registry->refresh());
  EXPECT_EQ(registry_.requests, 2) << "never more than once a minute";
}

TEST_F(RegistryClientTest, SavedCopyServesWhileTheRegistryIsDownAndExpiresAfterFiveDays) {
  ASSERT_TRUE(client(registry_.url())->refresh());
  registry_.down = true;
  auto restarted = client(registry_.url());
  ASSERT_TRUE(restarted->load_saved());
  EXPECT_FALSE(restarted->refresh());
  ASSERT_TRUE(restarted->current());
  EXPECT_TRUE(restarted->find_client_key(test_key(0).public_key.key_id()));
  now_ += std::chrono::hours(5 * 24 + 1);
  EXPECT_FALSE(restarted->current()) << "too stale to trust";
  EXPECT_FALSE(restarted->find_client_key(test_key(0).public_key.key_id()));
}

TEST_F(RegistryClientTest, UnknownKeyTriggersOneRateLimitedRefresh) {
  auto registry = client(registry_.url());
  ASSERT_TRUE(registry->refresh());
  registry_.publish(catalogue_xml(true), "\"v2\"");
  EXPECT_FALSE(registry->find_client_key(test_key(2).public_key.key_id())) << "within the minute: no new request";
  EXPECT_EQ(registry_.requests, 1);
  now_ += std::chrono::seconds(61);
  EXPECT_TRUE(registry->find_client_key(test_key(2).public_key.key_id()));
  EXPECT_EQ(registry_.requests, 2);
  EXPECT_FALSE(registry->find_client_key(test_key(3).public_key.key_id()));
  EXPECT_EQ(registry_.requests, 2) << "a second unknown key right after does not ask again";
}

TEST_F(RegistryClientTest, BadCatalogueKeepsThePreviousSnapshot) {
  auto registry = client(registry_.url());
  ASSERT_TRUE(registry->refresh());
  registry_.publish("<html>maintenance</html>", "\"v3\"");
  now_ += std::chrono::seconds(400);
  EXPECT_FALSE(registry->refresh_if_due());
  EXPECT_TRUE(registry->find_client_key(test_key(0).public_key.key_id()));
}

TEST_F(RegistryClientTest, FileUrlsWorkAndUnreachableRegistriesGiveClearErrors) {
  auto path = std::filesystem::temp_directory_path() / ("mobility-catalogue-" + std::to_string(::getpid()) + ".xml");
  std::ofstream(path) << catalogue_xml();
  auto from_file = client("file://" + path.string());
  ASSERT_TRUE(from_file->refresh());
  EXPECT_TRUE(from_file->find_client_key(test_key(0).public_key.key_id()));
  std::filesystem::remove(path);
  Status unreachable = client("http://127.0.0.1:1/catalogue-v1.xml")->refresh();
  EXPECT_FALSE(unreachable);
  EXPECT_THAT(unreachable.message(), ::testing::HasSubstr("http://127.0.0.1:1/catalogue-v1.xml"));
}

}  // namespace
}  // namespace mobility::ewp
