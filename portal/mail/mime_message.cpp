#include "portal/mail/mime_message.hpp"

#include <algorithm>

#include "base/base64.hpp"
#include "base/sha256.hpp"

namespace mobility::portal::mail {
namespace {

std::string one_line(std::string value) {
  std::replace_if(
      value.begin(), value.end(), [](char c) { return c == '\r' || c == '\n'; }, ' ');
  return value;
}

bool is_plain_ascii(const std::string& value) {
  return std::all_of(value.begin(), value.end(), [](unsigned char c) { return c >= 0x20 && c < 0x7f; });
}

// RFC 2047 encoded words of at most 75 characters each, split between UTF-8 characters.
std::string encoded_words(const std::string& value) {
  std::string out;
  size_t at = 0;
  while (at < value.size()) {
    size_t end = std::min(value.size(), at + 45);  // 45 bytes are 60 characters of Base64
    while (end < value.size() && (static_cast<unsigned char>(value[end]) & 0xC0) == 0x80) --end;
    if (!out.empty()) out += "\r\n ";
    out += "=?UTF-8?B?" + base64_encode(value.substr(at, end - at)) + "?=";
    at = end;
  }
  return out;
}

std::string header_text(const std::string& value) {
  std::string line = one_line(value);
  return is_plain_ascii(line) ? line : encoded_words(line);
}

// Base64 in lines of 76 characters (RFC 2045).
std::string base64_lines(const std::string& bytes) {
  std::string encoded = base64_encode(bytes);
  std::string out;
  for (size_t at = 0; at < encoded.size(); at += 76) out += encoded.substr(at, 76) + "\r\n";
  return out;
}

std::string part(const std::string& boundary, const char* type, const std::string& body) {
  return "--" + boundary + "\r\nContent-Type: " + type + "; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n" +
         base64_lines(body);
}

}  // namespace

std::string mime_message(const Envelope& envelope, const std::string& subject, const std::string& text, const std::string& html) {
  std::string boundary = "=_mobility_" + sha256_hex(envelope.message_id).substr(0, 24);
  std::string from = header_text(envelope.from_name) + " <" + one_line(envelope.from_address) + ">";
  return "Date: " + one_line(envelope.date) + "\r\nFrom: " + from + "\r\nTo: <" + one_line(envelope.to) +
         ">\r\nSubject: " + header_text(subject) + "\r\nMessage-ID: " + one_line(envelope.message_id) +
         "\r\nMIME-Version: 1.0\r\nAuto-Submitted: auto-generated\r\nContent-Type: multipart/alternative; boundary=\"" +
         boundary + "\"\r\n\r\n" + part(boundary, "text/plain", text) + part(boundary, "text/html", html) + "--" + boundary +
         "--\r\n";
}

}  // namespace mobility::portal::mail
