// Minimal JSON writing helpers (we emit small JSON documents: logs, /healthz).
#pragma once

#include <string>
#include <string_view>

namespace mobility {

// `text` as a JSON string literal, quotes included; control characters escaped as \uXXXX.
std::string json_quote(std::string_view text);

}  // namespace mobility
