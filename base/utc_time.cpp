#include "base/utc_time.hpp"

#include <ctime>

namespace mobility {

std::string format_utc_now(const char* format) {
  std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char text[64];
  size_t length = std::strftime(text, sizeof text, format, &utc);
  return std::string(text, length);
}

}  // namespace mobility
