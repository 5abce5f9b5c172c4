// Whole-text regular-expression checks for the form rules, each pattern compiled once per thread
// (compiling a std::regex costs far more than matching it: it made check_iia take 1.5 ms).
#pragma once

#include <string>

namespace mobility::agreements {

// true when all of `text` matches the ECMAScript `pattern` (a string literal).
bool matches(const std::string& text, const char* pattern);

}  // namespace mobility::agreements
