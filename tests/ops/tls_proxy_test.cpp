// nginx in front of the node (ops/tls-proxy) over real TLS: what a client signed must reach the
// node unchanged, and what the node signed must reach the client unchanged.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <csignal>

#include <filesystem>
#include <thread>

#include "ewp-node/client/curl_transport.hpp"
#include "http/server.hpp"
#include "tests/support/child_process.hpp"
#include "tests/support/ewp_schemas.hpp"
#include "tests/support/free_port.hpp"

namespace mobility::http {
namespace {

using ::testing::HasSubstr;

// A page large and repetitive enough that nginx would compress it, were gzip on.
std::string page_html() {
  std::string html = "<!DOCTYPE html>\n<html lang=\"en\"><body>\n";
  for (int row = 0; row < 400; ++row)
    html += "<p>Row " + std::to_string(row) + " of a page that reaches the client as sent</p>\n";
  return html + "</body></html>\n";
}

class TlsProxyTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto router = std::make_shared<Router>();
    auto show = [](const Request& request) {
      std::string text = request.method + " " + request.target + "\n";
      for (const auto& [name, value] : request.headers) text += name + ": " + value + "\n";
      Response response = Response::text(200, text + "body=" + request.body);
      response.headers = {{"Date", "Sun, 05 Jan 2014 21:31:40 GMT"}, {"Digest", "SHA-256=signed-by-the-node"}};
      return response;
    };
    router->add("GET", "/show", show);
    router->add("POST", "/show", show);
    router->add("GET", "/a//b/c", show);  // the path is decoded; the target stays as sent
    router->add_fallback("/my-exchange/applications/", [](const Request& request) {
      return Response::text(200, "received " + std::to_string(request.body.size()));
    });
    router->allow_body("/my-exchange/applications/", "/documents", 16 << 20);
    router->add("GET", "/page", [](const Request& request) {
      Response response = Response::text(200, page_html());
      response.content_type = "text/html; charset=utf-8";
      response.headers = {{"Digest", "SHA-256=signed-by-the-node"},
                          {"X-Accept-Encoding-Seen", request.header("Accept-Encoding").value_or("")}};
      return response;
    });
    server_ = std::make_unique<Server>(ServerOptions{"127.0.0.1", 0, 2, 1 << 20}, router);
    ASSERT_TRUE(server_->start());
    directory_ = std::filesystem::temp_directory_path() / ("mobility-tls-" + std::to_string(::getpid()));
    port_ = testing::free_port();
    proxy_ = std::make_unique<testing::ChildProcess>(
        std::vector<std::string>{std::string(MOBILITY_SOURCE_DIR) + "/ops/tls-proxy", "--listen",
                                 "127.0.0.1:" + std::to_string(port_), "--upstream",
                                 "127.0.0.1:" + std::to_string(server_->port()), "--dir", directory_.string()},
        testing::Environment{});
    transport_ = std::make_unique<ewp::CurlTransport>(ewp::TransportOptions{
        std::chrono::milliseconds(2000), std::chrono::milliseconds(5000), (directory_ / "tls/localhost.crt").string(), {}});
    for (int attempt = 0; attempt < 100; ++attempt) {
      if (transport_->send("GET", base() + "/show", {}, "")) return;
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    FAIL() << "nginx did not come up: " << proxy_->err();
  }

  void TearDown() override {
    // nginx's master stops its workers on SIGTERM; killed outright it would leave them behind.
    proxy_->send_signal(SIGTERM);
    EXPECT_TRUE(proxy_->wait(std::chrono::seconds(10)));
    proxy_.reset();
    server_.reset();
    std::filesystem::remove_all(directory_);
  }

  std::string base() const { return "https://localhost:" + std::to_string(port_); }

  std::unique_ptr<Server> server_;
  std::unique_ptr<testing::ChildProcess> proxy_;
  std::unique_ptr<ewp::CurlTransport> transport_;
  std::filesystem::path directory_;
  uint16_t port_ = 0;
};

TEST_F(TlsProxyTest, RequestTargetHeadersAndBodyReachTheNodeUnchanged) {
  auto reply = transport_->send("POST", base() + "/show?echo=a&echo=b%20c&echo=a",
                                {{"Host", "localhost:" + std::to_string(port_)},
                                 {"Date", "Sun, 05 Jan 2014 21:31:40 GMT"},
                                 {"X-Dup", "1"},
                                 {"X-Dup", "2"},
                                 {"Content-Type", "application/x-www-form-urlencoded"},
                                 {"Digest", "SHA-256=abc"}},
                                "echo=x&echo=%26");
  ASSERT_TRUE(reply) << reply.status().to_string();
  EXPECT_EQ(reply->status, 200) << reply->body;
  EXPECT_THAT(reply->body, HasSubstr("POST /show?echo=a&echo=b%20c&echo=a\n"));
  EXPECT_THAT(reply->body, HasSubstr("Host: localhost:" + std::to_string(port_) + "\n"));
  EXPECT_THAT(reply->body, HasSubstr("Date: Sun, 05 Jan 2014 21:31:40 GMT\n"));
  EXPECT_THAT(reply->body, HasSubstr("X-Dup: 1\nX-Dup: 2\n"));
  EXPECT_THAT(reply->body, HasSubstr("Content-Type: application/x-www-form-urlencoded\n"));
  EXPECT_THAT(reply->body, HasSubstr("Digest: SHA-256=abc\n"));
  EXPECT_THAT(reply->body, HasSubstr("body=echo=x&echo=%26"));
}

TEST_F(TlsProxyTest, TheTlsSiteAsksBrowsersToKeepToHttps) {
  auto reply = transport_->send("GET", base() + "/show", {}, "");
  ASSERT_TRUE(reply) << reply.status().to_string();
  EXPECT_EQ(http::header_values(reply->headers, "Strict-Transport-Security"), std::vector<std::string>{"max-age=31536000"});
  EXPECT_TRUE(http::header_values(reply->headers, "Server").empty() ||
              http::header_values(reply->headers, "Server").front() == "nginx")
      << "no version in Server";
}

// The client is told to allow every protocol (OpenSSL's own minimum would refuse TLS 1.1 before
// nginx is asked), so the answer is nginx's.
TEST_F(TlsProxyTest, OnlyTls12AndTls13AreSpoken) {
  for (const auto& [protocol, spoken] :
       std::vector<std::pair<std::string, bool>>{{"-tls1_1", false}, {"-tls1", false}, {"-tls1_2", true}, {"-tls1_3", true}}) {
    auto handshake = testing::run_program({"/bin/sh", "-c",
                                           "echo | openssl s_client -connect 127.0.0.1:" + std::to_string(port_) + " " +
                                               protocol + " -cipher DEFAULT:@SECLEVEL=0 2>&1"});
    EXPECT_EQ(handshake.exit_code == 0, spoken) << protocol << "\n" << handshake.out.substr(0, 600);
  }
}

TEST_F(TlsProxyTest, OddTargetsAreNotNormalised) {
  auto reply = transport_->send("GET", base() + "/a//b%2Fc", {}, "");
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 200) << reply->body;
  EXPECT_THAT(reply->body, HasSubstr("GET /a//b%2Fc\n"));
}

TEST_F(TlsProxyTest, ResponseHeadersTheNodeSignedArriveUnchanged) {
  auto reply = transport_->send("GET", base() + "/show", {}, "");
  ASSERT_TRUE(reply);
  EXPECT_THAT(header_values(reply->headers, "Date"), ::testing::ElementsAre("Sun, 05 Jan 2014 21:31:40 GMT"));
  EXPECT_THAT(header_values(reply->headers, "Digest"), ::testing::ElementsAre("SHA-256=signed-by-the-node"));
  EXPECT_TRUE(header_values(reply->headers, "X-Request-Id").empty()) << "the proxy must not invent request ids";
}

// The node signs the bytes of its body (Digest); compressing them on the way would break that. A
// client that asks for gzip gets an HTML page byte for byte as one that does not.
TEST_F(TlsProxyTest, AClientAskingForGzipGetsTheBytesTheNodeSent) {
  auto plain = transport_->send("GET", base() + "/page", {}, "");
  auto asked = transport_->send("GET", base() + "/page", {{"Accept-Encoding", "gzip"}}, "");
  ASSERT_TRUE(plain) << plain.status().to_string();
  ASSERT_TRUE(asked) << asked.status().to_string();
  EXPECT_THAT(header_values(asked->headers, "X-Accept-Encoding-Seen"), ::testing::ElementsAre("gzip")) << "gzip was asked for";
  EXPECT_THAT(header_values(asked->headers, "Content-Type"), ::testing::ElementsAre("text/html; charset=utf-8"));
  EXPECT_THAT(header_values(asked->headers, "Content-Encoding"), ::testing::IsEmpty());
  EXPECT_TRUE(plain->body == page_html()) << plain->body.size() << " bytes";
  EXPECT_TRUE(asked->body == plain->body) << asked->body.size() << " bytes instead of " << plain->body.size();
}

// What nginx refuses itself never reaches the node, so nginx must answer as an EWP node would:
// an error-response (valid against the official schema) under /ewp/, a page for browsers elsewhere.
TEST_F(TlsProxyTest, NginxsOwnRefusalsUnderEwpAreEwpErrorResponses) {
  struct Case {
    std::string name;
    std::string method;
    std::string path;
    http::HeaderList headers;
    std::string body;
    int status;
  };
  std::vector<Case> cases = {
      {"a 60 KiB Authorization header", "GET", "/ewp/echo", {{"Authorization", std::string(60 * 1024, 'a')}}, "", 400},
      {"a 10 KiB request target", "GET", "/ewp/echo?echo=" + std::string(10 * 1024, 'a'), {}, "", 414},
      {"a body above the limit",
       "POST",
       "/ewp/iias",
       {{"Content-Type", "application/x-www-form-urlencoded"}},
       std::string(2 * 1024 * 1024, 'a'),
       413},
  };
  for (const Case& c : cases) {
    auto reply = transport_->send(c.method, base() + c.path, c.headers, c.body);
    ASSERT_TRUE(reply) << c.name << ": " << reply.status().to_string();
    EXPECT_EQ(reply->status, c.status) << c.name;
    EXPECT_EQ(http::header_values(reply->headers, "Content-Type"), std::vector<std::string>{"text/xml; charset=utf-8"}) << c.name;
    EXPECT_TRUE(testing::error_response_schema().validate(reply->body)) << c.name << ": " << reply->body;
    EXPECT_THAT(reply->body, HasSubstr("HTTP " + std::to_string(c.status))) << c.name;
  }
  auto page = transport_->send("GET", "https://localhost:" + std::to_string(port_) + "/agreements",
                               {{"X-Big", std::string(60 * 1024, 'a')}}, "");
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 400);
  EXPECT_THAT(page->body, HasSubstr("<!DOCTYPE html>")) << "a browser's page gets a page";
}

// A student's document may be larger than the 1 MiB every other path takes: nginx lets it through
// on the upload path only (ops/nginx/nginx.conf.template, portal/mobilities/application_document_pages.hpp).
TEST_F(TlsProxyTest, TheDocumentUploadPathTakesLargerBodies) {
  std::string body(3 << 20, 'd');
  auto upload = transport_->send("POST", base() + "/my-exchange/applications/7/documents",
                                 {{"Content-Type", "multipart/form-data; boundary=x"}}, body);
  ASSERT_TRUE(upload) << upload.status().to_string();
  EXPECT_EQ(upload->status, 200);
  EXPECT_EQ(upload->body, "received " + std::to_string(body.size()));
  for (const std::string path : {"/my-exchange/applications/7", "/my-exchange/applications/7/documents/1/delete", "/show"}) {
    auto elsewhere = transport_->send("POST", base() + path, {{"Content-Type", "multipart/form-data; boundary=x"}}, body);
    ASSERT_TRUE(elsewhere) << path << ": " << elsewhere.status().to_string();
    EXPECT_EQ(elsewhere->status, 413) << path;
  }
}

TEST_F(TlsProxyTest, ANodeThatIsDownIsA502ErrorResponse) {
  // A second proxy whose node never started (the first one's node keeps its connections open).
  uint16_t port = testing::free_port();
  testing::ChildProcess proxy(
      {std::string(MOBILITY_SOURCE_DIR) + "/ops/tls-proxy", "--listen", "127.0.0.1:" + std::to_string(port), "--upstream",
       "127.0.0.1:" + std::to_string(testing::free_port()), "--dir", (directory_ / "down").string(), "--cert",
       (directory_ / "tls/localhost.crt").string(), "--key", (directory_ / "tls/localhost.key").string()},
      testing::Environment{});
  Result<ewp::HttpReply> down = Status::unavailable("not tried");
  for (int attempt = 0; attempt < 100 && !down; ++attempt) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    down = transport_->send("GET", "https://localhost:" + std::to_string(port) + "/ewp/echo", {}, "");
  }
  ASSERT_TRUE(down) << down.status().to_string() << proxy.err();
  EXPECT_EQ(down->status, 502);
  EXPECT_TRUE(testing::error_response_schema().validate(down->body)) << down->body;
  EXPECT_THAT(down->body, HasSubstr("not answering"));
  proxy.send_signal(SIGTERM);
  EXPECT_TRUE(proxy.wait(std::chrono::seconds(10)));
}

}  // namespace
}  // namespace mobility::http
