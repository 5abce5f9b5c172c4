// The review workflow's rules table (which step each role may take from each state, and the
// refusals), the content rules of per-agreement information, and its JSON form.
#include <gtest/gtest.h>

#include "agreements/agreement_information.hpp"
#include "agreements/agreement_information_rules.hpp"
#include "agreements/information_review.hpp"

namespace mobility::agreements {
namespace {

constexpr int64_t kPer = 2;
constexpr int64_t kIngrid = 3;

const ReviewSituation kNothing{};
const ReviewSituation kDraft{InformationState::kDraft, std::nullopt};
const ReviewSituation kSubmittedByPer{InformationState::kInReview, kPer};
const ReviewSituation kSubmittedByIngrid{InformationState::kInReview, kIngrid};

struct Rule {
  ReviewStep step;
  ReviewRole role;
  ReviewSituation situation;
  int64_t account_id;
  std::string comment;
  std::string refusal;  // "" when allowed
};

TEST(InformationReview, RulesTable) {
  const std::vector<Rule> rules = {
      {ReviewStep::kSaveDraft, ReviewRole::kEditor, kNothing, kPer, "", ""},
      {ReviewStep::kSaveDraft, ReviewRole::kEditor, kDraft, kPer, "", ""},
      {ReviewStep::kSaveDraft, ReviewRole::kEditor, kSubmittedByPer, kPer, "", "info_refused_in_review"},
      {ReviewStep::kSaveDraft, ReviewRole::kReviewer, kDraft, kIngrid, "", "info_refused_editor_only"},
      {ReviewStep::kSubmit, ReviewRole::kEditor, kDraft, kPer, "", ""},
      {ReviewStep::kSubmit, ReviewRole::kEditor, kNothing, kPer, "", "info_refused_no_draft"},
      {ReviewStep::kSubmit, ReviewRole::kEditor, kSubmittedByPer, kPer, "", "info_refused_in_review"},
      {ReviewStep::kSubmit, ReviewRole::kReviewer, kDraft, kIngrid, "", "info_refused_editor_only"},
      {ReviewStep::kApprove, ReviewRole::kReviewer, kSubmittedByPer, kIngrid, "", ""},
      {ReviewStep::kApprove, ReviewRole::kReviewer, kSubmittedByIngrid, kIngrid, "", "info_refused_own_submission"},
      {ReviewStep::kApprove, ReviewRole::kReviewer, kDraft, kIngrid, "", "info_refused_not_in_review"},
      {ReviewStep::kApprove, ReviewRole::kReviewer, kNothing, kIngrid, "", "info_refused_not_in_review"},
      {ReviewStep::kApprove, ReviewRole::kEditor, kSubmittedByIngrid, kPer, "", "info_refused_reviewer_only"},
      {ReviewStep::kReturn, ReviewRole::kReviewer, kSubmittedByPer, kIngrid, "Add the fees", ""},
      {ReviewStep::kReturn, ReviewRole::kReviewer, kSubmittedByIngrid, kIngrid, "Own work back", ""},
      {ReviewStep::kReturn, ReviewRole::kReviewer, kSubmittedByPer, kIngrid, "  ", "info_refused_comment_required"},
      {ReviewStep::kReturn, ReviewRole::kReviewer, kDraft, kIngrid, "x", "info_refused_not_in_review"},
      {ReviewStep::kReturn, ReviewRole::kEditor, kSubmittedByPer, kPer, "x", "info_refused_reviewer_only"},
  };
  for (size_t i = 0; i < rules.size(); ++i) {
    const Rule& rule = rules[i];
    auto refusal = review_refusal(rule.step, rule.role, rule.situation, rule.account_id, rule.comment);
    EXPECT_EQ(refusal ? refusal->message_key : "", rule.refusal) << "rule " << i;
    if (refusal) {
      EXPECT_FALSE(refusal->text.empty()) << "rule " << i << " says why";
    }
  }
}

TEST(InformationReview, StateNamesRoundTrip) {
  for (auto state :
       {InformationState::kDraft, InformationState::kInReview, InformationState::kPublished, InformationState::kSuperseded}) {
    EXPECT_EQ(state_from_name(state_name(state)), state);
  }
  EXPECT_EQ(state_from_name("approved"), std::nullopt);
}

AgreementInformation lille() {
  AgreementInformation info;
  info.city = "Lille";
  info.country_code = "FR";
  info.study_places = {{"bachelor", "Computer science", "0613", "Faculty of Science", 2, 5}};
  info.autumn_deadline = "03-01";
  info.language_requirements = {{"fr", "B1"}};
  info.links = {{"Courses in English", "https://www.lumiere-nord.example/en/courses"}};
  info.student_reports = {{"Åse B.", "Autumn 2025", "Lille was wonderful."}};
  return info;
}

TEST(AgreementInformationRules, AGoodDocumentHasNoProblemsAndRoundTripsThroughJson) {
  EXPECT_TRUE(check_information(lille()).empty());
  auto back = information_from_json_text(information_to_json(lille()).dump());
  ASSERT_TRUE(back) << back.status().to_string();
  EXPECT_EQ(*back, lille());
  EXPECT_FALSE(information_from_json_text("[1]"));
  EXPECT_FALSE(information_from_json_text("{\"study_places\": 3}"));
  EXPECT_EQ(information_from_json_text("{}")->city, "") << "missing keys read as empty";
}

TEST(AgreementInformationRules, EachProblemNamesItsField) {
  AgreementInformation bad = lille();
  bad.city = " ";
  bad.country_code = "France";
  bad.study_places[0] = {"phd", "", "613", "", 0, 13};
  bad.autumn_deadline = "02-30";
  bad.language_requirements[0] = {"French", "B3"};
  bad.links[0].url = "javascript:alert(1)";
  bad.student_reports[0].text = std::string("bad \x01 byte");
  std::vector<FieldProblem> expected = {{"city", "field_required"},
                                        {"country_code", "info_error_country"},
                                        {"study_places[0].level", "info_error_level"},
                                        {"study_places[0].subject_area", "field_required"},
                                        {"study_places[0].isced_f_code", "info_error_isced"},
                                        {"study_places[0].places", "info_error_places"},
                                        {"study_places[0].months", "info_error_months"},
                                        {"autumn_deadline", "field_error_month_day"},
                                        {"language_requirements[0].language", "info_error_language"},
                                        {"language_requirements[0].cefr_level", "info_error_cefr"},
                                        {"links[0].url", "field_error_url"},
                                        {"student_reports[0].text", "field_invalid_text"}};
  EXPECT_EQ(check_information(bad), expected);
}

}  // namespace
}  // namespace mobility::agreements
