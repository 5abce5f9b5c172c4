#include "base/log.hpp"

#include <gtest/gtest.h>

#include <sstream>

namespace mobility::log {
namespace {

TEST(Log, TextLineQuotesValuesThatNeedIt) {
  std::string line = format_line(Level::kInfo, Format::kText, "2026-11-22T10:00:00.000Z", "request",
                                 {{"path", "/healthz"}, {"note", "two words"}, {"empty", ""}, {"eq", "a=b"}});
  EXPECT_EQ(line, R"(2026-11-22T10:00:00.000Z info request path=/healthz note="two words" empty="" eq="a=b")");
}

TEST(Log, ControlCharactersNeverBreakTheLine) {
  std::string line = format_line(Level::kWarn, Format::kText, "t", "event", {{"error", "first\nsecond\x01"}});
  EXPECT_EQ(line.find('\n'), std::string::npos);
  EXPECT_NE(line.find(R"(error="first\nsecond\u0001")"), std::string::npos) << line;
}

TEST(Log, JsonLineIsEscaped) {
  std::string line = format_line(Level::kError, Format::kJson, "t", "oops", {{"what", "say \"hi\"\\"}});
  EXPECT_EQ(line, R"({"ts":"t","level":"error","event":"oops","what":"say \"hi\"\\"})");
}

TEST(Log, LevelFiltersAndSinkReceivesWholeLines) {
  std::ostringstream sink;
  set_sink(&sink);
  configure(Level::kWarn, Format::kText);
  info("hidden");
  warn("shown", {{"k", "v"}});
  set_sink(nullptr);
  configure(Level::kInfo, Format::kText);
  std::string text = sink.str();
  EXPECT_EQ(text.find("hidden"), std::string::npos);
  EXPECT_NE(text.find("warn shown k=v\n"), std::string::npos) << text;
}

}  // namespace
}  // namespace mobility::log
