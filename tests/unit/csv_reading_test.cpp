// Reading CSV from spreadsheets (base/csv_reading.hpp): separators, quotes, line ends, and what
// is refused.
#include <gtest/gtest.h>

#include "base/csv.hpp"
#include "base/csv_reading.hpp"

namespace mobility {
namespace {

using Fields = std::vector<std::string>;

TEST(CsvReading, CommasQuotesAndLineEnds) {
  auto rows = read_csv(
      "\xEF\xBB\xBF"
      "a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\n\nlast,,\n");
  ASSERT_TRUE(rows) << rows.status().to_string();
  ASSERT_EQ(rows->size(), 3u) << "the blank line is skipped";
  EXPECT_EQ((*rows)[0].fields, (Fields{"a", "b", "c"})) << "the byte-order mark is dropped";
  EXPECT_EQ((*rows)[1].fields, (Fields{"x, y", "say \"hi\"", "two\nlines"}));
  EXPECT_EQ((*rows)[1].line, 2);
  EXPECT_EQ((*rows)[2].fields, (Fields{"last", "", ""}));
  EXPECT_EQ((*rows)[2].line, 5) << "counted across the quoted line break and the blank line";
}

TEST(CsvReading, SemicolonsWhenTheFirstLineHasNoComma) {
  auto rows = read_csv("code;credits\nA;7,5\n");
  ASSERT_TRUE(rows);
  EXPECT_EQ((*rows)[1].fields, (Fields{"A", "7,5"}));
}

TEST(CsvReading, WhatBaseCsvWritesReadsBack) {
  Fields fields{"plain", "with, comma", "with \"quote\"", "line\r\nbreak"};
  auto rows = read_csv(csv_row(fields));
  ASSERT_TRUE(rows);
  ASSERT_EQ(rows->size(), 1u);
  EXPECT_EQ(rows->front().fields, fields);
}

TEST(CsvReading, AnOpenQuoteOrTextAfterAClosingOneIsRefusedWithItsLine) {
  auto open = read_csv("a,b\n\"never closed,c\n");
  ASSERT_FALSE(open);
  EXPECT_NE(open.status().message().find("line 2"), std::string::npos) << open.status().to_string();
  EXPECT_FALSE(read_csv("\"closed\"then,b\n"));
}

}  // namespace
}  // namespace mobility
