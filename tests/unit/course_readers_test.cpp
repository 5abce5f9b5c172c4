// The readers of a partner's course catalogue (Courses v0.7.1, Simple Course Replication v1): the
// official Courses response-example.xml reads to the courses students are shown, a replication
// list reads to its LOS ids, and broken answers are refused with a message naming the course and
// instance (the official schemas refuse them too: only a lenient partner's would reach a reader).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "ewp-node/apis/course-replication-v1/course_replication_client.hpp"
#include "ewp-node/apis/courses-v0/courses_client.hpp"
#include "tests/support/ewp_schemas.hpp"

namespace mobility::ewp {
namespace {

using ::testing::ElementsAre;

std::string official_courses_example() {
  std::ifstream in(std::string(MOBILITY_SHARED_DIR) + "/ewp-specs/api-courses/master/response-example.xml");
  std::stringstream text;
  text << in.rdbuf();
  EXPECT_FALSE(text.str().empty());
  return text.str();
}

// One course with one instance whose start, ECTS value and EQF level are given.
std::string one_course(const std::string& start, const std::string& ects, const std::string& eqf) {
  return R"(<courses-response xmlns="https://github.com/erasmus-without-paper/ewp-specs-api-courses/tree/stable-v1">
  <learningOpportunitySpecification>
    <los-id>CR/in3020</los-id><los-code>IN3020</los-code>
    <title xml:lang="nb">Databasesystemer</title>
    <eqfLevelProvided>)" +
         eqf + R"(</eqfLevelProvided>
    <specifies><learningOpportunityInstance>
      <loi-id>CRI/in3020-h26</loi-id><start>)" +
         start + R"(</start><end>2026-12-20</end>
      <credit><scheme>ects</scheme><value>)" +
         ects + R"(</value></credit>
    </learningOpportunityInstance></specifies>
  </learningOpportunitySpecification>
</courses-response>)";
}

TEST(CoursesReader, ReadsTheOfficialExample) {
  std::string example = official_courses_example();
  ASSERT_TRUE(testing::courses_schema().validate(example));
  auto courses = read_courses_response(example);
  ASSERT_TRUE(courses) << courses.status().to_string();
  ASSERT_EQ(courses->size(), 2u);
  const db::PartnerCourse& calculus = courses->at(0);
  EXPECT_EQ(calculus.los_id, "CR/f6d14b1f-f330-4956-8819-e24feb12d519");
  EXPECT_EQ(calculus.los_code, std::nullopt);
  EXPECT_EQ(calculus.title, "Introductory calculus") << "the English title, not the first";
  EXPECT_EQ(calculus.title_language, "en");
  EXPECT_EQ(calculus.isced_f_code, "0541");
  EXPECT_EQ(calculus.eqf_level, std::nullopt);
  EXPECT_EQ(calculus.url, "http://example.com/");
  EXPECT_THAT(calculus.instances,
              ElementsAre(db::PartnerCourseInstance{"CRI/13466290", "2016-07-01", "2016-12-31", "15", "en"},
                          db::PartnerCourseInstance{"CRI/14061212", "2015-07-01", "2015-12-31", std::nullopt, std::nullopt}));
  EXPECT_EQ(courses->at(1).los_id, "DEP/a1a43018-558c-45ed-a187-3c966e7bac77");
  EXPECT_EQ(courses->at(1).title, "Political science, main subject");
  EXPECT_TRUE(courses->at(1).instances.empty());
}

TEST(CoursesReader, ReadsACourseWithoutAnEnglishTitleAndADateWithATimeZone) {
  std::string answer = one_course("2026-08-15+02:00", "7.5", "6");
  ASSERT_TRUE(testing::courses_schema().validate(answer));
  auto courses = read_courses_response(answer);
  ASSERT_TRUE(courses) << courses.status().to_string();
  ASSERT_EQ(courses->size(), 1u);
  EXPECT_EQ(courses->front().los_code, "IN3020");
  EXPECT_EQ(courses->front().title, "Databasesystemer");
  EXPECT_EQ(courses->front().title_language, "nb");
  EXPECT_EQ(courses->front().eqf_level, 6);
  EXPECT_THAT(courses->front().instances,
              ElementsAre(db::PartnerCourseInstance{"CRI/in3020-h26", "2026-08-15", "2026-12-20", "7.5", std::nullopt}));
}

TEST(CoursesReader, RefusesBrokenAnswersNamingTheCourseAndInstance) {
  struct Case {
    std::string answer;
    std::string error;
  };
  const Case cases[] = {
      {"<courses-response>not closed", "invalid argument: the Courses v0 answer is not XML"},
      {R"(<ounits-response xmlns="https://github.com/erasmus-without-paper/ewp-specs-api-ounits/tree/stable-v2"/>)",
       "invalid argument: the Courses v0 answer is not a <courses-response>"},
      {one_course("31-12-2026", "7.5", "6"),
       "invalid argument: course CR/in3020 instance CRI/in3020-h26: start is not a date (YYYY-MM-DD): 31-12-2026"},
      {one_course("2026-08-15T10:00:00", "7.5", "6"),
       "invalid argument: course CR/in3020 instance CRI/in3020-h26: start is not a date (YYYY-MM-DD): 2026-08-15T10:00:00"},
      {one_course("2026-08-15", "seven", "6"),
       "invalid argument: course CR/in3020 instance CRI/in3020-h26: the ECTS credits are not a number: seven"},
      {one_course("2026-08-15", "7.5", "9"), "invalid argument: course CR/in3020: eqfLevelProvided is not a level 1 to 8: 9"},
  };
  for (const Case& broken : cases) {
    EXPECT_FALSE(testing::courses_schema().validate(broken.answer)) << broken.error;
    auto courses = read_courses_response(broken.answer);
    ASSERT_FALSE(courses) << broken.error;
    EXPECT_EQ(courses.status().to_string(), broken.error);
  }
}

TEST(CourseReplicationReader, ReadsTheListedLosIds) {
  const std::string answer =
      R"(<course-replication-response xmlns="https://github.com/erasmus-without-paper/ewp-specs-api-course-replication/tree/stable-v1">
  <los-id>CR/in3020</los-id>
  <los-id>DEP/informatics</los-id>
</course-replication-response>)";
  ASSERT_TRUE(testing::courses_schema().validate(answer));
  auto los_ids = read_course_replication_response(answer);
  ASSERT_TRUE(los_ids) << los_ids.status().to_string();
  EXPECT_THAT(*los_ids, ElementsAre("CR/in3020", "DEP/informatics"));
}

TEST(CourseReplicationReader, RefusesWhatIsNotItsAnswer) {
  auto not_xml = read_course_replication_response("<course-replication-response>");
  EXPECT_EQ(not_xml.status().to_string(), "invalid argument: the Simple Course Replication v1 answer is not XML");
  auto courses = read_course_replication_response(
      R"(<courses-response xmlns="https://github.com/erasmus-without-paper/ewp-specs-api-courses/tree/stable-v1"/>)");
  EXPECT_EQ(courses.status().to_string(),
            "invalid argument: the Simple Course Replication v1 answer is not a <course-replication-response>");
  EXPECT_FALSE(testing::courses_schema().validate(
      R"(<course-replication-response xmlns="https://github.com/erasmus-without-paper/ewp-specs-api-course-replication/tree/stable-v1"><los-id>XX/1</los-id></course-replication-response>)"));
}

}  // namespace
}  // namespace mobility::ewp
