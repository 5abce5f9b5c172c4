// The EWP node end to end over real loopback HTTP: manifest, echo, and every refusal, with real
// signatures by our client, the registry catalogue read from a file, and each XML answer checked
// against the official schemas.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "db/demo_seed.hpp"
#include "db/pool.hpp"
#include "ewp-node/apis/discovery-v6/manifest.hpp"
#include "ewp-node/apis/echo-v2/echo_api.hpp"
#include "ewp-node/client/ewp_client.hpp"
#include "ewp-node/client/http_transport.hpp"
#include "ewp-node/ewp_node.hpp"
#include "ewp-node/http/server.hpp"
#include "ewp-node/registry/catalogue_builder.hpp"
#include "ewp-node/security/keys.hpp"
#include "ewp-node/security/node_keys.hpp"
#include "ewp-node/security/request_signer.hpp"
#include "ewp-node/security/response_verifier.hpp"
#include "ewp-node/security/base64.hpp"
#include "ewp-node/security/signature_params.hpp"
#include "ewp-node/security/signing_string.hpp"
#include "ewp-node/xml/namespaces.hpp"
#include "tests/support/child_process.hpp"
#include "tests/support/ewp_schemas.hpp"
#include "tests/support/test_database.hpp"
#include "tests/support/test_keys.hpp"

namespace mobility::ewp {
namespace {

namespace fs = std::filesystem;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using mobility::testing::test_key;

const std::string kPublicHost = "ewp.fjordland.example";
const std::string kPublicUrl = "https://" + kPublicHost;

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
    pool_ = std::make_unique<db::Pool>(db::PoolOptions{testing::create_migrated_database(), 4, std::chrono::seconds(5)});
    auto connection = pool_->acquire();
    ASSERT_TRUE(connection && db::seed_demo(**connection));
    auto node_key = generate_key((directory_ / "keys").string(), "node", 2048);
    ASSERT_TRUE(node_key) << node_key.status().to_string();
    write_catalogue();

    config_.public_url = kPublicUrl;
    config_.key_dir = (directory_ / "keys").string();
    config_.registry_url = "file://" + (directory_ / "catalogue.xml").string();
    config_.admin_email = "ewp-admin@fjordland.example";
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

  void write_catalogue() {
    auto node_keys = published_public_keys((directory_ / "keys").string());
    ASSERT_TRUE(node_keys);
    node_key_base64_ = node_keys->front();
    std::vector<std::string> manifests = {
        manifest_xml({kPublicUrl, {"a@fjordland.example"}, {"fjordland.example", {{"en", "Fjordland"}}},
                      *node_keys, *node_keys, {echo_v2_descriptor()}}),
        manifest_xml({"https://ewp.uni-a.example", {"a@uni-a.example"}, {"uni-a.example", {{"", "Uni A"}}},
                      {test_key(0).public_base64_der}, {}, {}}),
        manifest_xml({"https://ewp.other.example", {"a@other.example"}, {"other.example", {{"", "Other"}}},
                      {}, {test_key(1).public_base64_der}, {}})};
    auto catalogue = build_catalogue(manifests);
    ASSERT_TRUE(catalogue) << catalogue.status().to_string();
    ASSERT_TRUE(testing::catalogue_schema().validate(catalogue->xml)) << catalogue->xml;
    std::ofstream(directory_ / "catalogue.xml") << catalogue->xml;
  }

  // Sends a request signed with test key `slot` (or unsigned when slot < 0).
  Call call(const std::string& method, const std::string& target, const std::string& body = "",
            const std::string& content_type = "", int slot = 0) {
    http::HeaderList headers;
    if (!content_type.empty()) headers.emplace_back("Content-Type", content_type);
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
    auto verified = verify_response(call.sent, {call.reply.status, call.reply.headers, call.reply.body}, {*node_key}, Clock::now());
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
  HttpTransport transport_{TransportOptions{}};
  std::string node_key_base64_;
};

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

TEST_F(EwpNodeTest, UnsignedRequestIsChallengedWithASignedErrorResponse) {  // validator cases 6, 9
  Call anonymous = call("GET", "/ewp/echo?echo=a", "", "", -1);
  expect_error(anonymous, 401, "HTTP Signature");
  bool challenged = false;
  for (const auto& [name, value] : anonymous.reply.headers) challenged |= name == "WWW-Authenticate" && value == "Signature realm=\"EWP\"";
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

// --- the official validator's httpsig cases (ewp-core.md §11), over loopback HTTP ---

class ValidatorCasesTest : public EwpNodeTest {
 protected:
  struct Request {
    std::string method;
    std::string target;
    http::HeaderList headers;
    std::string body;
  };

  Request signed_echo(const std::string& method, const std::string& body = "") {
    http::HeaderList extra;
    if (method == "POST") extra.emplace_back("Content-Type", "application/x-www-form-urlencoded");
    auto signed_request = sign_request({method, kPublicHost, "/ewp/echo", extra, body}, test_key(0).private_key, Clock::now());
    EXPECT_TRUE(signed_request);
    return {method, "/ewp/echo", signed_request->headers, body};
  }

  static void set(Request& request, const std::string& name, const std::string& value) {
    std::erase_if(request.headers, [&](const auto& h) { return http::equals_ignore_case(h.first, name); });
    if (!value.empty()) request.headers.emplace_back(name, value);
  }

  // Signs again with key `slot`, covering exactly `names`, as the validator does for its cases.
  static void resign(Request& request, const std::vector<std::string>& names, int slot = 0) {
    set(request, "Authorization", "");
    auto text = build_signing_string({request.method, request.target, request.headers}, names);
    ASSERT_TRUE(text) << text.status().to_string();
    auto signature = test_key(slot).private_key.sign_sha256(*text);
    SignatureParams params{test_key(slot).public_key.key_id(), "rsa-sha256", names, base64_encode(*signature)};
    request.headers.emplace_back("Authorization", "Signature " + format_signature_params(params));
  }

  int status_of(const Request& request) {
    auto reply = transport_.send(request.method, base() + request.target, request.headers, request.body);
    EXPECT_TRUE(reply);
    return reply ? reply->status : 0;
  }

  const std::vector<std::string> all_ = {"(request-target)", "host", "date", "digest", "x-request-id"};
};

TEST_F(ValidatorCasesTest, EveryHttpsigCaseGetsTheExpectedStatus) {
  for (const std::string method : {"GET", "POST"}) {
    std::string body = method == "POST" ? "echo=a" : "";
    SCOPED_TRACE(method);
    Request invalid = signed_echo(method, body);  // 17: known key, invalid signature
    set(invalid, "Authorization", *http::header_values(signed_echo(method, "echo=other").headers, "Authorization").begin());
    EXPECT_EQ(status_of(invalid), 400);
    Request missing = signed_echo(method, body);  // 18: a signed header removed
    set(missing, "Accept-Signature", "");
    EXPECT_EQ(status_of(missing), 400);
    Request original_date = signed_echo(method, body);  // 19: Original-Date instead of Date
    std::string date = http::header_values(original_date.headers, "Date").front();
    set(original_date, "Date", "");
    set(original_date, "Original-Date", date);
    resign(original_date, {"(request-target)", "host", "original-date", "digest", "x-request-id"});
    EXPECT_EQ(status_of(original_date), 200);
    for (const std::string& left_out : all_) {  // 20-24: each required header unsigned
      Request request = signed_echo(method, body);
      std::vector<std::string> names;
      for (const auto& name : all_) {
        if (name != left_out) names.push_back(name);
      }
      resign(request, names);
      EXPECT_EQ(status_of(request), 400) << left_out;
    }
    Request reordered = signed_echo(method, body);  // 25
    resign(reordered, {"x-request-id", "digest", "date", "host", "(request-target)"});
    EXPECT_EQ(status_of(reordered), 200);
    Request extra = signed_echo(method, body);  // 26
    extra.headers.emplace_back("Some-Custom-Header", "value");
    resign(extra, {"(request-target)", "host", "date", "digest", "x-request-id", "some-custom-header"});
    EXPECT_EQ(status_of(extra), 200);
    Request old_date = signed_echo(method, body);  // 28
    set(old_date, "Original-Date", format_http_date(Clock::now() - std::chrono::minutes(20)));
    resign(old_date, {"(request-target)", "host", "original-date", "digest", "x-request-id"});
    EXPECT_EQ(status_of(old_date), 400);
    Request upper_id = signed_echo(method, body);  // 29
    set(upper_id, "X-Request-Id", "0F8C3A369E3B4B398A8E8F1F3C9A7D21");
    resign(upper_id, all_);
    EXPECT_EQ(status_of(upper_id), 400);
  }
  Request changed_body = signed_echo("POST", "echo=a");  // 30
  changed_body.body = "echo=b";
  EXPECT_EQ(status_of(changed_body), 400);
  Request several = signed_echo("POST", "echo=b&echo=b");  // 31
  set(several, "Digest", http::header_values(several.headers, "Digest").front() + ", Unknown-Digest-Algorithm=SomeValue");
  resign(several, all_);
  EXPECT_EQ(status_of(several), 200);
  Request sha1 = signed_echo("POST", "echo=a");  // 32
  set(sha1, "Digest", "SHA=" + base64_encode(std::string(20, 'x')));
  resign(sha1, all_);
  EXPECT_EQ(status_of(sha1), 400);
  Request mixed_case = signed_echo("POST", "echo=a");  // 33
  set(mixed_case, "Digest", "shA-256" + http::header_values(mixed_case.headers, "Digest").front().substr(7));
  resign(mixed_case, all_);
  EXPECT_EQ(status_of(mixed_case), 200);
}

TEST_F(ValidatorCasesTest, AcceptSignatureVariants) {  // cases 7, 8, 34, 35
  Request unknown = signed_echo("GET");
  set(unknown, "Accept-Signature", "unknown-algorithm");
  resign(unknown, {"(request-target)", "host", "date", "digest", "x-request-id", "accept-signature"});
  auto plain = transport_.send("GET", base() + "/ewp/echo", unknown.headers, "");
  ASSERT_TRUE(plain);
  EXPECT_EQ(plain->status, 200);
  EXPECT_TRUE(http::header_values(plain->headers, "Signature").empty());
  Request several = signed_echo("GET");
  set(several, "Accept-Signature", "rsa-sha256, unknown-algorithm");
  resign(several, {"(request-target)", "host", "date", "digest", "x-request-id", "accept-signature"});
  auto signed_reply = transport_.send("GET", base() + "/ewp/echo", several.headers, "");
  ASSERT_TRUE(signed_reply);
  EXPECT_EQ(signed_reply->status, 200);
  EXPECT_EQ(http::header_values(signed_reply->headers, "Signature").size(), 1u);
}

// --- our signed client against our node ---

class EwpClientTest : public EwpNodeTest {
 protected:
  // A catalogue for the client: the node's echo at http://ewp.fjordland.example (reached on the
  // test port), its node key as the host's server key.
  std::unique_ptr<RegistryClient> client_registry(const std::vector<std::string>& server_keys) {
    auto catalogue = build_catalogue({manifest_xml({"http://" + kPublicHost, {"a@fjordland.example"},
                                                    {"fjordland.example", {{"en", "Fjordland"}}}, {}, server_keys,
                                                    {echo_v2_descriptor()}})});
    EXPECT_TRUE(catalogue);
    std::ofstream(directory_ / "client-catalogue.xml") << catalogue->xml;
    auto registry = std::make_unique<RegistryClient>(
        RegistrySettings{"file://" + (directory_ / "client-catalogue.xml").string()}, *client_transport_, *pool_);
    EXPECT_TRUE(registry->refresh());
    return registry;
  }

  ApiCall echo_call(const std::string& method) {
    return {"fjordland.example", ns::kEchoEntry, "echo", "url", method, {{"echo", "a b"}, {"echo", "&"}}};
  }

  void SetUp() override {
    EwpNodeTest::SetUp();
    client_transport_ = std::make_unique<HttpTransport>(TransportOptions{
        std::chrono::milliseconds(2000), std::chrono::milliseconds(5000), "",
        {kPublicHost + ":80:127.0.0.1:" + std::to_string(server_->port())}});
  }

  std::unique_ptr<HttpTransport> client_transport_;
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
  EXPECT_THAT(invalid.status().message(), HasSubstr("answered XML that"));
  EwpClient lenient(*registry, *client_transport_, client_key_, &testing::manifest_schema(), {"fjordland.example"});
  EXPECT_TRUE(lenient.call(echo_call("GET")));
  ApiCall missing = echo_call("GET");
  missing.hei_id = "nowhere.example";
  EXPECT_EQ(strict.call(missing).status().code(), Status::Code::kNotFound);
}

// --- cross-implementation: Debian's python3-httpsig and node-http-signature (tests/interop) ---

class InteropTest : public EwpNodeTest {
 protected:
  std::string write(const std::string& name, const std::string& content) {
    fs::path path = directory_ / name;
    std::ofstream(path, std::ios::binary) << content;
    return path.string();
  }

  static std::string oracle(const std::string& language) {
    return std::string(MOBILITY_SOURCE_DIR) + "/tests/interop/httpsig_oracle." + (language == "python" ? "py" : "js");
  }

  // Headers signed by the oracle with test key 0, as "Name: value" lines turned into a list.
  http::HeaderList oracle_signed(const std::string& language, const std::string& method, const std::string& target,
                                 const std::string& body, const std::string& content_type) {
    std::vector<std::string> argv = {oracle(language), "sign", method, target, kPublicHost,
                                     write("client.key.pem", test_key(0).private_pem), test_key(0).public_key.key_id(),
                                     write("body", body)};
    if (!content_type.empty()) argv.push_back(content_type);
    auto signed_headers = testing::run_program(argv);
    EXPECT_EQ(signed_headers.exit_code, 0) << signed_headers.err;
    http::HeaderList headers;
    std::istringstream lines(signed_headers.out);
    for (std::string line; std::getline(lines, line);) {
      size_t colon = line.find(':');
      if (colon != std::string::npos) headers.emplace_back(line.substr(0, colon), line.substr(colon + 2));
    }
    return headers;
  }

  int oracle_verifies(const std::string& language, const std::string& kind, const std::string& method,
                      const std::string& target, const http::HeaderList& headers, const std::string& body,
                      const std::string& public_pem) {
    std::string lines;
    for (const auto& [name, value] : headers) lines += name + ": " + value + "\n";
    auto result = testing::run_program({oracle(language), kind, method, target, write("headers", lines), write("body", body),
                                        write("public.pem", public_pem)});
    if (result.exit_code != 0) ADD_FAILURE() << language << " " << kind << ": " << result.err;
    return result.exit_code;
  }

  std::string node_public_pem() {
    std::ifstream in(directory_ / "keys" / "node.pub.pem");
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  }
};

TEST_F(InteropTest, RequestsSignedByOtherLibrariesAreAccepted) {
  for (const std::string language : {"python", "node"}) {
    auto get = transport_.send("GET", base() + "/ewp/echo?echo=" + language + "&echo=x",
                               oracle_signed(language, "GET", "/ewp/echo?echo=" + language + "&echo=x", "", ""), "");
    ASSERT_TRUE(get);
    EXPECT_EQ(get->status, 200) << language << ": " << get->body;
    EXPECT_THAT(get->body, HasSubstr("<echo>" + language + "</echo>\n  <echo>x</echo>"));
    std::string form = "echo=" + language + "+post";
    auto post = transport_.send("POST", base() + "/ewp/echo",
                                oracle_signed(language, "POST", "/ewp/echo", form, "application/x-www-form-urlencoded"),
                                form);
    ASSERT_TRUE(post);
    EXPECT_EQ(post->status, 200) << language << ": " << post->body;
    EXPECT_THAT(post->body, HasSubstr("<echo>" + language + " post</echo>"));
  }
}

TEST_F(InteropTest, OurRequestsAndResponsesVerifyWithOtherLibraries) {
  const std::string form = "echo=a&echo=b";
  auto signed_request = sign_request({"POST", kPublicHost, "/ewp/echo?x=1", {{"Content-Type", "application/x-www-form-urlencoded"}}, form},
                                     test_key(0).private_key, Clock::now());
  ASSERT_TRUE(signed_request);
  auto reply = transport_.send("POST", base() + "/ewp/echo?x=1", signed_request->headers, form);
  ASSERT_TRUE(reply);
  ASSERT_EQ(reply->status, 200) << reply->body;
  for (const std::string language : {"python", "node"}) {
    EXPECT_EQ(oracle_verifies(language, "verify-request", "POST", "/ewp/echo?x=1", signed_request->headers, form,
                              test_key(0).public_pem), 0);
    EXPECT_EQ(oracle_verifies(language, "verify-response", "POST", "/ewp/echo?x=1", reply->headers, reply->body,
                              node_public_pem()), 0);
  }
}

TEST_F(InteropTest, OtherLibrariesRejectWhatWeTamperWith) {  // the oracles can say no
  auto signed_request = sign_request({"GET", kPublicHost, "/ewp/echo", {}, ""}, test_key(0).private_key, Clock::now());
  ASSERT_TRUE(signed_request);
  for (const std::string language : {"python", "node"}) {
    std::string lines;
    for (const auto& [name, value] : signed_request->headers) lines += name + ": " + value + "\n";
    auto wrong_target = testing::run_program({oracle(language), "verify-request", "GET", "/ewp/echo?echo=forged",
                                              write("headers", lines), write("body", ""), write("public.pem", test_key(0).public_pem)});
    EXPECT_EQ(wrong_target.exit_code, 1) << language;
  }
}

}  // namespace
}  // namespace mobility::ewp
