#include "http/http_date.hpp"

#include <array>
#include <charconv>
#include <ctime>

namespace mobility::http {
namespace {

constexpr std::array<std::string_view, 7> kWeekdays = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
constexpr std::array<std::string_view, 12> kMonths = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                      "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

// The number in text[offset, offset + digits), or -1 unless it is all digits.
int digits_at(std::string_view text, size_t offset, size_t digits) {
  int value = 0;
  std::string_view part = text.substr(offset, digits);
  if (part.size() != digits) return -1;
  for (char c : part) {
    if (c < '0' || c > '9') return -1;
  }
  std::from_chars(part.data(), part.data() + part.size(), value);
  return value;
}

template <size_t N>
int index_of(const std::array<std::string_view, N>& names, std::string_view name) {
  for (size_t i = 0; i < N; ++i) {
    if (names[i] == name) return static_cast<int>(i);
  }
  return -1;
}

}  // namespace

std::string format_http_date(Clock::time_point time) {
  std::time_t seconds = Clock::to_time_t(time);
  std::tm parts{};
  gmtime_r(&seconds, &parts);
  char buffer[40];
  std::snprintf(buffer, sizeof buffer, "%s, %02d %s %04d %02d:%02d:%02d GMT", kWeekdays[parts.tm_wday].data(), parts.tm_mday,
                kMonths[parts.tm_mon].data(), parts.tm_year + 1900, parts.tm_hour, parts.tm_min, parts.tm_sec);
  return buffer;
}

std::optional<Clock::time_point> parse_http_date(std::string_view text) {
  // "Sun, 05 Jan 2014 21:31:40 GMT": fixed positions, 29 characters.
  if (text.size() != 29 || text.substr(3, 2) != ", " || text[7] != ' ' || text[11] != ' ' || text[16] != ' ' || text[19] != ':' ||
      text[22] != ':' || text.substr(25) != " GMT") {
    return std::nullopt;
  }
  if (index_of(kWeekdays, text.substr(0, 3)) < 0) return std::nullopt;
  std::tm parts{};
  parts.tm_mday = digits_at(text, 5, 2);
  parts.tm_mon = index_of(kMonths, text.substr(8, 3));
  int year = digits_at(text, 12, 4);
  parts.tm_hour = digits_at(text, 17, 2);
  parts.tm_min = digits_at(text, 20, 2);
  parts.tm_sec = digits_at(text, 23, 2);
  if (parts.tm_mday < 1 || parts.tm_mday > 31 || parts.tm_mon < 0 || year < 1970 || parts.tm_hour < 0 || parts.tm_hour > 23 ||
      parts.tm_min < 0 || parts.tm_min > 59 || parts.tm_sec < 0 || parts.tm_sec > 60) {
    return std::nullopt;
  }
  parts.tm_year = year - 1900;
  std::time_t seconds = timegm(&parts);
  if (seconds == static_cast<std::time_t>(-1)) return std::nullopt;
  // Clock counts nanoseconds in 64 bits: it ends in April 2262, and a later date would overflow.
  constexpr auto kLast = std::chrono::duration_cast<std::chrono::seconds>(Clock::time_point::max().time_since_epoch());
  if (seconds > kLast.count()) return std::nullopt;
  return Clock::from_time_t(seconds);
}

std::optional<std::string> date_headers_problem(const HeaderList& headers, Clock::time_point now, std::chrono::seconds max_skew) {
  for (const char* name : {"Date", "Original-Date"}) {
    for (const std::string& value : header_values(headers, name)) {
      auto date = parse_http_date(value);
      if (!date) {
        return std::string(name) + " '" + value.substr(0, 64) + "' is not an RFC 1123 date like 'Sun, 05 Jan 2014 21:31:40 GMT'";
      }
      auto skew = std::chrono::abs(std::chrono::duration_cast<std::chrono::seconds>(now - *date));
      if (skew > max_skew) {
        return std::string(name) + " is " + std::to_string(skew.count()) + " s away from the receiver's clock; at most " +
               std::to_string(max_skew.count()) + " s is accepted (synchronise your clock)";
      }
    }
  }
  return std::nullopt;
}

}  // namespace mobility::http
