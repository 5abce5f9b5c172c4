// The official validator's httpsig cases (ewp-core.md §11) against the running node, over loopback.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/ewp/ewp_node_fixture.hpp"

namespace mobility::ewp::test {
namespace {

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

TEST_F(ValidatorCasesTest, AcceptEncodingGzipIsAnsweredUncompressed) {  // case 15: 200 (the NOTICE is ours)
  Request gzip = signed_echo("GET");
  set(gzip, "Accept-Encoding", "gzip");
  auto reply = transport_.send("GET", base() + "/ewp/echo", gzip.headers, "");
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 200);
  EXPECT_TRUE(http::header_values(reply->headers, "Content-Encoding").empty());
  EXPECT_TRUE(testing::echo_response_schema().validate(reply->body)) << reply->body;
}

}  // namespace
}  // namespace mobility::ewp::test
