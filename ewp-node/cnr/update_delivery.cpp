#include "ewp-node/cnr/update_delivery.hpp"

#include "base/log.hpp"
#include "ewp-node/apis/omobilities-v3/omobilities_client.hpp"
#include "ewp-node/apis/omobility-las-v1/las_client.hpp"
#include "ewp-node/cnr/cnr_delivery.hpp"
#include "mobilities/partner_decision.hpp"

namespace mobility::ewp {
namespace {

using Kind = mobilities::PartnerDecision::Kind;

Result<Answered<bool>> send(EwpClient& client, const db::QueuedNotification& item, const mobilities::PartnerDecision& decision) {
  switch (decision.kind) {
    case Kind::kApproveNomination:
    case Kind::kRejectNomination: {
      bool approve = decision.kind == Kind::kApproveNomination;
      return send_omobility_update(client, item.partner_hei_id,
                                   {approve ? OMobilityUpdateRequest::Type::kApprove : OMobilityUpdateRequest::Type::kReject,
                                    item.object_id, decision.proposal_id, decision.comment});
    }
    case Kind::kApproveLa:
    case Kind::kCommentLa: {
      bool approve = decision.kind == Kind::kApproveLa;
      return send_la_update(
          client, {item.partner_hei_id, approve ? LaUpdateRequest::Type::kApprove : LaUpdateRequest::Type::kComment,
                   item.object_id, decision.proposal_id, decision.comment, decision.signature.value_or(mobilities::Signature{})});
    }
  }
  return Status::invalid_argument("unknown decision");
}

const char* refresh_kind(Kind kind) {
  return kind == Kind::kApproveNomination || kind == Kind::kRejectNomination ? "omobility" : "omobility-la";
}

}  // namespace

bool is_partner_update(const std::string& kind) { return kind == "omobilities-update" || kind == "omobility-las-update"; }

WorkOutcome deliver_update(EwpClient& client, db::Connection& connection, const db::QueuedNotification& item) {
  if (!item.payload) return WorkOutcome::give_up("the queued update has no decision");
  auto decision = mobilities::decision_from_json_text(*item.payload);
  if (!decision) return WorkOutcome::give_up("the queued decision cannot be read: " + decision.status().message());
  std::string what = item.partner_hei_id + " " + item.kind;
  auto answered = send(client, item, *decision);
  if (!answered) return outcome_of_failure(answered.status());
  WorkOutcome outcome = answered->http_status == 409
                            ? WorkOutcome::conflict(describe_refusal(what, 409, answered->developer_message))
                            : outcome_of_status(answered->http_status, what, answered->developer_message);
  if (outcome.kind == WorkOutcome::Kind::kDone || outcome.kind == WorkOutcome::Kind::kConflict) {
    // Sending the decision again would not help (a 2xx is done; a 409 again): the partner's own
    // CNR, or the next coordinator visit, fetches the copy when this refresh cannot be queued.
    Status queued = db::enqueue_incoming_cnr(connection, refresh_kind(decision->kind), item.partner_hei_id, item.object_id);
    if (!queued)
      log::warn("refresh_not_queued",
                {{"partner", item.partner_hei_id}, {"object_id", item.object_id}, {"error", queued.message()}});
  }
  return outcome;
}

}  // namespace mobility::ewp
