#include "base/base64.hpp"

#include <openssl/evp.h>

#include <algorithm>
#include <climits>

namespace mobility {
namespace {

bool in_alphabet(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/';
}

// Number of '=' closing the text, or an error when padding is misplaced or characters are foreign.
Result<size_t> padding_of(std::string_view text) {
  size_t padding = 0;
  while (padding < 2 && padding < text.size() && text[text.size() - 1 - padding] == '=') ++padding;
  for (size_t i = 0; i < text.size() - padding; ++i) {
    if (in_alphabet(text[i])) continue;
    if (text[i] == '=') return Status::invalid_argument("Base64 padding '=' in the middle of the text");
    return Status::invalid_argument("Base64 text has an invalid character at offset " + std::to_string(i));
  }
  return padding;
}

}  // namespace

std::string base64_encode(std::string_view bytes) {
  std::string text;
  size_t done = 0;
  // EVP_EncodeBlock takes an int length; encode in chunks that are multiples of 3 bytes.
  constexpr size_t kChunk = 3 * 1024 * 1024;
  while (done < bytes.size()) {
    size_t length = std::min(kChunk, bytes.size() - done);
    std::string part(4 * ((length + 2) / 3) + 1, '\0');
    int written = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(part.data()),
                                  reinterpret_cast<const unsigned char*>(bytes.data() + done), static_cast<int>(length));
    text.append(part.data(), static_cast<size_t>(written));
    done += length;
  }
  return text;
}

Result<std::string> base64_decode(std::string_view text) {
  if (text.size() % 4 != 0) {
    return Status::invalid_argument("Base64 text length " + std::to_string(text.size()) + " is not a multiple of 4");
  }
  if (text.size() > INT_MAX) return Status::invalid_argument("Base64 text is too long");
  auto padding = padding_of(text);
  if (!padding) return padding.status();
  std::string bytes(text.size() / 4 * 3, '\0');
  int decoded = EVP_DecodeBlock(reinterpret_cast<unsigned char*>(bytes.data()),
                                reinterpret_cast<const unsigned char*>(text.data()), static_cast<int>(text.size()));
  if (decoded < 0) return Status::invalid_argument("Base64 text cannot be decoded");
  // EVP_DecodeBlock counts the zero bytes that stand for the padding; they are not data.
  bytes.resize(static_cast<size_t>(decoded) - *padding);
  return bytes;
}

}  // namespace mobility
