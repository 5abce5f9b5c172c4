// A TCP port on the loopback interface that nothing listens on right now, for a child process
// that must be told its port in advance (nginx, `mobility serve` behind it). It is drawn at random
// below Linux's ephemeral range (32768-60999): a port the kernel hands out there can be taken by
// any outgoing connection (curl, libpq) in the seconds before the child binds it, which made a
// two-node test fail once with "Address already in use". Another test may still draw the same
// port; with 12,000 to choose from that is rare enough.
#pragma once

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdint>
#include <random>

namespace mobility::testing {

// Nothing on the loopback interface listens on `port` right now.
inline bool is_port_free(uint16_t port) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = htons(port);
  bool bound = ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
  ::close(fd);
  return bound;
}

inline uint16_t free_port() {
  static thread_local std::minstd_rand random(std::random_device{}());
  for (int attempt = 0; attempt < 200; ++attempt) {
    auto port = static_cast<uint16_t>(20000 + random() % 12000);
    if (is_port_free(port)) return port;
  }
  return 0;  // nothing free there: the child fails to start with a clear message
}

}  // namespace mobility::testing
