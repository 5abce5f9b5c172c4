// The rules of a host course that coordinators keep (agreements/host_courses.hpp): each field's
// problem with its message key, and what passes.
#include <gtest/gtest.h>

#include "agreements/host_courses.hpp"

namespace mobility::agreements {
namespace {

db::HostCourseFields valid() {
  return {"INF-301", "Systèmes distribués", "7.5", "autumn", "fr", "6", "0613", "https://lumiere-nord.example/inf-301"};
}

// The message key of `field`'s problem when `change` is made to a valid course; "" for none.
template <typename Change>
std::string problem_after(Change change, const std::string& field) {
  db::HostCourseFields fields = valid();
  change(fields);
  auto problems = check_host_course(fields);
  const FieldProblem* problem = problem_of(problems, field);
  return problem ? problem->message_key : "";
}

TEST(HostCourseRules, AValidCourseAndOneWithOnlyTheRequiredFieldsPass) {
  EXPECT_TRUE(check_host_course(valid()).empty());
  EXPECT_TRUE(check_host_course({"X1", "Title", "0.5", "year", std::nullopt, std::nullopt, std::nullopt, std::nullopt}).empty());
  EXPECT_TRUE(check_host_course({"X1", "Title", "60", "spring", std::nullopt, std::nullopt, std::nullopt, std::nullopt}).empty());
}

TEST(HostCourseRules, EachFieldsProblemIsNamedByItsField) {
  using F = db::HostCourseFields;
  EXPECT_EQ(problem_after([](F& f) { f.los_code = ""; }, "los_code"), "field_required");
  EXPECT_EQ(problem_after([](F& f) { f.los_code = std::string(65, 'A'); }, "los_code"), "field_too_long");
  EXPECT_EQ(problem_after([](F& f) { f.title = "two\nlines"; }, "title"), "field_invalid_line");
  EXPECT_EQ(problem_after([](F& f) { f.title = "\xff"; }, "title"), "field_invalid_text");
  EXPECT_EQ(problem_after([](F& f) { f.ects_credits = ""; }, "ects_credits"), "field_required");
  for (const char* credits : {"0", "0.4", "60.5", "61", "7.25", "seven", "-5", "1e1"}) {
    EXPECT_EQ(problem_after([&](F& f) { f.ects_credits = credits; }, "ects_credits"), "host_course_error_credits") << credits;
  }
  EXPECT_EQ(problem_after([](F& f) { f.term = "winter"; }, "term"), "host_course_error_term");
  EXPECT_EQ(problem_after([](F& f) { f.language = "French"; }, "language"), "host_course_error_language");
  EXPECT_EQ(problem_after([](F& f) { f.language = "FR"; }, "language"), "host_course_error_language");
  EXPECT_EQ(problem_after([](F& f) { f.eqf_level = "4"; }, "eqf_level"), "host_course_error_eqf");
  EXPECT_EQ(problem_after([](F& f) { f.isced_f_code = "06x"; }, "isced_f_code"), "host_course_error_isced");
  EXPECT_EQ(problem_after([](F& f) { f.isced_f_code = "06131"; }, "isced_f_code"), "host_course_error_isced");
  EXPECT_EQ(problem_after([](F& f) { f.url = "javascript:alert(1)"; }, "url"), "field_error_url");
  EXPECT_EQ(problem_after([](F& f) { f.title = "Ok"; }, "title"), "");
}

}  // namespace
}  // namespace mobility::agreements
