// application/x-www-form-urlencoded, as query strings and EWP POST bodies use it:
// "echo=a&echo=b%20c&x=1+2" → [("echo","a"), ("echo","b c"), ("x","1 2")].
// Order and repeats are kept; '+' is a space; %XX is a byte; a pair without '=' has an empty value;
// empty pieces ("a=1&&b=2") are skipped. A '%' not followed by two hex digits is an error.
#pragma once

#include <string_view>

#include "base/status.hpp"
#include "http/message.hpp"

namespace mobility::http {

Result<HeaderList> decode_form(std::string_view text);

// The decoded query of a request target ("/p?a=1&a=2" → [("a","1"),("a","2")]); empty without '?'.
Result<HeaderList> decode_query(std::string_view target);

// `text` with %XX escapes decoded ('+' stays '+'), or an error for a malformed escape.
Result<std::string> percent_decode(std::string_view text);

// Percent-encodes every byte but RFC 3986's unreserved characters (A-Z a-z 0-9 - . _ ~), for
// query and form values.
std::string percent_encode(std::string_view text);

}  // namespace mobility::http
