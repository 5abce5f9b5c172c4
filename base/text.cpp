#include "base/text.hpp"

#include <algorithm>
#include <cstdint>

namespace mobility {

std::string_view trim_blanks(std::string_view text) {
  constexpr std::string_view kBlanks = " \t\r";
  size_t first = text.find_first_not_of(kBlanks);
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(kBlanks) - first + 1);
}

std::string with_decimal_point(std::string_view text) {
  std::string number(trim_blanks(text));
  std::replace(number.begin(), number.end(), ',', '.');
  return number;
}

std::string ascii_lower(std::string_view text) {
  std::string result(text);
  for (char& c : result) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return result;
}

std::string ascii_upper(std::string_view text) {
  std::string result(text);
  for (char& c : result) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return result;
}

namespace {

// Length of the UTF-8 sequence starting at `text[i]`, or 0 when it is not well-formed.
size_t sequence_length(std::string_view text, size_t i, uint32_t& code_point) {
  auto byte = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
  unsigned char lead = byte(i);
  size_t length = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xe ? 3 : (lead >> 3) == 0x1e ? 4 : 0;
  if (length == 0 || i + length > text.size()) return 0;
  code_point = length == 1 ? lead : lead & (0x7f >> length);
  for (size_t k = 1; k < length; ++k) {
    if ((byte(i + k) & 0xc0) != 0x80) return 0;
    code_point = (code_point << 6) | (byte(i + k) & 0x3f);
  }
  static constexpr uint32_t kSmallest[] = {0, 0, 0x80, 0x800, 0x10000};
  bool overlong = code_point < kSmallest[length];
  bool surrogate = code_point >= 0xd800 && code_point <= 0xdfff;
  return overlong || surrogate || code_point > 0x10ffff ? 0 : length;
}

}  // namespace

bool is_clean_utf8(std::string_view text) {
  for (size_t i = 0; i < text.size();) {
    uint32_t code_point = 0;
    size_t length = sequence_length(text, i, code_point);
    if (length == 0) return false;
    bool control = code_point < 0x20 || (code_point >= 0x7f && code_point < 0xa0);
    if (control && code_point != '\t' && code_point != '\n' && code_point != '\r') return false;
    i += length;
  }
  return true;
}

bool is_single_line(std::string_view text) {
  if (!is_clean_utf8(text) || text.find_first_of("\r\n") != std::string_view::npos) return false;
  for (size_t at = text.find('\xe2'); at != std::string_view::npos; at = text.find('\xe2', at + 1)) {
    if (at + 2 >= text.size()) break;
    auto second = static_cast<unsigned char>(text[at + 1]), third = static_cast<unsigned char>(text[at + 2]);
    if (second == 0x80 && third >= 0xaa && third <= 0xae) return false;  // U+202A-U+202E
    if (second == 0x81 && third >= 0xa6 && third <= 0xa9) return false;  // U+2066-U+2069
  }
  return true;
}

std::string displayable(std::string_view text) {
  std::string shown;
  shown.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    uint32_t code_point = 0;
    size_t length = sequence_length(text, i, code_point);
    bool control = (code_point < 0x20 && code_point != '\t' && code_point != '\n' && code_point != '\r') ||
                   (code_point >= 0x7f && code_point < 0xa0);
    if (length == 0 || control) {
      shown += "\xef\xbf\xbd";  // U+FFFD
      i += length == 0 ? 1 : length;
    } else {
      shown.append(text.substr(i, length));
      i += length;
    }
  }
  return shown;
}

std::string excerpt(std::string_view text, size_t max_bytes) {
  if (text.size() <= max_bytes) return std::string(text);
  size_t end = max_bytes;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xc0) == 0x80) --end;  // not inside a character
  return std::string(text.substr(0, end)) + "\u2026";
}

}  // namespace mobility
