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

TEST(SingleLine, RefusesLineBreaksNulAndBidiControls) {
  for (const std::string text : {"", "Lille", "Åse Bjørnstad", "東京 🎓", "a\tb", "\xe2\x80\x99 quote", "\xe2\x81\xa5"}) {
    EXPECT_TRUE(is_single_line(text)) << text;
  }
  for (const std::string& text :
       {std::string("two\nlines"), std::string("cr\r"), std::string("a\0b", 3),
        std::string("\xe2\x80\xae") + "txt.exe",  // U+202E RIGHT-TO-LEFT OVERRIDE
        std::string("\xe2\x80\xaa"), std::string("\xe2\x81\xa6"), std::string("\xe2\x81\xa9"), std::string("caf\xe9")}) {
    EXPECT_FALSE(is_single_line(text)) << testing::PrintToString(text);
  }
}

TEST(Displayable, ShowsRefusedBytesAsReplacementCharacters) {
  EXPECT_EQ(displayable("Åse\nBjørnstad\t!"), "Åse\nBjørnstad\t!") << "clean text is unchanged";
  EXPECT_EQ(displayable("caf\xe9"), "caf\xef\xbf\xbd");
  EXPECT_EQ(displayable(std::string("a\0b", 3)),
            "a\xef\xbf\xbd"
            "b");
  EXPECT_EQ(displayable("bell\a\xc2\x85"), "bell\xef\xbf\xbd\xef\xbf\xbd");
  EXPECT_EQ(displayable("\xf0\x9f"), "\xef\xbf\xbd\xef\xbf\xbd") << "a cut sequence: one per byte";
  EXPECT_TRUE(is_clean_utf8(displayable("\xff\xfe\x1b[0m")));
}

}  // namespace
}  // namespace mobility
