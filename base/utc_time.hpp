// The current time in UTC as text, for names and timestamps we write ("2026-12-07T12:00:00Z").
#pragma once

#include <string>

namespace mobility {

// Now in UTC, formatted with strftime's `format` (at most 63 characters of output).
std::string format_utc_now(const char* format);

}  // namespace mobility
