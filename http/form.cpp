#include "http/form.hpp"

namespace mobility::http {
namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

Result<std::string> decode_component(std::string_view text) {
  std::string spaced(text);
  for (char& c : spaced) {
    if (c == '+') c = ' ';
  }
  return percent_decode(spaced);
}

}  // namespace

Result<std::string> percent_decode(std::string_view text) {
  std::string decoded;
  decoded.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '%') {
      decoded += text[i];
      continue;
    }
    int high = i + 2 < text.size() ? hex_value(text[i + 1]) : -1;
    int low = i + 2 < text.size() ? hex_value(text[i + 2]) : -1;
    if (high < 0 || low < 0) {
      return Status::invalid_argument("malformed percent escape at position " + std::to_string(i) +
                                      " (expected % followed by two hex digits)");
    }
    decoded += static_cast<char>(high * 16 + low);
    i += 2;
  }
  return decoded;
}

Result<HeaderList> decode_form(std::string_view text) {
  HeaderList pairs;
  while (!text.empty()) {
    size_t amp = text.find('&');
    std::string_view piece = text.substr(0, amp);
    text = amp == std::string_view::npos ? std::string_view() : text.substr(amp + 1);
    if (piece.empty()) continue;
    size_t equals = piece.find('=');
    auto name = decode_component(piece.substr(0, equals));
    auto value = decode_component(equals == std::string_view::npos ? std::string_view() : piece.substr(equals + 1));
    if (!name) return name.status();
    if (!value) return value.status();
    pairs.emplace_back(std::move(*name), std::move(*value));
  }
  return pairs;
}

Result<HeaderList> decode_query(std::string_view target) {
  size_t question = target.find('?');
  if (question == std::string_view::npos) return HeaderList{};
  return decode_form(target.substr(question + 1));
}

std::string percent_encode(std::string_view text) {
  static const char* kHex = "0123456789ABCDEF";
  std::string encoded;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
      encoded += static_cast<char>(c);
    } else {
      encoded += '%';
      encoded += kHex[c >> 4];
      encoded += kHex[c & 15];
    }
  }
  return encoded;
}

}  // namespace mobility::http
