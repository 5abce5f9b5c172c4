// The review workflow of per-agreement information: which step may be taken from which state, by
// which role, and why not. No database here; agreements/information_desk.hpp applies the steps.
//
//   save draft  (editor)    no open version, or a draft → a new draft version; the old draft is superseded
//   submit      (editor)    draft → in_review
//   approve     (reviewer)  in_review → published; the version published before is superseded
//   return      (reviewer)  in_review → draft, with a comment saying what to change
//
// Editors are coordinators and international-office admins; reviewers are international-office
// admins (portal/accounts/authorization.hpp decides who holds which role where). A reviewer never
// approves a version they submitted themselves: review means a second person.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace mobility::agreements {

enum class InformationState { kDraft, kInReview, kPublished, kSuperseded };
enum class ReviewRole { kEditor, kReviewer };
enum class ReviewStep { kSaveDraft, kSubmit, kApprove, kReturn };

// "draft", "in_review", "published", "superseded" and back; nullopt for anything else.
std::string state_name(InformationState state);
std::optional<InformationState> state_from_name(std::string_view name);

// What the workflow needs to know of a destination's versions.
struct ReviewSituation {
  std::optional<InformationState> open_state;      // of the draft or in-review version; nullopt: none
  std::optional<int64_t> submitted_by_account_id;  // who submitted the version in review
};

struct ReviewRefusal {
  std::string message_key;  // "info_refused_in_review"
  std::string text;         // the same in English, for logs and errors
  bool operator==(const ReviewRefusal&) const = default;
};

// Why `account_id` in `role` may not take `step` now; nullopt when it may. `comment` is the
// reviewer's explanation for a return (required there, ignored otherwise).
std::optional<ReviewRefusal> review_refusal(ReviewStep step, ReviewRole role, const ReviewSituation& situation,
                                            int64_t account_id, std::string_view comment = "");

}  // namespace mobility::agreements
