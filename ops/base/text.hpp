// Small ASCII text helpers shared by parsers of configuration files and HTTP headers.
#pragma once

#include <string>
#include <string_view>

namespace mobility {

// `text` without leading and trailing spaces, tabs and carriage returns.
std::string_view trim_blanks(std::string_view text);

// `text` with ASCII letters lower-cased; other bytes unchanged.
std::string ascii_lower(std::string_view text);

}  // namespace mobility
