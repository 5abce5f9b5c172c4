// Text helpers: what a form field may hold.
#include <gtest/gtest.h>

#include "base/text.hpp"

namespace mobility {
namespace {

TEST(CleanUtf8, AcceptsTextInAnyScriptWithTabsAndLineBreaks) {
  for (const std::string text : {"", "plain", "Åse Bjørnstad", "東京 🎓", "line\nnext\r\n\ttab", "'; DROP TABLE x; --",
                                 "\xef\xbf\xbd", "\xf4\x8f\xbf\xbf"}) {
    EXPECT_TRUE(is_clean_utf8(text)) << text;
  }
}

TEST(CleanUtf8, RefusesMalformedSequencesAndControlCharacters) {
  for (const std::string& text : {std::string("\xff"), std::string("caf\xe9"), std::string("\xc3"),
                                  std::string("\xc0\xaf"),          // overlong '/'
                                  std::string("\xe0\x80\xaf"),      // overlong, three bytes
                                  std::string("\xed\xa0\x80"),      // a UTF-16 surrogate
                                  std::string("\xf4\x90\x80\x80"),  // past U+10FFFF
                                  std::string("\xf8\x88\x80\x80\x80"), std::string("a\0b", 3), std::string("bell\a"),
                                  std::string("esc\x1b[31m"), std::string("\xc2\x85")}) {  // C1 control NEL
    EXPECT_FALSE(is_clean_utf8(text)) << testing::PrintToString(text);
  }
}

}  // namespace
}  // namespace mobility
