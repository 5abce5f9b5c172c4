// Grade conversion by grading tables, the Egracons method that the ECTS Users' Guide (2015)
// recommends: a grade earned abroad is converted by where it stands among the grades the partner
// awards, not by its number. No XML, database or HTTP here: the ToR reader turns a
// `resultDistribution` (ELMO) or a `gradeConversionTable/iscedTable` (ToRs v3) into a
// GradingTable, the recognition pages show what convert_grade says, and a coordinator's manual
// override (with its reason) is the caller's business.
//
// The rule, exactly:
// 1. A grading table lists an institution's grades best first, each with its number of results in
//    one reference group (Egracons: one table per ISCED-F code). Failing grades may be listed too
//    (ELMO's distribution includes them) but only after every passing grade; they are not part of
//    the comparison, which, as in Egracons, is between passing results only.
// 2. Each passing grade has a band of the passing results, in percent counted from the best:
//    with P the number of passing results and C the number of passing results with a better grade,
//    the grade's band is [100·C/P, 100·(C + count)/P), lower bound inside, upper bound outside.
//    The bands of one table cover [0, 100) without gaps; a grade with no results has an empty
//    band [x, x) at its place.
// 3. Their passing grade converts to our passing grade whose band contains the midpoint of their
//    grade's band. Overlaps and ties are settled by this alone: a band of theirs straddling two of
//    ours goes where its middle is, even when it overlaps both equally, and a midpoint exactly on
//    one of our boundaries belongs to the band that starts there (the worse grade). Comparisons are
//    made in integers (cross-multiplied), so a boundary is never missed by rounding.
//    Their grade with no results stands at its band's single point: at 0 it takes our best grade
//    with results; at 100 (every grade from it down has no results) our worst grade with results.
// 4. Their failing grade converts to our first (best) failing grade: a failed result stays failed,
//    whatever the failing grades' distribution. Our table without a failing grade is an error.
//
// Every refusal is kInvalidArgument with a message naming the table ("their grading table", "our
// grading table", "the distribution") and the grade, quoted, at most 60 bytes of it:
//   "<table> has no grades"
//   "<table> has a grade without a label"
//   "<table> has the grade \"B\" twice"
//   "<table> lists the failing grade \"F\" before the passing grade \"E\": grades go best first"
//   "<table> counts more than 1000000000 results"
//   "<table> has no passing results"                      (empty, all zero, or no passing grade)
//   "their grading table has no grade \"A+\""             (the grade to convert)
//   "our grading table has no failing grade for the failed result \"F\""
//   "the distribution has no categories"
//   "the passing grade \"A+\" is not in the distribution"
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/status.hpp"

namespace mobility::mobilities {

// At most this many results in one table (every count and their sum), so that the cross-multiplied
// comparisons fit in 64 bits. Percentages (ToRs v3 `gradeFrequency/@percentage`) are given as
// integers in any fixed unit, e.g. thousandths of a percent: only proportions matter.
constexpr uint64_t kMaxGradingResults = 1'000'000'000;

// One grade of a grading table: its label as the institution writes it ("C", "27", "30L", "14"),
// its number of results, and whether it is a passing grade.
struct GradeShare {
  std::string label;
  uint64_t count = 0;
  bool passing = true;
};

// An institution's grades for one reference group, best first, failing grades (if any) last.
struct GradingTable {
  std::vector<GradeShare> grades;
};

// A passing grade's band of the passing results, in percent from the best (rule 2).
struct GradeBand {
  std::string label;
  double lower_percent = 0;
  double upper_percent = 0;
};

// Why a passing grade converted as it did: the two bands and their band's midpoint.
struct BandComparison {
  GradeBand theirs;
  GradeBand ours;
  double midpoint_percent = 0;
};

// The converted grade: our label, and the bands compared (none for a failed result, rule 4).
struct ConvertedGrade {
  std::string label;
  std::optional<BandComparison> bands;
};

// Ok when `table` is a grading table by rule 1 (labels present and distinct, passing before
// failing, at most kMaxGradingResults results, at least one passing result); otherwise the first
// problem, with `which` ("their grading table") at the start of the message.
Status check_grading_table(const GradingTable& table, const std::string& which);

// The bands of `table`'s passing grades, best first (rule 2); the table's problem when it has one,
// named as "the grading table".
Result<std::vector<GradeBand>> passing_bands(const GradingTable& table);

// `their_grade` of `theirs` on the scale of `ours` by rules 3 and 4. Refused, with nothing
// converted: either table's problem (check_grading_table), their grade not in their table, a
// failed result when our table has no failing grade.
Result<ConvertedGrade> convert_grade(const GradingTable& theirs, const std::string& their_grade, const GradingTable& ours);

// One category of ELMO's `resultDistribution`: `label` and `count` as the attributes say.
struct DistributionCategory {
  std::string label;
  uint64_t count = 0;
};

// How the categories are listed: ELMO prescribes no order (its own example lists F first).
enum class ListedOrder { kBestFirst, kWorstFirst };

// The grading table of an ELMO distribution: the categories in `order` as the caller states it
// (from the grading scheme it knows), those labelled in `passing_labels` passing, the others
// failing. ELMO counts every student, failed ones too. Refused: no categories, a passing label
// with no category (a slip in the labels, not a grade nobody got: give
// such a grade as a category with count 0), and any problem of the table as "the distribution"
// (check_grading_table) - a failing grade before a passing one is what a wrongly stated order
// looks like.
Result<GradingTable> grading_table_from_distribution(const std::vector<DistributionCategory>& categories, ListedOrder order,
                                                     const std::vector<std::string>& passing_labels);

}  // namespace mobility::mobilities
