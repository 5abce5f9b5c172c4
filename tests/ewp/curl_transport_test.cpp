// The real transport over loopback where the in-memory network cannot go: a server that never
// answers meets the timeout, and an answer over max_response_bytes is cut off as it arrives.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>

#include "ewp-node/client/curl_transport.hpp"
#include "http/server.hpp"

namespace mobility::ewp {
namespace {

using std::chrono::milliseconds;

TEST(CurlTransportTest, AServerThatNeverAnswersMeetsTheTimeout) {
  int listener = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  inet_pton(AF_INET, "127.0.0.1", &address.sin_addr);
  ASSERT_EQ(::bind(listener, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
  ASSERT_EQ(::listen(listener, 4), 0);  // the kernel accepts the connection; nobody ever reads it
  socklen_t length = sizeof address;
  ::getsockname(listener, reinterpret_cast<sockaddr*>(&address), &length);
  std::string url = "http://127.0.0.1:" + std::to_string(ntohs(address.sin_port)) + "/ewp/hang";

  CurlTransport transport({milliseconds(1000), milliseconds(400), "", {}});
  auto started = std::chrono::steady_clock::now();
  auto reply = transport.send("GET", url, {}, "");
  auto waited = std::chrono::steady_clock::now() - started;
  ::close(listener);
  ASSERT_FALSE(reply);
  EXPECT_EQ(reply.status().code(), Status::Code::kUnavailable);
  EXPECT_EQ(reply.status().message(), "GET " + url + " failed: Timeout was reached");
  EXPECT_LT(waited, milliseconds(3000)) << "the timeout ends the wait";
}

TEST(CurlTransportTest, AnAnswerLargerThanTheLimitIsCutOffAsItArrives) {
  auto router = std::make_shared<http::Router>();
  router->add("GET", "/big", [](const http::Request&) { return http::Response::text(200, std::string(3 << 20, 'x')); });
  router->add("GET", "/small", [](const http::Request&) { return http::Response::text(200, std::string(1 << 20, 'x')); });
  http::Server server(http::ServerOptions{"127.0.0.1", 0, 1, 1024, milliseconds(5000)}, router);
  ASSERT_TRUE(server.start());
  std::string base = "http://127.0.0.1:" + std::to_string(server.port());
  TransportOptions options{milliseconds(1000), milliseconds(5000), "", {}};
  options.max_response_bytes = 2 << 20;
  CurlTransport transport(options);
  auto big = transport.send("GET", base + "/big", {}, "");
  ASSERT_FALSE(big);
  EXPECT_EQ(big.status().message(), "GET " + base + "/big answered more than 2097152 bytes");
  auto small = transport.send("GET", base + "/small", {}, "");
  ASSERT_TRUE(small) << small.status().to_string();
  EXPECT_EQ(small->body.size(), size_t{1} << 20) << "an answer within the limit arrives whole, on the same transport";
}

}  // namespace
}  // namespace mobility::ewp
