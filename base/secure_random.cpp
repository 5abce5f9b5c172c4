#include "base/secure_random.hpp"

#include "base/base64url.hpp"

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

std::string random_token(size_t count) { return base64url_encode(random_bytes(count)); }

std::string new_uuid() {
  std::string bytes = random_bytes(16);
  bytes[6] = static_cast<char>((bytes[6] & 0x0f) | 0x40);  // version 4
  bytes[8] = static_cast<char>((bytes[8] & 0x3f) | 0x80);  // RFC 4122 variant
  std::string id;
  for (size_t i = 0; i < bytes.size(); ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) id += '-';
    char hex[3];
    std::snprintf(hex, sizeof hex, "%02x", static_cast<unsigned char>(bytes[i]));
    id += hex;
  }
  return id;
}

}  // namespace mobility
