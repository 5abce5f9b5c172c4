#include "tests/support/http_client.hpp"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include "base/text.hpp"
#include "http/message.hpp"

namespace mobility::testing {

std::string HttpReply::header(const std::string& name) const {
  for (const auto& line : header_lines) {
    size_t colon = line.find(':');
    if (colon != std::string::npos && http::equals_ignore_case(line.substr(0, colon), name)) {
      size_t start = line.find_first_not_of(' ', colon + 1);
      return start == std::string::npos ? "" : line.substr(start);
    }
  }
  return "";
}

Result<HttpReply> HttpClient::get(const std::string& url, const std::vector<std::string>& headers) {
  return request("GET", url, "", headers);
}

Result<HttpReply> HttpClient::request(const std::string& method, const std::string& url, const std::string& body,
                                      const std::vector<std::string>& headers) {
  http::HeaderList list;
  for (const std::string& line : headers) {
    size_t colon = line.find(':');
    if (colon == std::string::npos) return Status::invalid_argument("not a header line: " + line);
    list.emplace_back(line.substr(0, colon), std::string(trim_blanks(std::string_view(line).substr(colon + 1))));
  }
  auto sent = transport_.send(method, url, list, body);
  if (!sent) return sent.status();
  HttpReply reply{sent->status, std::move(sent->body), {}};
  for (const auto& [name, value] : sent->headers) reply.header_lines.push_back(name + ": " + value);
  return reply;
}

int connect_loopback(uint16_t port) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(port);
  inet_pton(AF_INET, "127.0.0.1", &address.sin_addr);
  EXPECT_EQ(::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
  return fd;
}

std::string raw_exchange(uint16_t port, const std::string& bytes, std::chrono::milliseconds wait) {
  int fd = connect_loopback(port);
  ::send(fd, bytes.data(), bytes.size(), MSG_NOSIGNAL);
  std::string received;
  char buffer[4096];
  pollfd poll_fd{fd, POLLIN, 0};
  while (::poll(&poll_fd, 1, static_cast<int>(wait.count())) > 0) {
    ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
    if (n <= 0) break;
    received.append(buffer, static_cast<size_t>(n));
  }
  ::close(fd);
  return received;
}

}  // namespace mobility::testing
