// Whole-text regular-expression checks for the form rules, each pattern compiled once per thread
// (compiling a std::regex costs far more than matching it: it made check_iia take 1.5 ms).
#pragma once

#include <string>

namespace mobility::agreements {

// true when all of `text` matches the ECMAScript `pattern` (a string literal).
bool matches(const std::string& text, const char* pattern);

// The shapes the database's domains also enforce (db/migrations/0001_institutions_and_people.sql).
inline constexpr const char* kHeiIdPattern = "[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+";  // SCHAC code
inline constexpr const char* kLanguageTagPattern = "[a-zA-Z]{2,3}(-[a-zA-Z0-9]{1,8})*";  // BCP 47, as in xml:lang
inline constexpr const char* kEmailPattern = "[^@\\s]+@[^@\\s.][^@\\s]*\\.[^@\\s]+";

}  // namespace mobility::agreements
