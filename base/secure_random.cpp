#include "base/secure_random.hpp"

#include <openssl/rand.h>

#include <cstdio>
#include <cstdlib>

namespace mobility {

std::string random_bytes(size_t count) {
  std::string bytes(count, '\0');
  if (RAND_bytes(reinterpret_cast<unsigned char*>(bytes.data()), static_cast<int>(count)) != 1) {
    std::fputs("fatal: the random number generator failed\n", stderr);
    std::abort();
  }
  return bytes;
}

std::string random_token(size_t count) {
  static const char* const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  std::string bytes = random_bytes(count);
  std::string token;
  unsigned bits = 0;
  int pending = 0;
  for (unsigned char byte : bytes) {
    bits = (bits << 8) | byte;
    pending += 8;
    while (pending >= 6) {
      pending -= 6;
      token += alphabet[(bits >> pending) & 0x3f];
    }
  }
  if (pending > 0) token += alphabet[(bits << (6 - pending)) & 0x3f];
  return token;
}

}  // namespace mobility
