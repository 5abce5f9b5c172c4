// Small text helpers shared by parsers of configuration files, HTTP headers and forms.
#pragma once

#include <string>
#include <string_view>

namespace mobility {

// `text` without leading and trailing spaces, tabs and carriage returns.
std::string_view trim_blanks(std::string_view text);

// A typed decimal number with its decimal comma ("7,5", as Norwegians write it) turned into a
// point ("7.5"), blanks around it dropped; nothing else is checked or changed.
std::string with_decimal_point(std::string_view text);

// `text` with ASCII letters lower-cased; other bytes unchanged.
std::string ascii_lower(std::string_view text);
// `text` with ASCII letters upper-cased; other bytes unchanged.
std::string ascii_upper(std::string_view text);

// true when `text` is well-formed UTF-8 (no overlong forms, surrogates or code points past
// U+10FFFF) without control characters other than tab, line feed and carriage return: what a
// form field may hold.
bool is_clean_utf8(std::string_view text);

// true when `text` is clean UTF-8 on one line: no CR, LF or NUL, and none of the invisible
// bidirectional embedding, override and isolate controls (U+202A-U+202E, U+2066-U+2069) that
// make a value read differently from what it is.
bool is_single_line(std::string_view text);

// `text` with every ill-formed UTF-8 sequence and every control character but tab, LF and CR
// replaced by U+FFFD: a refused value as it can be shown back to the person who typed it.
std::string displayable(std::string_view text);

// `text` cut to at most `max_bytes` bytes (at a UTF-8 boundary) with "…" after it when it was
// longer: for quoting what someone typed in a message without echoing a megabyte.
std::string excerpt(std::string_view text, size_t max_bytes = 60);

}  // namespace mobility
