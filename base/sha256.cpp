#include "base/sha256.hpp"

#include <openssl/evp.h>

namespace mobility {

namespace {

// Fetched once: EVP_sha256() makes OpenSSL 3 look the implementation up again on every digest.
const EVP_MD* sha256_implementation() {
  static EVP_MD* fetched = EVP_MD_fetch(nullptr, "SHA256", nullptr);
  return fetched != nullptr ? fetched : EVP_sha256();
}

}  // namespace

std::string sha256(std::string_view data) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_Digest(data.data(), data.size(), digest, &length, sha256_implementation(), nullptr);
  return std::string(reinterpret_cast<const char*>(digest), length);
}

std::string sha256_hex(std::string_view data) { return to_hex(sha256(data)); }

std::string to_hex(std::string_view bytes) {
  static const char* const digits = "0123456789abcdef";
  std::string hex;
  hex.reserve(2 * bytes.size());
  for (unsigned char byte : bytes) {
    hex += digits[byte >> 4];
    hex += digits[byte & 0xf];
  }
  return hex;
}

}  // namespace mobility
