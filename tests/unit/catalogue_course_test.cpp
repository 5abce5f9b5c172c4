// A host course picked from the partner's fetched catalogue (db/partner_courses.hpp): the
// pre-approval line takes its code, title, credits and its Courses API ids
// (mobilities::with_catalogue_course), the first learning-agreement draft's table A component
// carries them as los-id / loi-id, and the editor's hidden row fields keep them through a save
// unless the student changes that row's code.
#include <gtest/gtest.h>

#include <variant>

#include "mobilities/course_preapprovals.hpp"
#include "portal/mobilities/la_form.hpp"

namespace mobility::mobilities {
namespace {

using portal::mobility_pages::la_fields_of;
using portal::mobility_pages::la_version_of;

db::PartnerCourseRow robotics() {
  db::PartnerCourseRow row;
  row.los_id = "CR/rob";
  row.loi_id = "CRI/rob-2099";
  row.los_code = "ROB-200";
  row.title = "Robotik";
  row.ects_credits = "6";
  return row;
}

db::CourseMapping typed() {
  db::CourseMapping mapping;
  mapping.host_course_title = "typed";
  mapping.host_credits = "5";
  mapping.home_credits = "5";
  return mapping;
}

TEST(CatalogueCourse, ThePickedCourseGivesTheLineItsCodeTitleCreditsAndIds) {
  db::CourseMapping mapping = with_catalogue_course(typed(), robotics());
  EXPECT_EQ(mapping.host_course_code, "ROB-200");
  EXPECT_EQ(mapping.host_course_title, "Robotik");
  EXPECT_EQ(mapping.host_credits, "6");
  EXPECT_EQ(mapping.host_los_id, "CR/rob");
  EXPECT_EQ(mapping.host_loi_id, "CRI/rob-2099");
  EXPECT_EQ(mapping.home_credits, "5") << "the home side stays as typed";

  db::PartnerCourseRow bare = robotics();
  bare.los_code.reset();
  bare.ects_credits.reset();
  bare.loi_id.reset();
  db::CourseMapping without = with_catalogue_course(typed(), bare);
  EXPECT_EQ(without.host_course_code, "CR/rob") << "no code: the LOS id";
  EXPECT_EQ(without.host_credits, "5") << "no credits in the catalogue: what was typed";
  EXPECT_EQ(without.host_loi_id, std::nullopt);
}

TEST(CatalogueCourse, TheDraftsComponentCarriesTheIdsThroughTheEditor) {
  db::PreapprovalLine line;
  line.mapping = with_catalogue_course(typed(), robotics());
  line.state = "approved";
  LaVersion draft = draft_from_preapproval({line});
  const auto* studied = draft.components(ComponentTable::kStudied);
  ASSERT_TRUE(studied != nullptr && studied->size() == 1u);
  EXPECT_EQ(studied->front().los_id, "CR/rob");
  EXPECT_EQ(studied->front().loi_id, "CRI/rob-2099");
  EXPECT_EQ(studied->front().los_code, "ROB-200");

  auto fields = la_fields_of(draft);
  fields["a0_term"] = "1/1";
  auto saved = la_version_of(fields, false);
  ASSERT_TRUE(std::holds_alternative<LaVersion>(saved));
  const auto& kept = std::get<LaVersion>(saved).components(ComponentTable::kStudied)->front();
  EXPECT_EQ(kept.los_id, "CR/rob");
  EXPECT_EQ(kept.loi_id, "CRI/rob-2099");

  fields["a0_code"] = "ROB-300";
  auto changed = la_version_of(fields, false);
  ASSERT_TRUE(std::holds_alternative<LaVersion>(changed));
  const auto& other = std::get<LaVersion>(changed).components(ComponentTable::kStudied)->front();
  EXPECT_EQ(other.los_id, std::nullopt) << "another course now: the ids no longer describe it";
  EXPECT_EQ(other.loi_id, std::nullopt);
}

}  // namespace
}  // namespace mobility::mobilities
