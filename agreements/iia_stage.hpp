// Where an agreement stands, in the words staff use: draft, sent and awaiting the partner, approved
// by one side or both, approval outdated by a later change, terminated, deleted. Derived from our
// copy's state and the approvals of db/iias.hpp (EWP IIAs Approval v2: an approval holds while
// the hash it names is the current one).
#pragma once

#include <optional>
#include <string_view>

#include "db/iias.hpp"

namespace mobility::agreements {

enum class IiaStage {
  kDraft,            // only our staff see it
  kSent,             // served to the partner; nobody approved the current content
  kPartnerApproved,  // the partner approved our current copy; we have not approved theirs
  kWeApproved,       // we approved the partner's current copy; it has not approved ours
  kApprovedByBoth,
  kApprovalOutdated,  // an approval names content that has changed since
  kTerminated,
  kDeleted,
};

// Every stage, in the order above (for filters).
inline constexpr IiaStage kAllStages[] = {IiaStage::kDraft,      IiaStage::kSent,           IiaStage::kPartnerApproved,
                                          IiaStage::kWeApproved, IiaStage::kApprovedByBoth, IiaStage::kApprovalOutdated,
                                          IiaStage::kTerminated, IiaStage::kDeleted};

// The partner approved our current content.
bool partner_approves_current(const db::IiaRecord& record);
// We approved the partner's current copy.
bool we_approve_current(const db::IiaRecord& record);

IiaStage stage_of(const db::IiaRecord& record);

// Both partners approve it now, or approved an earlier version of it (approved_version): such an
// agreement is never deleted, only terminated (EWP IIAs v7).
bool ever_approved_by_both(const db::IiaRecord& record);

// "draft", "sent", "partner_approved", "we_approved", "approved_by_both", "approval_outdated",
// "terminated", "deleted": for URLs and the message keys agreements_stage_<name>.
const char* stage_name(IiaStage stage);
std::optional<IiaStage> stage_from_name(std::string_view name);

}  // namespace mobility::agreements
