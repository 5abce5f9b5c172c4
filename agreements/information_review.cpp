#include "agreements/information_review.hpp"

#include "base/text.hpp"

namespace mobility::agreements {
namespace {

constexpr std::pair<InformationState, const char*> kStateNames[] = {{InformationState::kDraft, "draft"},
                                                                    {InformationState::kInReview, "in_review"},
                                                                    {InformationState::kPublished, "published"},
                                                                    {InformationState::kSuperseded, "superseded"}};

ReviewRefusal refused(const char* key, const char* text) { return {key, text}; }

bool is_editing_step(ReviewStep step) { return step == ReviewStep::kSaveDraft || step == ReviewStep::kSubmit; }

std::optional<ReviewRefusal> role_refusal(ReviewStep step, ReviewRole role) {
  if (is_editing_step(step) && role != ReviewRole::kEditor) {
    return refused("info_refused_editor_only", "only coordinators and the international office edit and submit");
  }
  if (!is_editing_step(step) && role != ReviewRole::kReviewer) {
    return refused("info_refused_reviewer_only", "only an international-office admin approves or returns");
  }
  return std::nullopt;
}

std::optional<ReviewRefusal> state_refusal(ReviewStep step, const ReviewSituation& situation) {
  bool in_review = situation.open_state == InformationState::kInReview;
  switch (step) {
    case ReviewStep::kSaveDraft:
      if (in_review) return refused("info_refused_in_review", "the information is in review; wait for the decision");
      return std::nullopt;
    case ReviewStep::kSubmit:
      if (in_review) return refused("info_refused_in_review", "the information is already in review");
      if (!situation.open_state) return refused("info_refused_no_draft", "there is no draft to submit");
      return std::nullopt;
    case ReviewStep::kApprove:
    case ReviewStep::kReturn:
      if (!in_review) return refused("info_refused_not_in_review", "no version of this information is in review");
      return std::nullopt;
  }
  return std::nullopt;
}

}  // namespace

std::string state_name(InformationState state) {
  for (const auto& [known, name] : kStateNames) {
    if (known == state) return name;
  }
  return "";
}

std::optional<InformationState> state_from_name(std::string_view name) {
  for (const auto& [state, known] : kStateNames) {
    if (name == known) return state;
  }
  return std::nullopt;
}

std::optional<ReviewRefusal> review_refusal(ReviewStep step, ReviewRole role, const ReviewSituation& situation,
                                            int64_t account_id, std::string_view comment) {
  if (auto refusal = role_refusal(step, role)) return refusal;
  if (auto refusal = state_refusal(step, situation)) return refusal;
  if (step == ReviewStep::kApprove && situation.submitted_by_account_id == account_id) {
    return refused("info_refused_own_submission", "a second person reviews: you submitted this version yourself");
  }
  if (step == ReviewStep::kReturn && trim_blanks(comment).empty()) {
    return refused("info_refused_comment_required", "say what should change when you return the information");
  }
  return std::nullopt;
}

}  // namespace mobility::agreements
