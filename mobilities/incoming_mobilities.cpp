#include "mobilities/incoming_mobilities.hpp"

#include "base/text.hpp"
#include "db/institutions.hpp"
#include "db/notifications.hpp"
#include "db/partner_mobilities.hpp"
#include "db/transaction.hpp"
#include "mobilities/incoming_invitations.hpp"
#include "mobilities/journey_mail.hpp"
#include "mobilities/la_rules.hpp"
#include "mobilities/mobility_json.hpp"
#include "mobilities/mobility_rules.hpp"

namespace mobility::mobilities {
namespace {

using Kind = PartnerDecision::Kind;

// The sending HEI serves only its own mobilities, and only to their receiving HEI (us).
Status check_parties(db::Connection& connection, const std::string& sending_hei_id, const Mobility& copy) {
  if (copy.nomination.sending.hei_id != sending_hei_id) {
    return Status::invalid_argument(sending_hei_id + " served mobility " + copy.omobility_id + " of another sending HEI (" +
                                    copy.nomination.sending.hei_id + ")");
  }
  auto hosted = db::is_hosted_hei(connection, copy.nomination.receiving.hei_id);
  if (!hosted) return hosted.status();
  if (!*hosted) {
    return Status::invalid_argument(sending_hei_id + " served mobility " + copy.omobility_id + " to " +
                                    copy.nomination.receiving.hei_id + ", which this node does not host");
  }
  return Status::ok();
}

Result<db::PartnerOMobilityRecord> held_by(db::Connection& connection, const std::string& hei_id,
                                           const std::string& sending_hei_id, const std::string& omobility_id) {
  auto record = db::find_partner_omobility(connection, sending_hei_id, omobility_id);
  if (!record) return record.status();
  if (!*record || (*record)->receiving_hei_id != hei_id || (*record)->gone) {
    return Status::not_found("no incoming mobility " + omobility_id + " from " + sending_hei_id);
  }
  return std::move(**record);
}

Status check_decision(const PartnerDecision& decision) {
  bool needs_comment = decision.kind == Kind::kRejectNomination || decision.kind == Kind::kCommentLa;
  if (needs_comment && (!decision.comment || decision.comment->empty())) {
    return Status::invalid_argument("comment: say why, and what the sending HEI should change");
  }
  if (decision.comment && (decision.comment->size() > 5000 || !is_clean_utf8(*decision.comment))) {
    return Status::invalid_argument("comment: text of at most 5000 bytes");
  }
  bool on_la = decision.kind == Kind::kApproveLa || decision.kind == Kind::kCommentLa;
  if (on_la && !decision.signature) return Status::invalid_argument("signature: an LA decision is signed by our coordinator");
  if (on_la) return problems_status(check_hei_signature(*decision.signature, "signature"));
  return Status::ok();
}

}  // namespace

Result<bool> IncomingMobilities::store_copy(db::Connection& connection, const std::string& sending_hei_id, const Mobility& copy,
                                            const std::string& proposal_id) const {
  if (Status parties = check_parties(connection, sending_hei_id, copy); !parties) return parties;
  auto tx = db::Transaction::begin(connection);
  if (!tx) return tx.status();
  auto known = db::add_partner_hei(connection, sending_hei_id);
  if (!known) return known.status();
  auto changed =
      db::store_partner_omobility(connection, {sending_hei_id, copy.omobility_id, copy.nomination.receiving.hei_id,
                                               copy.nomination.receiving_academic_year_id, nomination_status_name(copy.status),
                                               proposal_id, canonical_text(to_json_value(copy))});
  if (!changed) return changed.status();
  if (*changed) {
    if (Status told = journey_mail::tell_incoming_nomination(connection, sending_hei_id, copy, proposal_id); !told) return told;
  }
  if (Status committed = tx->commit(); !committed) return committed;
  return *changed;
}

Status IncomingMobilities::copy_gone(db::Connection& connection, const std::string& sending_hei_id,
                                     const std::string& omobility_id) const {
  return db::mark_partner_omobility_gone(connection, sending_hei_id, omobility_id);
}

Result<bool> IncomingMobilities::store_la_copy(db::Connection& connection, const std::string& sending_hei_id,
                                               const LearningAgreement& copy) const {
  if (Status parties = check_parties(connection, sending_hei_id, copy.mobility); !parties) return parties;
  nlohmann::json content = {{"mobility", to_json_value(copy.mobility)}};
  if (copy.first_version) content["first_version"] = to_json_value(*copy.first_version);
  if (copy.approved_changes) content["approved_changes"] = to_json_value(*copy.approved_changes);
  if (copy.changes_proposal) content["changes_proposal"] = to_json_value(*copy.changes_proposal);
  auto tx = db::Transaction::begin(connection);
  if (!tx) return tx.status();
  auto changed = db::store_partner_la(connection, sending_hei_id, copy.mobility.omobility_id, canonical_text(content),
                                      copy.changes_proposal_id);
  if (!changed) return changed.status();
  if (*changed && copy.changes_proposal_id) {
    if (Status told = journey_mail::tell_incoming_la(connection, sending_hei_id, copy.mobility, *copy.changes_proposal_id);
        !told) {
      return told;
    }
  }
  if (Status committed = tx->commit(); !committed) return committed;
  return *changed;
}

Status IncomingMobilities::la_copy_gone(db::Connection& connection, const std::string& sending_hei_id,
                                        const std::string& omobility_id) const {
  return db::mark_partner_la_gone(connection, sending_hei_id, omobility_id);
}

Status IncomingMobilities::decide(db::Connection& connection, const std::string& hei_id, const std::string& sending_hei_id,
                                  const std::string& omobility_id, PartnerDecision decision, const Editor& editor) const {
  if (Status checked = check_decision(decision); !checked) return checked;
  auto tx = db::Transaction::begin(connection);
  if (!tx) return tx.status();
  auto held = held_by(connection, hei_id, sending_hei_id, omobility_id);
  if (!held) return held.status();
  bool on_la = decision.kind == Kind::kApproveLa || decision.kind == Kind::kCommentLa;
  if (on_la) {
    if (!held->changes_proposal_id) return Status::conflict("the learning agreement has no changes proposal awaiting a decision");
    decision.proposal_id = *held->changes_proposal_id;
  } else {
    if (held->status == "cancelled") return Status::conflict("the sending HEI cancelled this nomination");
    decision.proposal_id = held->proposal_id;
  }
  decision.decided_by = editor.name;
  if (decision.kind == Kind::kApproveNomination) {
    auto copy = mobility_from_json_text(held->content_json);
    if (!copy) return copy.status();
    if (Status invited = invite_incoming_student(connection, sending_hei_id, *copy); !invited) return invited;
  }
  if (Status queued = db::enqueue_partner_update(connection, update_api_of(decision.kind), hei_id, sending_hei_id, omobility_id,
                                                 decision_to_json_text(decision));
      !queued) {
    return queued;
  }
  return tx->commit();
}

Status IncomingMobilities::record_actual_dates(db::Connection& connection, const std::string& hei_id,
                                               const std::string& sending_hei_id, const std::string& omobility_id,
                                               const std::optional<std::string>& arrival,
                                               const std::optional<std::string>& departure, const Editor&) const {
  for (const auto* date : {&arrival, &departure}) {
    if (*date && !is_date(**date)) return Status::invalid_argument("'" + **date + "' is not a date such as 2026-08-15");
  }
  if (arrival && departure && *departure < *arrival) return Status::invalid_argument("the departure is before the arrival");
  auto tx = db::Transaction::begin(connection);
  if (!tx) return tx.status();
  auto held = held_by(connection, hei_id, sending_hei_id, omobility_id);
  if (!held) return held.status();
  if (Status stored = db::set_actual_dates(connection, sending_hei_id, omobility_id, arrival, departure); !stored) return stored;
  if (Status notified = db::enqueue_outgoing_cnr(connection, "imobility-cnr", hei_id, sending_hei_id, omobility_id); !notified) {
    return notified;
  }
  return tx->commit();
}

}  // namespace mobility::mobilities
