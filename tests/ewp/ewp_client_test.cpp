// Our signed EWP client calling our node: catalogue lookup, signing, response verification, schemas.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "base/metrics.hpp"
#include "tests/ewp/ewp_node_fixture.hpp"

namespace mobility::ewp::test {
namespace {

class EwpClientTest : public EwpNodeTest {
 protected:
  // A catalogue for the client: the node's echo at http://ewp.fjordland.example (reached on the
  // test port), its node key as the host's server key.
  std::unique_ptr<RegistryClient> client_registry(const std::vector<std::string>& server_keys) {
    auto catalogue = build_catalogue({manifest_xml({"http://" + kPublicHost,
                                                    {"a@fjordland.example"},
                                                    {"fjordland.example", {{"en", "Fjordland"}}},
                                                    {},
                                                    server_keys,
                                                    {echo_v2_descriptor()}})});
    EXPECT_TRUE(catalogue);
    std::ofstream(directory_ / "client-catalogue.xml") << catalogue->xml;
    auto registry = std::make_unique<RegistryClient>(RegistrySettings{"file://" + (directory_ / "client-catalogue.xml").string()},
                                                     *client_transport_, *pool_);
    EXPECT_TRUE(registry->refresh());
    return registry;
  }

  ApiCall echo_call(const std::string& method) {
    return {"fjordland.example", ns::kEchoEntry, "echo", "url", method, {{"echo", "a b"}, {"echo", "&"}}};
  }

  void SetUp() override {
    EwpNodeTest::SetUp();
    client_transport_ =
        std::make_unique<CurlTransport>(TransportOptions{std::chrono::milliseconds(2000),
                                                         std::chrono::milliseconds(5000),
                                                         "",
                                                         {kPublicHost + ":80:127.0.0.1:" + std::to_string(server_->port())}});
  }

  std::unique_ptr<CurlTransport> client_transport_;
  EwpClient::SigningKey client_key_ = [] { return std::optional<RsaPrivateKey>(test_key(0).private_key); };
};

TEST_F(EwpClientTest, CallsThePartnerAndVerifiesItsSignedValidAnswer) {
  auto registry = client_registry({node_key_base64_});
  EwpClient client(*registry, *client_transport_, client_key_, &testing::echo_response_schema());
  for (const std::string method : {"GET", "POST"}) {
    auto reply = client.call(echo_call(method));
    ASSERT_TRUE(reply) << reply.status().to_string();
    EXPECT_EQ(reply->status, 200);
    EXPECT_EQ(reply->version, "2.0.1");
    EXPECT_THAT(reply->body, HasSubstr("<echo>a b</echo>\n  <echo>&amp;</echo>"));
  }
}

TEST_F(EwpClientTest, RefusesAnswersSignedByAKeyOfAnotherHost) {
  auto registry = client_registry({test_key(1).public_base64_der});
  EwpClient client(*registry, *client_transport_, client_key_);
  auto reply = client.call(echo_call("GET"));
  ASSERT_FALSE(reply);
  EXPECT_THAT(reply.status().message(), HasSubstr("not a server key of the host"));
}

TEST_F(EwpClientTest, UnknownApisAndInvalidXmlAreClearErrors) {
  auto registry = client_registry({node_key_base64_});
  EwpClient strict(*registry, *client_transport_, client_key_, &testing::manifest_schema());
  auto invalid = strict.call(echo_call("GET"));
  ASSERT_FALSE(invalid);
  EXPECT_THAT(invalid.status().message(), HasSubstr("answered invalid XML"));
  EwpClient lenient(*registry, *client_transport_, client_key_, &testing::manifest_schema(), {"fjordland.example"});
  EXPECT_TRUE(lenient.call(echo_call("GET")));
  ApiCall missing = echo_call("GET");
  missing.hei_id = "nowhere.example";
  EXPECT_EQ(strict.call(missing).status().code(), Status::Code::kNotFound);
}

// Every call is counted by partner, API and outcome for GET /metrics.
TEST_F(EwpClientTest, EveryCallIsCountedByPartnerApiAndOutcome) {
  metrics::reset();
  auto registry = client_registry({node_key_base64_});
  EwpClient client(*registry, *client_transport_, client_key_, &testing::manifest_schema());
  EXPECT_FALSE(client.call(echo_call("GET")));  // the echo answer is no manifest: refused
  ApiCall missing = echo_call("GET");
  missing.hei_id = "nowhere.example";
  EXPECT_FALSE(client.call(missing));
  EwpClient echoing(*registry, *client_transport_, client_key_, &testing::echo_response_schema());
  EXPECT_TRUE(echoing.call(echo_call("GET")));
  std::string text = metrics::render();
  EXPECT_THAT(text, HasSubstr("mobility_partner_calls_total{partner=\"fjordland.example\",api=\"echo\",outcome=\"ok\"} 1\n"));
  EXPECT_THAT(
      text,
      HasSubstr("mobility_partner_calls_total{partner=\"fjordland.example\",api=\"echo\",outcome=\"invalid_argument\"} 1\n"));
  EXPECT_THAT(text,
              HasSubstr("mobility_partner_calls_total{partner=\"nowhere.example\",api=\"echo\",outcome=\"not_found\"} 1\n"));
  EXPECT_THAT(text, HasSubstr("mobility_partner_call_duration_seconds_count{api=\"echo\"} 3\n"));
}

}  // namespace
}  // namespace mobility::ewp::test
