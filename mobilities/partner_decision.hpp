// Our decision on another HEI's nomination or learning agreement, as it waits in the outbox until
// the node calls that HEI's update API (OMobilities update, OMobility LAs update). Stored as the
// outbox row's payload (JSON).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "base/status.hpp"
#include "mobilities/learning_agreement.hpp"

namespace mobility::mobilities {

struct PartnerDecision {
  enum class Kind { kApproveNomination, kRejectNomination, kApproveLa, kCommentLa };
  Kind kind = Kind::kApproveNomination;
  std::string proposal_id;             // the nomination's proposal-id or the LA's changes-proposal id
  std::optional<std::string> comment;  // required for rejections and comments
  std::optional<Signature> signature;  // LA decisions: our coordinator's
  std::string decided_by;              // email of our coordinator, for the history

  bool operator==(const PartnerDecision&) const = default;
};

// The outbox API that carries the decision: "omobilities-update" or "omobility-las-update".
const char* update_api_of(PartnerDecision::Kind kind);

std::string decision_to_json_text(const PartnerDecision& decision);
// kInvalidArgument when the stored text is not a decision.
Result<PartnerDecision> decision_from_json_text(std::string_view text);

}  // namespace mobility::mobilities
