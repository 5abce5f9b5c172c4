// Inputs that bench/fuzz found crashing the node (tests/README.md, "Fuzzing"), each fed again to
// the code that failed. Each case fails without its fix.
#include <gtest/gtest.h>

#include "http/http_date.hpp"

namespace mobility {
namespace {

// http_request: a signed request whose Date lay after April 2262 overflowed the 64-bit nanosecond
// clock in parse_http_date (undefined behaviour; in practice a time in the past or future
// unrelated to the header). Such a date is now no date at all.
TEST(FuzzRegressions, HttpDateBeyondTheClockIsRefused) {
  EXPECT_EQ(http::parse_http_date("Tue, 01 Sep 2826 10:00:00 GMT"), std::nullopt);
  EXPECT_EQ(http::parse_http_date("Sat, 12 Apr 2262 00:00:00 GMT"), std::nullopt);
  EXPECT_NE(http::parse_http_date("Fri, 11 Apr 2262 23:47:16 GMT"), std::nullopt);  // the clock's last second
  auto problem = http::date_headers_problem({{"Date", "Tue, 01 Sep 2826 10:00:00 GMT"}},
                                            *http::parse_http_date("Tue, 01 Sep 2026 10:00:00 GMT"), std::chrono::seconds(300));
  ASSERT_TRUE(problem.has_value());
  EXPECT_NE(problem->find("is not an RFC 1123 date"), std::string::npos) << *problem;
}

}  // namespace
}  // namespace mobility
