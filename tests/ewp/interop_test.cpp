// Cross-implementation: Debian's python3-httpsig and node-http-signature against our node (tests/interop).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sstream>

#include "tests/ewp/ewp_node_fixture.hpp"

namespace mobility::ewp::test {
namespace {

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
    std::vector<std::string> argv = {oracle(language),
                                     "sign",
                                     method,
                                     target,
                                     kPublicHost,
                                     write("client.key.pem", test_key(0).private_pem),
                                     test_key(0).public_key.key_id(),
                                     write("body", body)};
    if (!content_type.empty()) argv.push_back(content_type);
    auto signed_headers = testing::run_program(argv);
    EXPECT_EQ(signed_headers.exit_code, 0) << signed_headers.err;
    return header_lines(signed_headers.out);
  }

  // An oracle's output ("Name: value" lines) as a header list.
  static http::HeaderList header_lines(const std::string& out) {
    http::HeaderList headers;
    std::istringstream lines(out);
    for (std::string line; std::getline(lines, line);) {
      size_t colon = line.find(':');
      if (colon != std::string::npos) headers.emplace_back(line.substr(0, colon), line.substr(colon + 2));
    }
    return headers;
  }

  int oracle_verifies(const std::string& language, const std::string& kind, const std::string& method, const std::string& target,
                      const http::HeaderList& headers, const std::string& body, const std::string& public_pem) {
    std::string lines;
    for (const auto& [name, value] : headers) lines += name + ": " + value + "\n";
    auto result = testing::run_program(
        {oracle(language), kind, method, target, write("headers", lines), write("body", body), write("public.pem", public_pem)});
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
                                oracle_signed(language, "POST", "/ewp/echo", form, "application/x-www-form-urlencoded"), form);
    ASSERT_TRUE(post);
    EXPECT_EQ(post->status, 200) << language << ": " << post->body;
    EXPECT_THAT(post->body, HasSubstr("<echo>" + language + " post</echo>"));
  }
}

TEST_F(InteropTest, OurRequestsAndResponsesVerifyWithOtherLibraries) {
  const std::string form = "echo=a&echo=b";
  auto signed_request =
      sign_request({"POST", kPublicHost, "/ewp/echo?x=1", {{"Content-Type", "application/x-www-form-urlencoded"}}, form},
                   test_key(0).private_key, Clock::now());
  ASSERT_TRUE(signed_request);
  auto reply = transport_.send("POST", base() + "/ewp/echo?x=1", signed_request->headers, form);
  ASSERT_TRUE(reply);
  ASSERT_EQ(reply->status, 200) << reply->body;
  for (const std::string language : {"python", "node"}) {
    EXPECT_EQ(oracle_verifies(language, "verify-request", "POST", "/ewp/echo?x=1", signed_request->headers, form,
                              test_key(0).public_pem),
              0);
    EXPECT_EQ(
        oracle_verifies(language, "verify-response", "POST", "/ewp/echo?x=1", reply->headers, reply->body, node_public_pem()), 0);
  }
}

TEST_F(InteropTest, RequestsSentByUrllibAreAnsweredWithResponsesOtherLibrariesVerify) {
  const std::string target = "/ewp/echo?via=urllib%20client";  // echo v2 takes a POST's values from the body
  fs::path response_body = directory_ / "response.body";
  auto sent = testing::run_program({oracle("python"), "send", "POST", base() + target, kPublicHost,
                                    write("client.key.pem", test_key(0).private_pem), test_key(0).public_key.key_id(),
                                    write("body", "echo=sent&echo=by+urllib"), response_body.string(),
                                    "application/x-www-form-urlencoded"});
  ASSERT_EQ(sent.exit_code, 0) << sent.err;
  ASSERT_THAT(sent.out, ::testing::StartsWith("Status: 200\n"));
  std::ifstream in(response_body, std::ios::binary);
  std::string body((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_THAT(body, HasSubstr("<echo>sent</echo>\n  <echo>by urllib</echo>"));
  for (const std::string language : {"python", "node"}) {
    EXPECT_EQ(oracle_verifies(language, "verify-response", "POST", target, header_lines(sent.out), body, node_public_pem()), 0);
  }
}

TEST_F(InteropTest, OtherLibrariesRejectWhatWeTamperWith) {  // the oracles can say no
  auto signed_request = sign_request({"GET", kPublicHost, "/ewp/echo", {}, ""}, test_key(0).private_key, Clock::now());
  ASSERT_TRUE(signed_request);
  for (const std::string language : {"python", "node"}) {
    std::string lines;
    for (const auto& [name, value] : signed_request->headers) lines += name + ": " + value + "\n";
    auto wrong_target =
        testing::run_program({oracle(language), "verify-request", "GET", "/ewp/echo?echo=forged", write("headers", lines),
                              write("body", ""), write("public.pem", test_key(0).public_pem)});
    EXPECT_EQ(wrong_target.exit_code, 1) << language;
  }
}

}  // namespace
}  // namespace mobility::ewp::test
