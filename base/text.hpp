// Small text helpers shared by parsers of configuration files, HTTP headers and forms.
#pragma once

#include <string>
#include <string_view>

namespace mobility {

// `text` without leading and trailing spaces, tabs and carriage returns.
std::string_view trim_blanks(std::string_view text);

// `text` with ASCII letters lower-cased; other bytes unchanged.
std::string ascii_lower(std::string_view text);

// true when `text` is well-formed UTF-8 (no overlong forms, surrogates or code points past
// U+10FFFF) without control characters other than tab, line feed and carriage return: what a
// form field may hold.
bool is_clean_utf8(std::string_view text);

// `text` cut to at most `max_bytes` bytes (at a UTF-8 boundary) with "…" after it when it was
// longer: for quoting what someone typed in a message without echoing a megabyte.
std::string excerpt(std::string_view text, size_t max_bytes = 60);

}  // namespace mobility
