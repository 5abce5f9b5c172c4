// Choosing which of an institution's or unit's multilingual names to show (EWP names carry an
// optional xml:lang).
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace mobility::agreements {

using LocalizedNames = std::vector<std::pair<std::string, std::string>>;  // (language tag, name)

// The name in `language` ("nb"), else in English, else the first name without a language,
// else the first name at all; `fallback` when there are no names.
std::string preferred_name(const LocalizedNames& names, std::string_view language, std::string_view fallback);

}  // namespace mobility::agreements
