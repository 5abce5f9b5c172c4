// The EWP node end to end over real loopback HTTP: manifest, echo and refusals, with real
// signatures by our client and each XML answer checked against the official schemas.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "db/institutions.hpp"
#include "tests/ewp/ewp_node_fixture.hpp"

namespace mobility::ewp::test {
namespace {

TEST_F(EwpNodeTest, ManifestIsValidAndListsTheApisTheHeiAndTheKeys) {
  auto reply = transport_.send("GET", base() + "/ewp/manifest.xml", {{"Host", kPublicHost}}, "");
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 200);
  EXPECT_TRUE(testing::manifest_schema().validate(reply->body)) << reply->body;
  EXPECT_THAT(reply->body, HasSubstr("<d6:url>https://ewp.fjordland.example/ewp/hei/fjordland.example/manifest.xml</d6:url>"));
  EXPECT_THAT(reply->body, HasSubstr("version=\"2.0.1\""));
  EXPECT_THAT(reply->body, HasSubstr("https://ewp.fjordland.example/ewp/echo</api0:url>"));
  EXPECT_THAT(reply->body, HasSubstr("<r:hei id=\"fjordland.example\">"));
  EXPECT_THAT(reply->body, HasSubstr(node_key_base64_));
  EXPECT_THAT(reply->body, HasSubstr("<ewp:admin-email>ewp-admin@fjordland.example</ewp:admin-email>"));
  auto per_hei = transport_.send("GET", base() + "/ewp/hei/fjordland.example/manifest.xml", {}, "");
  ASSERT_TRUE(per_hei);
  EXPECT_EQ(per_hei->body, reply->body);
}

TEST_F(EwpNodeTest, SignedGetEchoesInOrderWithTheCallersHeisAndIsSigned) {
  Call echo = call("GET", "/ewp/echo?echo=a&echo=b&echo=a");
  ASSERT_EQ(echo.reply.status, 200) << echo.reply.body;
  EXPECT_TRUE(testing::echo_response_schema().validate(echo.reply.body)) << echo.reply.body;
  EXPECT_THAT(echo.reply.body, HasSubstr("<hei-id>uni-a.example</hei-id>\n  <echo>a</echo>\n  <echo>b</echo>\n  <echo>a</echo>"));
  expect_signed_by_node(echo);
}

TEST_F(EwpNodeTest, SignedPostReadsTheFormAndIgnoresTheQuery) {  // validator cases 13, 14
  Call echo = call("POST", "/ewp/echo?echo=c&echo=c", "echo=a&echo=b&echo=a", "application/x-www-form-urlencoded");
  ASSERT_EQ(echo.reply.status, 200) << echo.reply.body;
  EXPECT_THAT(echo.reply.body, HasSubstr("<echo>a</echo>\n  <echo>b</echo>\n  <echo>a</echo>\n</response>"));
  EXPECT_THAT(echo.reply.body, ::testing::Not(HasSubstr("<echo>c</echo>")));
  expect_signed_by_node(echo);
}

TEST_F(EwpNodeTest, UnsignedRequestIsChallengedWithASignedErrorResponse) {  // validator case 6 (6-9: ValidatorCasesTest)
  Call anonymous = call("GET", "/ewp/echo?echo=a", "", "", -1);
  expect_error(anonymous, 401, "HTTP Signature");
  bool challenged = false;
  for (const auto& [name, value] : anonymous.reply.headers)
    challenged |= name == "WWW-Authenticate" && value == "Signature realm=\"EWP\"";
  EXPECT_TRUE(challenged);
  EXPECT_THAT(http::header_values(anonymous.reply.headers, "Want-Digest"), ElementsAre("SHA-256"));
  expect_signed_by_node(anonymous);
}

TEST_F(EwpNodeTest, OtherMethodsUnknownPathsAndEncodingsGetXmlErrors) {  // cases 11, 12
  expect_error(call("PUT", "/ewp/echo", "echo=a", "application/x-www-form-urlencoded"), 405, "PUT is not allowed");
  expect_error(call("DELETE", "/ewp/echo"), 405, "use GET, POST");
  expect_error(call("GET", "/ewp/nothing-here"), 404, "no EWP API at /ewp/nothing-here");
  expect_error(call("POST", "/ewp/echo", "{\"echo\": 1}", "application/json"), 415, "x-www-form-urlencoded");
}

TEST_F(EwpNodeTest, KeysTheCatalogueDoesNotListAsClientKeysAreForbidden) {  // cases 16, 27
  expect_error(call("GET", "/ewp/echo", "", "", 2), 403, "not a client key");
  expect_error(call("GET", "/ewp/echo", "", "", 1), 403, "not a client key");
}

TEST_F(EwpNodeTest, ReplayedRequestIsRefused) {
  http::HeaderList headers;
  auto signed_request = sign_request({"GET", kPublicHost, "/ewp/echo", headers, ""}, test_key(0).private_key, Clock::now());
  ASSERT_TRUE(signed_request);
  auto first = transport_.send("GET", base() + "/ewp/echo", signed_request->headers, "");
  auto second = transport_.send("GET", base() + "/ewp/echo", signed_request->headers, "");
  ASSERT_TRUE(first && second);
  EXPECT_EQ(first->status, 200);
  EXPECT_EQ(second->status, 400);
  EXPECT_THAT(second->body, HasSubstr("already used"));
}

TEST_F(EwpNodeTest, HostileEchoValuesComeBackEscapedAndValid) {
  Call echo = call("GET", "/ewp/echo?echo=%3C%2Fx%3E%26%3Cscript%3E");
  ASSERT_EQ(echo.reply.status, 200);
  EXPECT_THAT(echo.reply.body, HasSubstr("<echo>&lt;/x&gt;&amp;&lt;script&gt;</echo>"));
  EXPECT_TRUE(testing::echo_response_schema().validate(echo.reply.body));
}

TEST_F(EwpNodeTest, ManifestIsRefusedWithoutAnHttpsPublicUrl) {
  config_.public_url = "http://127.0.0.1:8080";
  auto router = std::make_shared<http::Router>();
  auto node = EwpNode::start(config_, *pool_, *router);
  ASSERT_TRUE(node);
  http::Request request;
  request.method = "GET";
  request.path = "/ewp/manifest.xml";
  http::Response response = router->dispatch(request);
  EXPECT_EQ(response.status, 503);
  EXPECT_THAT(response.body, HasSubstr("not an https:// URL"));
}

TEST_F(EwpNodeTest, SeveralHostedHeisHaveOneManifestEach) {  // Discovery v6: one HEI per manifest
  auto connection = pool_->acquire();
  ASSERT_TRUE(connection);
  ASSERT_TRUE((*connection)
                  ->exec_script("INSERT INTO hei (hei_id) VALUES ('fjell.example'); "
                                "INSERT INTO hei_name (hei_id, lang, name) VALUES ('fjell.example', 'en', 'Fjell College'); "
                                "INSERT INTO hosted_hei (hei_id, admin_email) VALUES ('fjell.example', 'ewp@fjell.example')"));
  auto router = std::make_shared<http::Router>();
  auto node = EwpNode::start(config_, *pool_, *router);
  ASSERT_TRUE(node);
  auto dispatch = [&](const std::string& path) {
    http::Request request;
    request.method = "GET";
    request.path = path;
    return router->dispatch(request);
  };
  http::Response combined = dispatch("/ewp/manifest.xml");
  EXPECT_EQ(combined.status, 404);
  EXPECT_THAT(combined.body, HasSubstr("one manifest each: https://ewp.fjordland.example/ewp/hei/fjell.example/manifest.xml "
                                       "https://ewp.fjordland.example/ewp/hei/fjordland.example/manifest.xml"));
  EXPECT_TRUE(testing::error_response_schema().validate(combined.body)) << combined.body;
  http::Response fjell = dispatch("/ewp/hei/fjell.example/manifest.xml");
  EXPECT_EQ(fjell.status, 200);
  EXPECT_TRUE(testing::manifest_schema().validate(fjell.body)) << fjell.body;
  EXPECT_THAT(fjell.body, HasSubstr("<r:hei id=\"fjell.example\">"));
}

TEST_F(EwpNodeTest, AnHeiHostedWhileTheNodeRunsIsPublishedAtOnceAndAnUnknownOneIs404) {
  auto router = std::make_shared<http::Router>();
  auto node = EwpNode::start(config_, *pool_, *router);
  ASSERT_TRUE(node);
  auto dispatch = [&](const std::string& method, const std::string& path) {
    http::Request request;
    request.method = method;
    request.path = path;
    return router->dispatch(request);
  };
  EXPECT_EQ(dispatch("GET", "/ewp/manifest.xml").status, 200) << "one hosted HEI: the node's manifest is its";
  http::Response unknown = dispatch("GET", "/ewp/hei/fjell.example/manifest.xml");
  EXPECT_EQ(unknown.status, 404);
  EXPECT_THAT(unknown.body, HasSubstr("this node does not host the HEI fjell.example"));
  EXPECT_TRUE(testing::error_response_schema().validate(unknown.body)) << unknown.body;

  auto connection = pool_->acquire();
  ASSERT_TRUE(connection);
  ASSERT_TRUE(db::host_hei(**connection, {"fjell.example", "ewp@fjell.example", "Fjell College", "en", "NO"}));
  http::Response fjell = dispatch("GET", "/ewp/hei/fjell.example/manifest.xml");
  EXPECT_EQ(fjell.status, 200) << fjell.body;
  EXPECT_TRUE(testing::manifest_schema().validate(fjell.body)) << fjell.body;
  EXPECT_EQ(dispatch("GET", "/ewp/manifest.xml").status, 404) << "two hosted HEIs: one manifest each";
  EXPECT_EQ(dispatch("POST", "/ewp/hei/fjell.example/manifest.xml").status, 405);
  EXPECT_EQ(dispatch("GET", "/ewp/hei/fjell.example/other.xml").status, 404);
}

TEST_F(EwpNodeTest, PartnersAreCalledOnlyWithTheOfficialSchemasAtHand) {
  EXPECT_TRUE(node_->client()) << "the schema bundle in schema_dir is loaded";

  config_.schema_dir = (directory_ / "no-schemas").string();
  http::Router router;
  auto without = EwpNode::start(config_, *pool_, router);
  ASSERT_TRUE(without) << "serving does not need the schemas";
  auto client = (*without)->client();
  ASSERT_FALSE(client);
  EXPECT_EQ(client.status().code(), Status::Code::kUnavailable);
  EXPECT_THAT(client.status().message(), HasSubstr("no-schemas has no catalog.xml; run ops/schema-bundle"));

  // A bundle lacking files says which.
  fs::path partial = directory_ / "partial-schemas";
  fs::create_directories(partial);
  std::ofstream(partial / "catalog.xml") << "<catalog xmlns=\"urn:oasis:names:tc:entity:xmlns:xml:catalog\"/>";
  config_.schema_dir = partial.string();
  http::Router other_router;
  auto incomplete = EwpNode::start(config_, *pool_, other_router);
  ASSERT_TRUE(incomplete);
  auto refused = (*incomplete)->client();
  ASSERT_FALSE(refused);
  EXPECT_THAT(refused.status().message(), HasSubstr("partial-schemas lacks "));
  EXPECT_THAT(refused.status().message(), HasSubstr("of the schemas the node needs (api-echo/stable-v2/response.xsd, "));
}

}  // namespace
}  // namespace mobility::ewp::test
