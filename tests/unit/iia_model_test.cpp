// The agreement model without XML: its stored JSON form, the rules a person can break in a form,
// and the field-by-field comparison of two versions.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <regex>

#include "agreements/iia_book.hpp"
#include "agreements/iia_json.hpp"
#include "agreements/iia_rules.hpp"
#include "agreements/version_diff.hpp"
#include "tests/support/iia_samples.hpp"

namespace mobility::agreements {
namespace {

using ::testing::ElementsAre;
using ::testing::Field;
using testing::sample_iia;

std::vector<std::string> problem_fields(const Iia& iia) {
  std::vector<std::string> fields;
  for (const auto& problem : check_iia(iia)) fields.push_back(problem.field + " " + problem.message_key);
  return fields;
}

TEST(IiaJson, EveryFieldSurvivesTheStoredForm) {
  Iia iia = sample_iia();
  iia.partners[1].iia_id = "partner-17";
  iia.partners[0].signing_date = "2026-03-01";
  iia.terminated_as_a_whole = true;
  iia.pdf_file = "file-1";
  iia.mobility_specs[0].mobilities_per_year_not_yet_defined = true;
  iia.mobility_specs[0].subject_areas[0].v6_value = "061";
  iia.mobility_specs[1].recommended_language_skills[0].subject_area = SubjectArea{"0613", std::nullopt, std::nullopt};
  iia.mobility_specs[1].recommended_language_skills[1].not_yet_defined = true;
  iia.mobility_specs[1].other_info_terms = "Housing guaranteed";
  iia.mobility_specs[1].blended = true;
  auto text = iia_to_json(iia).dump();
  auto back = iia_from_json_text(text);
  ASSERT_TRUE(back) << back.status().to_string();
  EXPECT_EQ(*back, iia);
}

TEST(IiaJson, BrokenStoredDocumentsAreErrorsNotCrashes) {
  EXPECT_FALSE(iia_from_json_text("not json"));
  EXPECT_FALSE(iia_from_json_text("[]"));
  EXPECT_FALSE(iia_from_json_text(R"({"partners": 3, "mobility_specs": []})"));
  auto unknown_type = iia_from_json_text(R"({"partners": [], "mobility_specs": [{"type": "student-holidays"}]})");
  ASSERT_FALSE(unknown_type);
  EXPECT_THAT(unknown_type.status().message(), ::testing::HasSubstr("student-holidays"));
}

TEST(IiaRules, TheSampleIsAcceptable) { EXPECT_THAT(problem_fields(sample_iia()), ElementsAre()); }

TEST(IiaRules, EachMistakeIsNamedByItsField) {
  Iia iia = sample_iia();
  iia.mobility_specs[0].receiving_first_academic_year_id = "2029/2030";
  iia.mobility_specs[0].subject_areas[0].isced_f_code = "61";
  iia.mobility_specs[1].receiving_hei_id = "elsewhere.example";
  iia.mobility_specs[1].recommended_language_skills[0].cefr_level = "D1";
  iia.mobility_specs[2].recommended_language_skills.clear();
  iia.mobility_specs[2].total_months_per_year = "2";
  EXPECT_THAT(problem_fields(iia), ElementsAre("mobility_specs[0].receiving_last_academic_year_id iia_error_years_order",
                                               "mobility_specs[0].subject_areas[0].isced_f_code iia_error_isced",
                                               "mobility_specs[1].receiving_hei_id iia_error_spec_partner",
                                               "mobility_specs[1].recommended_language_skills[0].cefr_level iia_error_cefr",
                                               "mobility_specs[2].recommended_language_skills iia_error_language_needed",
                                               "mobility_specs[2].type iia_error_student_fields"));
}

TEST(IiaRules, PartnersAndConditionsAreRequired) {
  Iia iia = sample_iia();
  iia.partners[1].hei_id = "fjordland.example";
  iia.mobility_specs.clear();
  EXPECT_THAT(problem_fields(iia), ElementsAre("partners[1].hei_id iia_error_partner_same", "mobility_specs iia_error_no_specs"));
  iia.partners.pop_back();
  EXPECT_THAT(problem_fields(iia), ElementsAre("partners iia_error_partners", "mobility_specs iia_error_no_specs"));
}

TEST(IiaRules, AcademicYearsAndDecimals) {
  EXPECT_TRUE(is_academic_year_id("2026/2027"));
  EXPECT_TRUE(is_academic_year_id("2010/2010"));  // calendar-year (southern hemisphere) HEIs
  EXPECT_FALSE(is_academic_year_id("2026/2028"));
  EXPECT_FALSE(is_academic_year_id("test/test"));
  EXPECT_FALSE(is_academic_year_id("2026-2027"));
  Iia iia = sample_iia();
  for (const char* bad : {"0", "0.0", "-1", "4.555", "five"}) {
    iia.mobility_specs[0].total_months_per_year = bad;
    EXPECT_THAT(problem_fields(iia), ElementsAre("mobility_specs[0].total_months_per_year iia_error_months")) << bad;
  }
  iia.mobility_specs[0].total_months_per_year = "4.5";
  EXPECT_TRUE(check_iia(iia).empty());
}

TEST(IiaDiff, NamesEveryChangedAddedAndRemovedField) {
  Iia before = sample_iia();
  Iia after = before;
  after.mobility_specs[0].mobilities_per_year = 3;
  after.mobility_specs[1].recommended_language_skills.pop_back();
  after.partners[1].iia_id = "partner-17";
  auto differences = diff_documents(iia_to_json(before), iia_to_json(after));
  EXPECT_THAT(differences,
              ElementsAre(FieldDifference{"mobility_specs[0].mobilities_per_year", "2", "3"},
                          FieldDifference{"mobility_specs[1].recommended_language_skills[1].cefr_level", "A2", std::nullopt},
                          FieldDifference{"mobility_specs[1].recommended_language_skills[1].language", "nb", std::nullopt},
                          FieldDifference{"partners[1].iia_id", std::nullopt, "partner-17"}));
  EXPECT_TRUE(diff_documents(iia_to_json(before), iia_to_json(before)).empty());
}

TEST(IiaDiff, PathWithinMatchesWholeSegmentsOnly) {
  EXPECT_TRUE(path_within("partners[1].iia_id", "partners[1]"));
  EXPECT_TRUE(path_within("partners[1]", "partners[1]"));
  EXPECT_FALSE(path_within("partners[10].iia_id", "partners[1]"));
  EXPECT_FALSE(path_within("partners", "partners[1]"));
}

TEST(IiaModel, SpecsAreSortedByTypeKeepingTheEnteredOrder) {
  Iia iia = sample_iia();
  std::rotate(iia.mobility_specs.begin(), iia.mobility_specs.begin() + 2, iia.mobility_specs.end());  // teaching first
  sort_mobility_specs(iia);
  EXPECT_EQ(iia.mobility_specs[0].sending_hei_id, "fjordland.example");
  EXPECT_EQ(iia.mobility_specs[1].sending_hei_id, "uni-a.example");
  EXPECT_EQ(iia.mobility_specs[2].type, MobilityType::kStaffTeacher);
}

TEST(IiaModel, NewIdsAreRandomVersion4Uuids) {
  std::regex uuid("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
  std::string first = new_iia_id();
  EXPECT_TRUE(std::regex_match(first, uuid)) << first;
  EXPECT_NE(first, new_iia_id());
}

}  // namespace
}  // namespace mobility::agreements
