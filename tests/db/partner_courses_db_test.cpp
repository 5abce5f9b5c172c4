// A partner's fetched course catalogue against a real PostgreSQL (db/partner_courses.hpp): the
// copy is replaced whole, one row per instance with its term from its dates, ended instances are
// not listed, the coordinators' filter applies; a copy the table refuses leaves the previous one,
// and a hosted HEI is refused.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "db/partner_courses.hpp"
#include "tests/support/test_database.hpp"

namespace mobility::db {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

const std::string kPartner = "pohjola.example";

PartnerCourse databases() {
  return {"CR/in3020",
          "IN3020",
          "Database systems",
          "en",
          "0613",
          6,
          "https://pohjola.example/in3020",
          {{"CRI/in3020-2001", "2001-08-15", "2001-12-20", "10", "en"},
           {"CRI/in3020-2099", "2099-08-15", "2099-12-20", "10", "en"},
           {"CRI/in3020-2100", "2100-01-10", "2100-06-10", "10", "en"}}};
}
PartnerCourse thesis() {
  return {"CR/thesis",  std::nullopt, "Master's thesis", std::nullopt,
          std::nullopt, std::nullopt, std::nullopt,      {{"CRI/thesis-2099", "2099-08-15", "2100-06-15", "30", std::nullopt}}};
}
PartnerCourse seminar() { return {"CR/seminar", "SEM", "Seminar", std::nullopt, std::nullopt, std::nullopt, std::nullopt, {}}; }

class PartnerCoursesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = testing::open_demo_database();
    ASSERT_TRUE(opened) << opened.status().to_string();
    connection_ = std::move(opened.value());
  }
  // "los_id loi_id term credits" of each listed row.
  std::vector<std::string> listed(const HostCourseFilter& filter = {}) {
    auto copy = list_partner_courses(*connection_, kPartner, filter);
    EXPECT_TRUE(copy) << copy.status().to_string();
    std::vector<std::string> rows;
    for (const auto& row : copy ? copy->rows : std::vector<PartnerCourseRow>{}) {
      rows.push_back(row.los_id + " " + row.loi_id.value_or("-") + " " + row.term.value_or("-") + " " +
                     row.ects_credits.value_or("-"));
    }
    return rows;
  }
  std::unique_ptr<Connection> connection_;
};

TEST_F(PartnerCoursesTest, TheCopyIsReplacedWholeOneRowPerInstanceWithItsTerm) {
  auto none = list_partner_courses(*connection_, kPartner);
  ASSERT_TRUE(none);
  EXPECT_THAT(none->rows, IsEmpty());
  EXPECT_EQ(none->fetched_at, std::nullopt);

  ASSERT_TRUE(store_partner_courses(*connection_, kPartner, {databases(), thesis(), seminar()}));
  EXPECT_THAT(listed(), ElementsAre("CR/in3020 CRI/in3020-2099 autumn 10", "CR/in3020 CRI/in3020-2100 spring 10",
                                    "CR/thesis CRI/thesis-2099 year 30", "CR/seminar - - -"))
      << "by title; the instance that ended in 2001 is not listed";
  auto copy = list_partner_courses(*connection_, kPartner);
  ASSERT_TRUE(copy && !copy->rows.empty());
  EXPECT_TRUE(copy->fetched_at.has_value());
  EXPECT_EQ(copy->rows.front().los_code, "IN3020");
  EXPECT_EQ(copy->rows.front().eqf_level, "6");
  EXPECT_EQ(copy->rows.front().starts_on, "2099-08-15");
  EXPECT_EQ(copy->rows.front().url, "https://pohjola.example/in3020");

  EXPECT_THAT(listed({"data", ""}), ElementsAre("CR/in3020 CRI/in3020-2099 autumn 10", "CR/in3020 CRI/in3020-2100 spring 10"));
  EXPECT_THAT(listed({"", "spring"}), ElementsAre("CR/in3020 CRI/in3020-2100 spring 10", "CR/thesis CRI/thesis-2099 year 30"))
      << "a whole-year course runs in the spring too";

  ASSERT_TRUE(store_partner_courses(*connection_, kPartner, {seminar()}));
  EXPECT_THAT(listed(), ElementsAre("CR/seminar - - -")) << "the courses the partner no longer lists are gone";
}

TEST_F(PartnerCoursesTest, ACopyTheTableRefusesLeavesThePreviousOne) {
  ASSERT_TRUE(store_partner_courses(*connection_, kPartner, {databases()}));
  PartnerCourse twice = thesis();
  twice.instances.push_back(twice.instances.front());  // one loi_id twice
  Status refused = store_partner_courses(*connection_, kPartner, {seminar(), twice});
  EXPECT_EQ(refused.code(), Status::Code::kConflict) << refused.to_string();
  EXPECT_THAT(refused.message(), ::testing::HasSubstr("course CR/thesis instance CRI/thesis-2099"));
  EXPECT_THAT(listed(), ElementsAre("CR/in3020 CRI/in3020-2099 autumn 10", "CR/in3020 CRI/in3020-2100 spring 10"));
}

TEST_F(PartnerCoursesTest, AHostedHeiIsRefused) {
  Status refused = store_partner_courses(*connection_, "fjordland.example", {seminar()});
  EXPECT_EQ(refused.code(), Status::Code::kInvalidArgument);
  auto copy = list_partner_courses(*connection_, "fjordland.example");
  ASSERT_TRUE(copy);
  EXPECT_THAT(copy->rows, IsEmpty());
}

}  // namespace
}  // namespace mobility::db
