// Whole-text pattern checks in linear time (RE2), for every rule that looks at input.
//
// Never use the standard library's regular expressions on input: libstdc++ matches them
// recursively, one stack frame per character, so a long enough value (100,000 characters)
// overflows the stack and kills the process. RE2 runs in time and stack linear in the text,
// whatever the pattern and the text.
#pragma once

#include <string_view>

namespace mobility {

// true when all of `text` matches `pattern` (RE2 syntax, a string literal: it is compiled once and
// kept for the life of the process). A pattern RE2 cannot compile is a programming error: it
// matches nothing, and the first use logs it.
bool matches(std::string_view text, const char* pattern);

// The shapes the database's domains also enforce (db/migrations/0001_institutions_and_people.sql).
inline constexpr const char* kHeiIdPattern = "[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+";  // SCHAC code
inline constexpr const char* kLanguageTagPattern = "[a-zA-Z]{2,3}(-[a-zA-Z0-9]{1,8})*";  // BCP 47, as in xml:lang
inline constexpr const char* kEmailPattern = "[^@\\s]+@[^@\\s.][^@\\s]*\\.[^@\\s]+";

// A SCHAC code as the registry lists HEIs: a lower-case domain name of at most 255 characters.
inline bool is_hei_id(std::string_view text) { return text.size() <= 255 && matches(text, kHeiIdPattern); }

}  // namespace mobility
