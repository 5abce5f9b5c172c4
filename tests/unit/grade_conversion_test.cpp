// Grade conversion by grading tables (mobilities/grade_conversion.hpp), checked against cases
// computed by hand with the Egracons method: each passing grade's band of the passing results in
// percent from the best, their grade going to our grade whose band holds their band's midpoint.
// The arithmetic is in the comments; every table is of one reference group (one ISCED-F code).
#include "mobilities/grade_conversion.hpp"

#include <gtest/gtest.h>

namespace mobility::mobilities {
namespace {

// Norwegian A-E, F failing. 200 passing results:
//   A 20 -> [0, 10)    B 50 -> [10, 35)   C 60 -> [35, 65)   D 40 -> [65, 85)   E 30 -> [85, 100)
GradingTable norwegian() {
  return {{{"A", 20, true}, {"B", 50, true}, {"C", 60, true}, {"D", 40, true}, {"E", 30, true}, {"F", 18, false}}};
}

// Italian 18-30 with 30 e lode, no failing grade recorded. 400 passing results (count -> % -> band):
//   30L 8 2% [0,2)     30 40 10% [2,12)   29 24 6% [12,18)   28 48 12% [18,30)  27 52 13% [30,43)
//   26 44 11% [43,54)  25 40 10% [54,64)  24 36 9% [64,73)   23 28 7% [73,80)   22 24 6% [80,86)
//   21 20 5% [86,91)   20 16 4% [91,95)   19 12 3% [95,98)   18 8 2% [98,100)
GradingTable italian() {
  return {{{"30L", 8, true},
           {"30", 40, true},
           {"29", 24, true},
           {"28", 48, true},
           {"27", 52, true},
           {"26", 44, true},
           {"25", 40, true},
           {"24", 36, true},
           {"23", 28, true},
           {"22", 24, true},
           {"21", 20, true},
           {"20", 16, true},
           {"19", 12, true},
           {"18", 8, true}}};
}

// French 10-20, below 10 failing; nobody got 20 or 19. 500 passing results:
//   20 0 [0,0)  19 0 [0,0)  18 5 1% [0,1)  17 15 3% [1,4)  16 30 6% [4,10)  15 50 10% [10,20)
//   14 75 15% [20,35)  13 85 17% [35,52)  12 90 18% [52,70)  11 80 16% [70,86)  10 70 14% [86,100)
GradingTable french() {
  return {{{"20", 0, true},
           {"19", 0, true},
           {"18", 5, true},
           {"17", 15, true},
           {"16", 30, true},
           {"15", 50, true},
           {"14", 75, true},
           {"13", 85, true},
           {"12", 90, true},
           {"11", 80, true},
           {"10", 70, true},
           {"<10", 120, false}}};
}

// Dutch 6-9, 5 failing. 100 passing results: 9 10 [0,10)  8 50 [10,60)  7 30 [60,90)  6 10 [90,100)
GradingTable dutch() { return {{{"9", 10, true}, {"8", 50, true}, {"7", 30, true}, {"6", 10, true}, {"5", 15, false}}}; }

std::string converted(const GradingTable& theirs, const std::string& grade, const GradingTable& ours) {
  auto result = convert_grade(theirs, grade, ours);
  if (!result) return "error: " + result.status().message();
  return result->label;
}

std::string problem(const GradingTable& theirs, const std::string& grade, const GradingTable& ours) {
  auto result = convert_grade(theirs, grade, ours);
  if (result) return "converted to " + result->label;
  EXPECT_EQ(result.status().code(), Status::Code::kInvalidArgument);
  return result.status().message();
}

TEST(GradeConversion, BandsAreCumulativePercentagesOfPassingResults) {
  auto bands = passing_bands(norwegian());
  ASSERT_TRUE(bands) << bands.status().to_string();
  ASSERT_EQ(bands->size(), 5u) << "F is not part of the grading table";
  const double expected[5][2] = {{0, 10}, {10, 35}, {35, 65}, {65, 85}, {85, 100}};
  const char* labels[5] = {"A", "B", "C", "D", "E"};
  for (size_t i = 0; i < 5; ++i) {
    EXPECT_EQ((*bands)[i].label, labels[i]);
    EXPECT_DOUBLE_EQ((*bands)[i].lower_percent, expected[i][0]) << labels[i];
    EXPECT_DOUBLE_EQ((*bands)[i].upper_percent, expected[i][1]) << labels[i];
  }
  auto french_bands = passing_bands(french());
  ASSERT_TRUE(french_bands);
  ASSERT_EQ(french_bands->size(), 11u);
  EXPECT_DOUBLE_EQ((*french_bands)[0].upper_percent, 0) << "20: nobody, an empty band at 0";
  EXPECT_DOUBLE_EQ((*french_bands)[2].upper_percent, 1) << "18: 5/500";
  EXPECT_DOUBLE_EQ((*french_bands)[6].lower_percent, 20) << "14: (5+15+30+50)/500";
  EXPECT_DOUBLE_EQ((*french_bands)[6].upper_percent, 35) << "14: (100+75)/500";
  EXPECT_DOUBLE_EQ((*french_bands)[10].upper_percent, 100);
}

TEST(GradeConversion, ItalianGradesConvertToNorwegian) {
  // 27: [30, 43), midpoint 36.5, inside C [35, 65) though it also overlaps B by 5 points.
  auto result = convert_grade(italian(), "27", norwegian());
  ASSERT_TRUE(result) << result.status().to_string();
  EXPECT_EQ(result->label, "C");
  ASSERT_TRUE(result->bands);
  EXPECT_EQ(result->bands->theirs.label, "27");
  EXPECT_DOUBLE_EQ(result->bands->theirs.lower_percent, 30);
  EXPECT_DOUBLE_EQ(result->bands->theirs.upper_percent, 43);
  EXPECT_DOUBLE_EQ(result->bands->midpoint_percent, 36.5);
  EXPECT_EQ(result->bands->ours.label, "C");
  EXPECT_DOUBLE_EQ(result->bands->ours.lower_percent, 35);
  EXPECT_DOUBLE_EQ(result->bands->ours.upper_percent, 65);

  EXPECT_EQ(converted(italian(), "30L", norwegian()), "A");  // [0, 2) mid 1 in A [0, 10)
  EXPECT_EQ(converted(italian(), "30", norwegian()), "A");   // [2, 12) mid 7 in A, though it overlaps B
  EXPECT_EQ(converted(italian(), "29", norwegian()), "B");   // [12, 18) mid 15 in B [10, 35)
  EXPECT_EQ(converted(italian(), "25", norwegian()), "C");   // [54, 64) mid 59 in C [35, 65)
  EXPECT_EQ(converted(italian(), "24", norwegian()), "D");   // [64, 73) mid 68.5 in D [65, 85)
  EXPECT_EQ(converted(italian(), "22", norwegian()), "D");   // [80, 86) mid 83 in D, though it overlaps E
  EXPECT_EQ(converted(italian(), "21", norwegian()), "E");   // [86, 91) mid 88.5 in E [85, 100)
  EXPECT_EQ(converted(italian(), "18", norwegian()), "E");   // [98, 100) mid 99 in E
}

TEST(GradeConversion, FrenchGradesConvertToNorwegian) {
  EXPECT_EQ(converted(french(), "16", norwegian()), "A");  // [4, 10) mid 7 in A [0, 10)
  EXPECT_EQ(converted(french(), "15", norwegian()), "B");  // [10, 20) mid 15 in B [10, 35)
  EXPECT_EQ(converted(french(), "14", norwegian()), "B");  // [20, 35) mid 27.5 in B
  EXPECT_EQ(converted(french(), "13", norwegian()), "C");  // [35, 52) mid 43.5 in C [35, 65)
  EXPECT_EQ(converted(french(), "12", norwegian()), "C");  // [52, 70) mid 61 in C, though it overlaps D
  EXPECT_EQ(converted(french(), "11", norwegian()), "D");  // [70, 86) mid 78 in D [65, 85)
  EXPECT_EQ(converted(french(), "10", norwegian()), "E");  // [86, 100) mid 93 in E [85, 100)
}

TEST(GradeConversion, NorwegianGradesConvertToItalianAndFrench) {
  // Norwegian midpoints: A 5, B 22.5, C 50, D 75, E 92.5.
  EXPECT_EQ(converted(norwegian(), "A", italian()), "30");  // 5 in 30 [2, 12)
  EXPECT_EQ(converted(norwegian(), "B", italian()), "28");  // 22.5 in 28 [18, 30)
  EXPECT_EQ(converted(norwegian(), "C", italian()), "26");  // 50 in 26 [43, 54)
  EXPECT_EQ(converted(norwegian(), "D", italian()), "23");  // 75 in 23 [73, 80)
  EXPECT_EQ(converted(norwegian(), "E", italian()), "20");  // 92.5 in 20 [91, 95)
  EXPECT_EQ(converted(norwegian(), "A", french()), "16");   // 5 in 16 [4, 10)
  EXPECT_EQ(converted(norwegian(), "B", french()), "14");   // 22.5 in 14 [20, 35)
  EXPECT_EQ(converted(norwegian(), "C", french()), "13");   // 50 in 13 [35, 52)
  EXPECT_EQ(converted(norwegian(), "D", french()), "11");   // 75 in 11 [70, 86)
  EXPECT_EQ(converted(norwegian(), "E", french()), "10");   // 92.5 in 10 [86, 100)
  // French to Italian: 13 [35, 52) mid 43.5 in 26 [43, 54); 15 [10, 20) mid 15 in 29 [12, 18).
  EXPECT_EQ(converted(french(), "13", italian()), "26");
  EXPECT_EQ(converted(french(), "15", italian()), "29");
}

TEST(GradeConversion, AMidpointOnOurBoundaryGoesToTheBandStartingThere) {
  // Dutch 8: [10, 60), midpoint 35, exactly the Norwegian B/C boundary; it overlaps B (10-35) and
  // C (35-60) by 25 points each. C's band [35, 65) holds 35, B's [10, 35) does not. In integers:
  // 2·70·100 = 14000 <= (10 + 60)·200 = 14000 < 2·130·100 = 26000 for C; 14000 < 2·70·100 fails for B.
  auto result = convert_grade(dutch(), "8", norwegian());
  ASSERT_TRUE(result) << result.status().to_string();
  EXPECT_EQ(result->label, "C");
  ASSERT_TRUE(result->bands);
  EXPECT_DOUBLE_EQ(result->bands->midpoint_percent, 35);
  EXPECT_DOUBLE_EQ(result->bands->ours.lower_percent, 35);
  // Italian 30L: [0, 2), midpoint 1, exactly where French 17 [1, 4) starts and 18 [0, 1) ends:
  // 2·5·400 = 4000 <= (0 + 8)·500 = 4000 < 2·20·400 = 16000. 20 and 19 ([0, 0)) hold nothing.
  EXPECT_EQ(converted(italian(), "30L", french()), "17");
  EXPECT_EQ(converted(dutch(), "9", norwegian()), "A");  // [0, 10) mid 5
  EXPECT_EQ(converted(dutch(), "7", norwegian()), "D");  // [60, 90) mid 75 in D [65, 85)
  EXPECT_EQ(converted(dutch(), "6", norwegian()), "E");  // [90, 100) mid 95
}

TEST(GradeConversion, AGradeNobodyGotStandsAtItsPlace) {
  // French 20: no results, band [0, 0), point 0: our best grade with results.
  EXPECT_EQ(converted(french(), "20", norwegian()), "A");
  EXPECT_EQ(converted(french(), "19", italian()), "30L");
  // An ECTS-style table whose E nobody got: A 10 [0,10) B 25 [10,35) C 30 [35,65) D 35 [65,100)
  // E 0 [100,100). E stands at 100: our worst grade with results, French 10 (not one with none).
  GradingTable ects{{{"A", 10, true}, {"B", 25, true}, {"C", 30, true}, {"D", 35, true}, {"E", 0, true}, {"F", 4, false}}};
  auto result = convert_grade(ects, "E", french());
  ASSERT_TRUE(result) << result.status().to_string();
  EXPECT_EQ(result->label, "10");
  ASSERT_TRUE(result->bands);
  EXPECT_DOUBLE_EQ(result->bands->midpoint_percent, 100);
  GradingTable norwegian_without_e{{{"A", 20, true}, {"B", 50, true}, {"C", 60, true}, {"D", 40, true}, {"E", 0, true}}};
  EXPECT_EQ(converted(ects, "E", norwegian_without_e), "D") << "E has no results in our table either";
  EXPECT_EQ(converted(ects, "D", norwegian_without_e), "D");  // [65, 100) mid 82.5; our D is [65, 100) now
}

TEST(GradeConversion, AFailedResultConvertsToOurFailingGrade) {
  auto result = convert_grade(norwegian(), "F", french());
  ASSERT_TRUE(result) << result.status().to_string();
  EXPECT_EQ(result->label, "<10");
  EXPECT_FALSE(result->bands) << "failing grades are not compared";
  EXPECT_EQ(converted(dutch(), "5", norwegian()), "F");
  GradingTable ects_with_fx{{{"A", 1, true}, {"B", 1, true}, {"FX", 5, false}, {"F", 9, false}}};
  EXPECT_EQ(converted(norwegian(), "F", ects_with_fx), "FX") << "our first (best) failing grade";
  EXPECT_EQ(problem(norwegian(), "F", italian()), "our grading table has no failing grade for the failed result \"F\"");
}

TEST(GradeConversion, EachProblemIsNamed) {
  EXPECT_EQ(problem(GradingTable{}, "A", norwegian()), "their grading table has no grades");
  EXPECT_EQ(problem(norwegian(), "A", GradingTable{}), "our grading table has no grades");
  GradingTable all_zero{{{"A", 0, true}, {"B", 0, true}, {"F", 0, false}}};
  EXPECT_EQ(problem(norwegian(), "A", all_zero), "our grading table has no passing results");
  GradingTable only_failed{{{"A", 0, true}, {"F", 40, false}}};
  EXPECT_EQ(problem(only_failed, "F", norwegian()), "their grading table has no passing results");
  EXPECT_EQ(problem(norwegian(), "A+", french()), "their grading table has no grade \"A+\"");
  EXPECT_EQ(problem(norwegian(), "a", french()), "their grading table has no grade \"a\"") << "labels are exact";
  GradingTable unlabelled{{{"A", 3, true}, {"", 4, true}}};
  EXPECT_EQ(problem(unlabelled, "A", norwegian()), "their grading table has a grade without a label");
  GradingTable twice{{{"A", 3, true}, {"B", 4, true}, {"B", 5, true}}};
  EXPECT_EQ(problem(norwegian(), "A", twice), "our grading table has the grade \"B\" twice");
  GradingTable worst_first{
      {{"F", 3, false}, {"E", 92, true}, {"D", 98, true}, {"C", 135, true}, {"B", 37, true}, {"A", 7, true}}};
  EXPECT_EQ(problem(worst_first, "C", norwegian()),
            "their grading table lists the failing grade \"F\" before the passing grade \"E\": grades go best first");
  GradingTable huge{{{"A", kMaxGradingResults + 1, true}}};
  EXPECT_EQ(problem(huge, "A", norwegian()), "their grading table counts more than 1000000000 results");
  GradingTable huge_together{{{"A", kMaxGradingResults, true}, {"F", 1, false}}};
  EXPECT_EQ(problem(norwegian(), "A", huge_together), "our grading table counts more than 1000000000 results");
  GradingTable at_the_limit{{{"A", kMaxGradingResults / 2, true}, {"B", kMaxGradingResults / 2, true}}};
  // At the limit the products reach (5·10^8 + 10^9)·10^9 = 1.5·10^18, still inside 64 bits.
  EXPECT_EQ(converted(at_the_limit, "B", norwegian()), "D");   // [50, 100) mid 75 in D [65, 85)
  EXPECT_EQ(converted(at_the_limit, "B", at_the_limit), "B");  // mid 75 in B [50, 100)
  EXPECT_EQ(converted(norwegian(), "B", at_the_limit), "A");   // mid 22.5 in A [0, 50)
  EXPECT_EQ(passing_bands(GradingTable{}).status().message(), "the grading table has no grades");
}

TEST(GradeConversion, ElmoDistributionsBecomeGradingTablesInTheStatedOrder) {
  // The official ELMO example's distribution, listed worst first: F 3, E 92, D 98, C 135, B 37, A 7.
  const std::vector<DistributionCategory> elmo{{"F", 3}, {"E", 92}, {"D", 98}, {"C", 135}, {"B", 37}, {"A", 7}};
  const std::vector<std::string> passing{"A", "B", "C", "D", "E"};
  auto table = grading_table_from_distribution(elmo, ListedOrder::kWorstFirst, passing);
  ASSERT_TRUE(table) << table.status().to_string();
  ASSERT_EQ(table->grades.size(), 6u);
  EXPECT_EQ(table->grades[0].label, "A");
  EXPECT_EQ(table->grades[0].count, 7u);
  EXPECT_TRUE(table->grades[0].passing);
  EXPECT_EQ(table->grades[5].label, "F");
  EXPECT_FALSE(table->grades[5].passing);
  // 369 passing results; C has 7 + 37 = 44 better: [44/369, 179/369) = [11.92 %, 48.51 %),
  // midpoint (44 + 179) / 2 / 369 = 30.22 %, inside Norwegian B [10, 35).
  auto result = convert_grade(*table, "C", norwegian());
  ASSERT_TRUE(result) << result.status().to_string();
  EXPECT_EQ(result->label, "B");
  ASSERT_TRUE(result->bands);
  EXPECT_NEAR(result->bands->theirs.lower_percent, 11.924, 0.001);
  EXPECT_NEAR(result->bands->theirs.upper_percent, 48.509, 0.001);
  EXPECT_NEAR(result->bands->midpoint_percent, 30.217, 0.001);

  auto as_best_first = grading_table_from_distribution(elmo, ListedOrder::kBestFirst, passing);
  EXPECT_EQ(as_best_first.status().message(),
            "the distribution lists the failing grade \"F\" before the passing grade \"E\": grades go best first");
  EXPECT_EQ(grading_table_from_distribution(elmo, ListedOrder::kWorstFirst, {"A+", "A", "B"}).status().message(),
            "the passing grade \"A+\" is not in the distribution");
  EXPECT_EQ(grading_table_from_distribution({}, ListedOrder::kBestFirst, passing).status().message(),
            "the distribution has no categories");
  EXPECT_EQ(
      grading_table_from_distribution({{"A", 0}, {"B", 0}, {"F", 12}}, ListedOrder::kBestFirst, {"A", "B"}).status().message(),
      "the distribution has no passing results");
  EXPECT_EQ(
      grading_table_from_distribution({{"A", 1}, {"C", 2}, {"C", 3}}, ListedOrder::kBestFirst, {"A", "C"}).status().message(),
      "the distribution has the grade \"C\" twice");
  EXPECT_EQ(grading_table_from_distribution(elmo, ListedOrder::kWorstFirst, {}).status().message(),
            "the distribution has no passing results")
      << "no passing grade given: every category failing";
}

}  // namespace
}  // namespace mobility::mobilities
