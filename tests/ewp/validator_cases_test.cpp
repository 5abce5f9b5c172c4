// The official validator's httpsig cases (ewp-core.md §11) against the running node, over loopback,
// with the validator's checks of each answer: every error a valid <error-response> with its
// developer-message, signed by the node when the request asked for it (401s also challenge);
// every 200 a valid Echo response naming the caller's HEI and echoing the values in order.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "ewp-node/security/digest.hpp"
#include "ewp-node/security/request_id.hpp"
#include "ewp-node/xml/dom.hpp"
#include "ewp-node/xml/error_response.hpp"
#include "tests/ewp/ewp_node_fixture.hpp"

namespace mobility::ewp::test {
namespace {

using ::testing::AllOf;
using ::testing::EndsWith;
using ::testing::IsEmpty;
using ::testing::StartsWith;

const std::string kEchoes = "echo=a&echo=b&echo=a";
const std::string kChallengeMessage = "this API requires HTTP Signature client authentication (Authorization: Signature ...)";

std::string must_cover(const std::string& name) {
  return "the signature must cover " + name + "; sign at least (request-target) host date (or original-date) digest x-request-id";
}

// The texts of the Echo response's `name` children, in order.
std::vector<std::string> echo_texts(const std::string& body, const std::string& name) {
  std::vector<std::string> texts;
  auto doc = parse_answer(body, ns::kEchoResponse, "response", "echo");
  if (!doc) return {"unreadable: " + doc.status().message()};
  for (xmlNodePtr node : child_elements(xmlDocGetRootElement(doc->get()), ns::kEchoResponse, name)) {
    texts.push_back(element_text(node));
  }
  return texts;
}

class ValidatorCasesTest : public EwpNodeTest {
 protected:
  struct Request {
    std::string method;
    std::string target;
    http::HeaderList headers;
    std::string body;
  };

  // The echo values `form` (GET: the query; POST: the form), signed with test key `slot`.
  Request signed_echo(const std::string& method, const std::string& form = kEchoes, int slot = 0) {
    bool post = method == "POST";
    http::HeaderList extra;
    if (post) extra.emplace_back("Content-Type", "application/x-www-form-urlencoded");
    std::string target = post ? "/ewp/echo" : "/ewp/echo?" + form;
    std::string body = post ? form : "";
    auto signed_request = sign_request({method, kPublicHost, target, extra, body}, test_key(slot).private_key, Clock::now());
    EXPECT_TRUE(signed_request);
    return {method, target, signed_request->headers, body};
  }

  // A GET without Authorization, with `headers` besides Host (the validator's anonymous cases).
  static Request anonymous_echo(http::HeaderList headers) {
    headers.emplace_back("Host", kPublicHost);
    return {"GET", "/ewp/echo?echo=a", headers, ""};
  }

  static void set(Request& request, const std::string& name, const std::string& value) {
    std::erase_if(request.headers, [&](const auto& h) { return http::equals_ignore_case(h.first, name); });
    if (!value.empty()) request.headers.emplace_back(name, value);
  }

  // Signs again with key `slot`, covering exactly `names`, as the validator does for its cases.
  static void resign(Request& request, const std::vector<std::string>& names, int slot = 0) {
    set(request, "Authorization", "");
    auto params = testing::hand_signature({request.method, request.target, request.headers}, names, slot);
    ASSERT_TRUE(params) << params.status().to_string();
    request.headers.emplace_back("Authorization", "Signature " + *params);
  }

  // What the request carried that the answer must echo: its X-Request-Id and signature.
  static SentRequest sent_of(const Request& request) {
    SentRequest sent{request.method, request.target, "", ""};
    for (const std::string& id : http::header_values(request.headers, "X-Request-Id")) sent.x_request_id = id;
    for (const std::string& authorization : http::header_values(request.headers, "Authorization")) {
      if (auto params = parse_authorization_signature(authorization)) sent.signature = params->signature;
    }
    return sent;
  }

  Call send(const Request& request) {
    auto reply = transport_.send(request.method, base() + request.target, request.headers, request.body);
    EXPECT_TRUE(reply) << reply.status().to_string();
    return {reply ? *reply : HttpReply{}, sent_of(request)};
  }

  // An expected error: the status, a valid <error-response> whose developer-message matches.
  static void expect_error_body(const Call& call, int status, const ::testing::Matcher<const std::string&>& message) {
    EXPECT_EQ(call.reply.status, status) << call.reply.body;
    EXPECT_TRUE(testing::error_response_schema().validate(call.reply.body)) << call.reply.body;
    EXPECT_THAT(read_developer_message(call.reply.body), message);
  }

  // The same, signed by the node and echoing the request's X-Request-Id and signature.
  void expect_signed_error(const Request& request, int status, const ::testing::Matcher<const std::string&>& message) {
    Call call = send(request);
    expect_error_body(call, status, message);
    expect_signed_by_node(call);
  }

  // A 401's challenge (ewp-core.md CLI-8).
  static void expect_challenge(const Call& call) {
    EXPECT_THAT(http::header_values(call.reply.headers, "WWW-Authenticate"), ElementsAre("Signature realm=\"EWP\""));
    EXPECT_THAT(http::header_values(call.reply.headers, "Want-Digest"), ElementsAre("SHA-256"));
  }

  // An expected 200: a valid Echo response naming the caller's HEI and echoing `echoes` in order.
  static void expect_echo_body(const Call& call, const std::vector<std::string>& echoes) {
    ASSERT_EQ(call.reply.status, 200) << call.reply.body;
    EXPECT_TRUE(testing::echo_response_schema().validate(call.reply.body)) << call.reply.body;
    EXPECT_THAT(echo_texts(call.reply.body, "hei-id"), ElementsAre("uni-a.example"));
    EXPECT_EQ(echo_texts(call.reply.body, "echo"), echoes);
  }

  // The same, signed by the node.
  void expect_signed_echo(const Request& request, const std::vector<std::string>& echoes = {"a", "b", "a"}) {
    Call call = send(request);
    expect_echo_body(call, echoes);
    expect_signed_by_node(call);
  }

  const std::vector<std::string> required_ = {"(request-target)", "host", "date", "digest", "x-request-id"};
  // What our client signs, and the validator too: the required headers and Accept-Signature.
  const std::vector<std::string> all_ = {"(request-target)", "host", "date", "digest", "x-request-id", "accept-signature"};
};

TEST_F(ValidatorCasesTest, AnonymousRequestsGetA401SignedWhenAskedFor) {    // cases 6-9
  Call plain = send(anonymous_echo({{"Accept-Signature", "rsa-sha256"}}));  // 6
  expect_error_body(plain, 401, kChallengeMessage);
  expect_challenge(plain);
  expect_signed_by_node(plain);
  Call unknown = send(anonymous_echo({{"Accept-Signature", "unknown-algorithm"}}));  // 7: may be unsigned
  expect_error_body(unknown, 401, kChallengeMessage);
  expect_challenge(unknown);
  Call several = send(anonymous_echo({{"Accept-Signature", "rsa-sha256, unknown-algorithm"}}));  // 8
  expect_error_body(several, 401, kChallengeMessage);
  expect_signed_by_node(several);
  Call with_id = send(anonymous_echo({{"Accept-Signature", "rsa-sha256"}, {"X-Request-Id", new_request_id()}}));  // 9
  expect_error_body(with_id, 401, kChallengeMessage);
  expect_challenge(with_id);
  EXPECT_THAT(http::header_values(with_id.reply.headers, "Signature"), ::testing::SizeIs(1));
  EXPECT_THAT(http::header_values(with_id.reply.headers, "X-Request-Id"), ElementsAre(with_id.sent.x_request_id));
  expect_signed_by_node(with_id);
}

TEST_F(ValidatorCasesTest, OtherMethodsAndUnlistedKeysGetSignedErrors) {  // cases 11, 12, 16, 27
  expect_signed_error(signed_echo("PUT"), 405, "PUT is not allowed on /ewp/echo; use GET, POST");
  expect_signed_error(signed_echo("DELETE"), 405, "DELETE is not allowed on /ewp/echo; use GET, POST");
  for (int slot : {2, 1}) {  // a key never published; the server key of another host
    std::string key_id = test_key(slot).public_key.key_id();
    expect_signed_error(signed_echo("GET", kEchoes, slot), 403,
                        "keyId " + key_id + " is not a client key in the EWP registry catalogue");
  }
}

TEST_F(ValidatorCasesTest, EveryHttpsigCaseGetsTheExpectedAnswer) {  // cases 17-33
  for (const std::string method : {"GET", "POST"}) {
    SCOPED_TRACE(method);
    Request invalid = signed_echo(method);  // 17: known key, invalid signature
    set(invalid, "Authorization", http::header_values(signed_echo(method, "echo=other").headers, "Authorization").front());
    expect_signed_error(
        invalid, 400,
        "the signature does not verify: RSA-SHA256 signature does not verify with key " + test_key(0).public_key.key_id());
    Request missing = signed_echo(method);  // 18: a signed header removed
    missing.headers.emplace_back("Want-Digest", "SHA-256");
    std::vector<std::string> with_want_digest = all_;
    with_want_digest.push_back("want-digest");
    resign(missing, with_want_digest);
    set(missing, "Want-Digest", "");
    expect_signed_error(missing, 400,
                        "the signature does not verify: header 'want-digest' is listed in the signature but absent");
    Request original_date = signed_echo(method);  // 19: Original-Date instead of Date
    std::string date = http::header_values(original_date.headers, "Date").front();
    set(original_date, "Date", "");
    set(original_date, "Original-Date", date);
    resign(original_date, {"(request-target)", "host", "original-date", "digest", "x-request-id", "accept-signature"});
    expect_signed_echo(original_date);
    for (const std::string& left_out : required_) {  // 20-24: each required header unsigned
      Request request = signed_echo(method);
      std::vector<std::string> names;
      for (const auto& name : all_) {
        if (name != left_out) names.push_back(name);
      }
      resign(request, names);
      expect_signed_error(request, 400, must_cover(left_out));
    }
    Request reordered = signed_echo(method);  // 25
    resign(reordered, {"accept-signature", "x-request-id", "digest", "date", "host", "(request-target)"});
    expect_signed_echo(reordered);
    Request extra = signed_echo(method);  // 26
    extra.headers.emplace_back("Some-Custom-Header", "value");
    std::vector<std::string> with_custom = all_;
    with_custom.push_back("some-custom-header");
    resign(extra, with_custom);
    expect_signed_echo(extra);
    Request old_date = signed_echo(method);  // 28
    set(old_date, "Original-Date", format_http_date(Clock::now() - std::chrono::minutes(20)));
    resign(old_date, {"(request-target)", "host", "original-date", "digest", "x-request-id", "accept-signature"});
    expect_signed_error(old_date, 400,
                        AllOf(StartsWith("Original-Date is 120"),
                              EndsWith(" s away from the receiver's clock; at most 300 s is accepted (synchronise your clock)")));
    Request upper_id = signed_echo(method);  // 29
    set(upper_id, "X-Request-Id", "0F8C3A369E3B4B398A8E8F1F3C9A7D21");
    resign(upper_id, all_);
    expect_signed_error(upper_id, 400,
                        "X-Request-Id must appear once as a lower-case UUID like 0f8c3a36-9e3b-4b39-8a8e-8f1f3c9a7d21");
  }
  Request changed_body = signed_echo("POST", "echo=a");  // 30
  changed_body.body = "echo=b";
  expect_signed_error(changed_body, 400,
                      "Digest: the SHA-256 Digest does not match the body (expected " + sha256_digest_header("echo=b") + ")");
  Request several = signed_echo("POST", "echo=b&echo=b");  // 31
  set(several, "Digest", http::header_values(several.headers, "Digest").front() + ", Unknown-Digest-Algorithm=SomeValue");
  resign(several, all_);
  expect_signed_echo(several, {"b", "b"});
  Request sha1 = signed_echo("POST");  // 32
  set(sha1, "Digest", "SHA=" + base64_encode(std::string(20, 'x')));
  resign(sha1, all_);
  expect_signed_error(sha1, 400, "Digest: no SHA-256 digest in the Digest header");
  Request mixed_case = signed_echo("POST");  // 33
  set(mixed_case, "Digest", "shA-256" + http::header_values(mixed_case.headers, "Digest").front().substr(7));
  resign(mixed_case, all_);
  expect_signed_echo(mixed_case);
}

TEST_F(ValidatorCasesTest, AcceptSignatureVariants) {  // cases 34, 35
  Request unknown = signed_echo("GET");
  set(unknown, "Accept-Signature", "unknown-algorithm");
  resign(unknown, all_);
  Call plain = send(unknown);
  expect_echo_body(plain, {"a", "b", "a"});
  EXPECT_THAT(http::header_values(plain.reply.headers, "Signature"), IsEmpty());
  EXPECT_THAT(http::header_values(plain.reply.headers, "X-Request-Id"), ElementsAre(plain.sent.x_request_id));
  Request several = signed_echo("GET");
  set(several, "Accept-Signature", "rsa-sha256, unknown-algorithm");
  resign(several, all_);
  expect_signed_echo(several);
}

TEST_F(ValidatorCasesTest, AcceptEncodingGzipIsAnsweredUncompressed) {  // case 15: 200 (the NOTICE is ours)
  Request gzip = signed_echo("GET");
  set(gzip, "Accept-Encoding", "gzip");
  Call reply = send(gzip);
  expect_echo_body(reply, {"a", "b", "a"});
  EXPECT_THAT(http::header_values(reply.reply.headers, "Content-Encoding"), IsEmpty());
  expect_signed_by_node(reply);
}

}  // namespace
}  // namespace mobility::ewp::test
