#include "bench/keep_alive_client.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <strings.h>
#include <cstdlib>

namespace mobility::bench {

KeepAliveClient::~KeepAliveClient() {
  if (fd_ >= 0) ::close(fd_);
}

Status KeepAliveClient::connect_once() {
  if (fd_ >= 0) return Status::ok();
  fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<uint16_t>(port_));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  int one = 1;
  ::setsockopt(fd_, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  timeval timeout{kTimeoutSeconds, 0};  // a server that stops answering fails the request, not the bench
  ::setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  ::setsockopt(fd_, SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof timeout);
  if (::connect(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
    ::close(fd_);
    fd_ = -1;
    return Status::unavailable("cannot connect to 127.0.0.1:" + std::to_string(port_));
  }
  return Status::ok();
}

Result<Reply> KeepAliveClient::send(const std::string& method, const std::string& target, const http::HeaderList& headers,
                                    const std::string& body) {
  if (Status connected = connect_once(); !connected) return connected;
  std::string request = method + " " + target + " HTTP/1.1\r\n";
  for (const auto& [name, value] : headers) request += name + ": " + value + "\r\n";
  if (!body.empty()) request += "Content-Length: " + std::to_string(body.size()) + "\r\n";
  request += "\r\n" + body;
  for (size_t sent = 0; sent < request.size();) {
    ssize_t n = ::send(fd_, request.data() + sent, request.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) return Status::unavailable("send failed");
    sent += static_cast<size_t>(n);
  }
  return read_reply();
}

Result<Reply> KeepAliveClient::read_reply() {
  auto receive_more = [&] {
    char chunk[16384];
    ssize_t n = ::recv(fd_, chunk, sizeof chunk, 0);
    if (n > 0) buffer_.append(chunk, static_cast<size_t>(n));
    return n > 0;
  };
  size_t head_end;
  while ((head_end = buffer_.find("\r\n\r\n")) == std::string::npos) {
    if (!receive_more()) return Status::unavailable("connection closed before the response head");
  }
  Reply reply;
  size_t line_end = buffer_.find("\r\n");
  reply.status = std::atoi(buffer_.c_str() + buffer_.find(' ') + 1);
  size_t content_length = 0;
  for (size_t start = line_end + 2; start < head_end;) {
    size_t end = buffer_.find("\r\n", start);
    size_t colon = buffer_.find(':', start);
    if (colon == std::string::npos || colon > end) return Status::invalid_argument("malformed response header");
    std::string name = buffer_.substr(start, colon - start);
    size_t value_start = buffer_.find_first_not_of(' ', colon + 1);
    std::string value = buffer_.substr(value_start, end - value_start);
    if (strcasecmp(name.c_str(), "Content-Length") == 0) content_length = std::strtoul(value.c_str(), nullptr, 10);
    reply.headers.emplace_back(std::move(name), std::move(value));
    start = end + 2;
  }
  size_t body_start = head_end + 4;
  while (buffer_.size() < body_start + content_length) {
    if (!receive_more()) return Status::unavailable("connection closed inside the response body");
  }
  reply.body = buffer_.substr(body_start, content_length);
  buffer_.erase(0, body_start + content_length);
  return reply;
}

}  // namespace mobility::bench
