#include "mobilities/outgoing_mobilities.hpp"

#include <algorithm>

#include "base/secure_random.hpp"
#include "db/institutions.hpp"
#include "db/mobilities.hpp"
#include "db/notifications.hpp"
#include "db/transaction.hpp"
#include "mobilities/journey_mail.hpp"
#include "mobilities/mobility_json.hpp"
#include "mobilities/mobility_rules.hpp"

namespace mobility::mobilities {
namespace {

db::OMobilityRow row_of(const Mobility& mobility, const std::optional<std::string>& student_id = std::nullopt) {
  return {mobility.omobility_id,
          mobility.nomination.sending.hei_id,
          mobility.nomination.receiving.hei_id,
          mobility.nomination.receiving_academic_year_id,
          mobility.student.global_id,
          nomination_status_name(mobility.status),
          nomination_proposal_id(mobility.nomination),
          canonical_text(to_json_value(mobility)),
          student_id};
}

// The stored mobility, locked for the rest of the transaction.
Result<Mobility> locked(db::Connection& connection, const std::string& omobility_id) {
  auto record = db::find_omobility(connection, omobility_id, /*lock=*/true);
  if (!record) return record.status();
  if (!*record) return Status::not_found("no mobility " + omobility_id);
  return mobility_from_json_text((*record)->content_json);
}

// Stores the mobility's new state with its history line and tells the receiving HEI.
Status store(db::Connection& connection, const Mobility& mobility, const std::string& actor, const std::string& event,
             const std::optional<std::string>& comment = std::nullopt) {
  if (Status updated = db::update_omobility(connection, row_of(mobility)); !updated) return updated;
  if (Status added = db::add_omobility_event(connection, mobility.omobility_id,
                                             {"", actor, event, std::nullopt, comment, canonical_text(to_json_value(mobility))});
      !added) {
    return added;
  }
  return db::enqueue_outgoing_cnr(connection, "omobility-cnr", mobility.nomination.sending.hei_id,
                                  mobility.nomination.receiving.hei_id, mobility.omobility_id);
}

}  // namespace

Result<std::string> OutgoingMobilities::nominate(db::Connection& connection, Mobility mobility, const Editor& editor,
                                                 const std::optional<std::string>& student_id) const {
  if (mobility.omobility_id.empty()) mobility.omobility_id = new_uuid();
  mobility.status = NominationStatus::kPending;
  mobility.decision_comment.reset();
  mobility.actual_arrival_date.reset();
  mobility.actual_departure_date.reset();
  if (Status checked = problems_status(check_mobility(mobility)); !checked) return checked;
  auto tx = db::Transaction::begin(connection);
  if (!tx) return tx.status();
  auto known = db::add_partner_hei(connection, mobility.nomination.receiving.hei_id);
  if (!known) return known.status();
  if (Status inserted = db::insert_omobility(connection, row_of(mobility, student_id)); !inserted) {
    if (inserted.sqlstate() == "23505") return Status::conflict("mobility id " + mobility.omobility_id + " is taken");
    if (inserted.sqlstate() == "23503") {
      return Status::invalid_argument("nomination.sending.hei_id: " + mobility.nomination.sending.hei_id + " is not hosted here");
    }
    return inserted;
  }
  if (Status added = db::add_omobility_event(
          connection, mobility.omobility_id,
          {"", editor.name, "nominated", std::nullopt, std::nullopt, canonical_text(to_json_value(mobility))});
      !added) {
    return added;
  }
  if (Status notified = db::enqueue_outgoing_cnr(connection, "omobility-cnr", mobility.nomination.sending.hei_id,
                                                 mobility.nomination.receiving.hei_id, mobility.omobility_id);
      !notified) {
    return notified;
  }
  if (Status told = journey_mail::tell_outgoing(connection, mobility, journey_mail::OutgoingStep::kNominated); !told) return told;
  if (Status committed = tx->commit(); !committed) return committed;
  return mobility.omobility_id;
}

Status OutgoingMobilities::change(db::Connection& connection, Mobility after, const Editor& editor) const {
  auto tx = db::Transaction::begin(connection);
  if (!tx) return tx.status();
  auto before = locked(connection, after.omobility_id);
  if (!before) return before.status();
  if (before->status == NominationStatus::kCancelled)
    return Status::conflict("mobility " + after.omobility_id + " was cancelled");
  after.status = before->status;
  after.decision_comment = before->decision_comment;
  after.actual_arrival_date = before->actual_arrival_date;
  after.actual_departure_date = before->actual_departure_date;
  if (Status checked = problems_status(check_mobility_change(*before, after)); !checked) return checked;
  if (Status checked = problems_status(check_mobility(after)); !checked) return checked;
  if (after == *before) return Status::ok();
  std::string event = "changed";
  if (after.nomination != before->nomination && after.status == NominationStatus::kRejected) {
    after.status = NominationStatus::kPending;
    after.decision_comment.reset();
    event = "changed and nominated again";
  }
  if (Status stored = store(connection, after, editor.name, event); !stored) return stored;
  return tx->commit();
}

Status OutgoingMobilities::cancel(db::Connection& connection, const std::string& omobility_id, const Editor& editor,
                                  const std::string& reason) const {
  auto tx = db::Transaction::begin(connection);
  if (!tx) return tx.status();
  auto mobility = locked(connection, omobility_id);
  if (!mobility) return mobility.status();
  if (mobility->status == NominationStatus::kCancelled)
    return Status::conflict("mobility " + omobility_id + " was cancelled already");
  mobility->status = NominationStatus::kCancelled;
  if (Status stored = store(connection, *mobility, editor.name, "cancelled", reason); !stored) return stored;
  return tx->commit();
}

Status OutgoingMobilities::receive_decision(db::Connection& connection, const std::vector<std::string>& caller_hei_ids,
                                            const std::string& omobility_id, const std::string& proposal_id,
                                            NominationDecision decision, const std::optional<std::string>& comment) const {
  bool rejecting = decision == NominationDecision::kReject;
  if (rejecting && (!comment || comment->empty())) return Status::invalid_argument("a rejection needs a comment");
  auto tx = db::Transaction::begin(connection);
  if (!tx) return tx.status();
  auto mobility = locked(connection, omobility_id);
  if (!mobility) return mobility.status();
  const std::string& receiver = mobility->nomination.receiving.hei_id;
  if (std::find(caller_hei_ids.begin(), caller_hei_ids.end(), receiver) == caller_hei_ids.end()) {
    return Status::not_found("no mobility " + omobility_id + " for you");
  }
  if (mobility->status == NominationStatus::kCancelled)
    return Status::conflict("the nomination was cancelled by its sending HEI");
  if (proposal_id != nomination_proposal_id(mobility->nomination)) {
    return Status::conflict("the nomination has changed since you fetched it; fetch it again and decide on the new one");
  }
  mobility->status = rejecting ? NominationStatus::kRejected : NominationStatus::kApproved;
  mobility->decision_comment = rejecting ? comment : std::nullopt;
  std::string event = std::string(rejecting ? "rejected" : "approved") + " by " + receiver;
  if (Status stored = store(connection, *mobility, "partner " + receiver, event, comment); !stored) return stored;
  auto step = rejecting ? journey_mail::OutgoingStep::kNominationRejected : journey_mail::OutgoingStep::kNominationApproved;
  if (Status told = journey_mail::tell_outgoing(connection, *mobility, step, std::nullopt, comment); !told) return told;
  return tx->commit();
}

Status OutgoingMobilities::receive_actual_dates(db::Connection& connection, const std::string& receiving_hei_id,
                                                const std::string& omobility_id, const std::optional<std::string>& arrival,
                                                const std::optional<std::string>& departure) const {
  auto tx = db::Transaction::begin(connection);
  if (!tx) return tx.status();
  auto mobility = locked(connection, omobility_id);
  if (!mobility) return mobility.status();
  if (mobility->nomination.receiving.hei_id != receiving_hei_id)
    return Status::not_found("no mobility " + omobility_id + " to " + receiving_hei_id);
  if (mobility->actual_arrival_date == arrival && mobility->actual_departure_date == departure) return Status::ok();
  mobility->actual_arrival_date = arrival;
  mobility->actual_departure_date = departure;
  if (Status checked = problems_status(check_mobility(*mobility)); !checked) return checked;
  if (Status updated = db::update_omobility(connection, row_of(*mobility)); !updated) return updated;
  if (Status added = db::add_omobility_event(connection, omobility_id,
                                             {"", "partner " + receiving_hei_id, "actual dates recorded by " + receiving_hei_id,
                                              std::nullopt, std::nullopt, canonical_text(to_json_value(*mobility))});
      !added) {
    return added;
  }
  return tx->commit();
}

Result<Mobility> OutgoingMobilities::load(db::Connection& connection, const std::string& omobility_id) const {
  auto record = db::find_omobility(connection, omobility_id);
  if (!record) return record.status();
  if (!*record) return Status::not_found("no mobility " + omobility_id);
  return mobility_from_json_text((*record)->content_json);
}

}  // namespace mobility::mobilities
