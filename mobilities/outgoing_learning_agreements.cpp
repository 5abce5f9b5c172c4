#include "mobilities/outgoing_learning_agreements.hpp"

#include <algorithm>

#include "db/learning_agreements.hpp"
#include "db/mobilities.hpp"
#include "db/notifications.hpp"
#include "db/transaction.hpp"
#include "mobilities/journey_mail.hpp"
#include "mobilities/la_rules.hpp"
#include "mobilities/mobility_json.hpp"

namespace mobility::mobilities {
namespace {

bool is_awaiting(const db::LaVersionRecord& version) { return version.state == "proposed" || version.state == "commented"; }

// The agreement as served, from the mobility's content and its versions.
Result<LearningAgreement> assemble(const Mobility& mobility, const std::vector<db::LaVersionRecord>& versions) {
  LearningAgreement la{mobility, {}, {}, {}, {}};
  for (const db::LaVersionRecord& record : versions) {
    if (record.state != "approved" && !is_awaiting(record)) continue;
    auto version = la_version_from_json_text(record.content_json);
    if (!version) return version.status();
    if (record.state == "approved" && !la.first_version) {
      la.first_version = std::move(*version);
    } else if (record.state == "approved") {
      la.approved_changes = std::move(*version);
    } else {
      la.changes_proposal = std::move(*version);
      la.changes_proposal_id = record.changes_proposal_id;
    }
  }
  return la;
}

const db::LaVersionRecord* find_version(const std::vector<db::LaVersionRecord>& versions,
                                        bool (*wanted)(const db::LaVersionRecord&)) {
  auto found = std::find_if(versions.begin(), versions.end(), wanted);
  return found == versions.end() ? nullptr : &*found;
}

bool is_draft(const db::LaVersionRecord& version) { return version.state == "draft"; }

// Everything an operation needs, read under the agreement's lock.
struct Locked {
  Mobility mobility;
  std::vector<db::LaVersionRecord> versions;
};

Result<Locked> lock(db::Connection& connection, const std::string& omobility_id) {
  auto record = db::find_omobility(connection, omobility_id, /*lock=*/true);
  if (!record) return record.status();
  if (!*record) return Status::not_found("no mobility " + omobility_id);
  auto mobility = mobility_from_json_text((*record)->content_json);
  if (!mobility) return mobility.status();
  if (Status locked = db::lock_learning_agreement(connection, omobility_id); !locked) return locked;
  auto versions = db::list_la_versions(connection, omobility_id);
  if (!versions) return versions.status();
  return Locked{std::move(*mobility), std::move(*versions)};
}

Status record(db::Connection& connection, const Mobility& mobility, const std::string& actor, const std::string& event,
              int version, const std::optional<std::string>& comment, bool notify) {
  if (Status added =
          db::add_omobility_event(connection, mobility.omobility_id, {"", actor, event, version, comment, std::nullopt});
      !added) {
    return added;
  }
  if (Status touched = db::touch_learning_agreement(connection, mobility.omobility_id, notify); !touched) return touched;
  if (!notify) return Status::ok();
  return db::enqueue_outgoing_cnr(connection, "omobility-la-cnr", mobility.nomination.sending.hei_id,
                                  mobility.nomination.receiving.hei_id, mobility.omobility_id);
}

// The receiving HEI's decision on the current proposal: the checks both decisions share.
Result<std::pair<Locked, const db::LaVersionRecord*>> decidable(db::Connection& connection,
                                                                const std::vector<std::string>& caller_hei_ids,
                                                                const std::string& sending_hei_id,
                                                                const std::string& omobility_id,
                                                                const std::string& changes_proposal_id) {
  auto locked = lock(connection, omobility_id);
  if (!locked) return locked.status();
  const Nomination& nomination = locked->mobility.nomination;
  bool covered = std::find(caller_hei_ids.begin(), caller_hei_ids.end(), nomination.receiving.hei_id) != caller_hei_ids.end();
  if (nomination.sending.hei_id != sending_hei_id || !covered) {
    return Status::not_found("no learning agreement " + omobility_id + " of " + sending_hei_id + " for you");
  }
  const db::LaVersionRecord* proposal = find_version(locked->versions, is_awaiting);
  if (proposal == nullptr) {
    if (!std::any_of(locked->versions.begin(), locked->versions.end(), [](const auto& v) { return v.state == "approved"; })) {
      return Status::not_found("no learning agreement " + omobility_id + " of " + sending_hei_id + " for you");
    }
    return Status::conflict("there is no changes proposal awaiting your decision any more; fetch the agreement again");
  }
  if (proposal->changes_proposal_id != changes_proposal_id) {
    return Status::conflict(
        "the changes proposal has changed since you fetched it; fetch the agreement again and decide on the new one");
  }
  return std::pair<Locked, const db::LaVersionRecord*>(std::move(*locked), proposal);
}

}  // namespace

Result<LearningAgreement> OutgoingLearningAgreements::load(db::Connection& connection, const std::string& omobility_id) const {
  auto record = db::find_omobility(connection, omobility_id);
  if (!record) return record.status();
  if (!*record) return Status::not_found("no mobility " + omobility_id);
  auto mobility = mobility_from_json_text((*record)->content_json);
  if (!mobility) return mobility.status();
  auto versions = db::list_la_versions(connection, omobility_id);
  if (!versions) return versions.status();
  return assemble(*mobility, *versions);
}

Result<std::optional<LaVersion>> OutgoingLearningAgreements::draft(db::Connection& connection,
                                                                   const std::string& omobility_id) const {
  auto versions = db::list_la_versions(connection, omobility_id);
  if (!versions) return versions.status();
  const db::LaVersionRecord* found = find_version(*versions, is_draft);
  if (found == nullptr) return std::optional<LaVersion>();
  auto version = la_version_from_json_text(found->content_json);
  if (!version) return version.status();
  return std::optional<LaVersion>(std::move(*version));
}

Result<int> OutgoingLearningAgreements::save_draft(db::Connection& connection, const std::string& omobility_id,
                                                   LaVersion proposal, const Editor& editor) const {
  proposal.student_signature.reset();
  proposal.sending_signature.reset();
  proposal.receiving_signature.reset();
  auto tx = db::Transaction::begin(connection);
  if (!tx) return tx.status();
  auto locked = lock(connection, omobility_id);
  if (!locked) return locked.status();
  if (locked->mobility.status == NominationStatus::kCancelled)
    return Status::conflict("mobility " + omobility_id + " was cancelled");
  auto la = assemble(locked->mobility, locked->versions);
  if (!la) return la.status();
  if (Status checked = problems_status(check_proposal(*la, proposal)); !checked) return checked;
  std::string content = canonical_text(to_json_value(proposal));
  std::string id = changes_proposal_id(proposal);
  const db::LaVersionRecord* existing = find_version(locked->versions, is_draft);
  int version = existing ? existing->version : (locked->versions.empty() ? 1 : locked->versions.back().version + 1);
  Status stored = existing ? db::update_la_draft(connection, omobility_id, version, content, id)
                           : db::insert_la_version(connection, omobility_id, version, content, id, "draft");
  if (!stored) return stored;
  if (Status recorded =
          record(connection, locked->mobility, editor.name, "learning agreement draft saved", version, std::nullopt, false);
      !recorded) {
    return recorded;
  }
  if (Status committed = tx->commit(); !committed) return committed;
  return version;
}

Status OutgoingLearningAgreements::sign_draft(db::Connection& connection, const std::string& omobility_id, Signer signer,
                                              const Signature& signature, const Editor& editor) const {
  if (signer == Signer::kSendingHei) {
    if (Status checked = problems_status(check_hei_signature(signature, "sending_signature")); !checked) return checked;
  }
  auto tx = db::Transaction::begin(connection);
  if (!tx) return tx.status();
  auto locked = lock(connection, omobility_id);
  if (!locked) return locked.status();
  const db::LaVersionRecord* found = find_version(locked->versions, is_draft);
  if (found == nullptr) return Status::not_found("learning agreement " + omobility_id + " has no draft to sign");
  if (auto missing = missing_for_learning_agreement(locked->mobility); !missing.empty()) {
    std::string fields;
    for (const std::string& field : missing) fields += (fields.empty() ? "" : ", ") + field;
    return Status::invalid_argument("the receiving HEI cannot be sent a learning agreement without " + fields);
  }
  auto draft = la_version_from_json_text(found->content_json);
  if (!draft) return draft.status();
  (signer == Signer::kStudent ? draft->student_signature : draft->sending_signature) = signature;
  std::string who = signer == Signer::kStudent ? "the student" : "the sending coordinator";
  if (Status stored = db::update_la_draft(connection, omobility_id, found->version, canonical_text(to_json_value(*draft)),
                                          found->changes_proposal_id);
      !stored) {
    return stored;
  }
  bool complete = check_signed_by_sender(*draft).empty();
  if (complete) {
    if (const db::LaVersionRecord* awaiting = find_version(locked->versions, is_awaiting)) {
      if (Status superseded = db::set_la_version_state(connection, omobility_id, awaiting->version, "superseded"); !superseded) {
        return superseded;
      }
    }
    if (Status proposed = db::set_la_version_state(connection, omobility_id, found->version, "proposed"); !proposed)
      return proposed;
  }
  std::string event = "learning agreement signed by " + who + (complete ? " and proposed to the receiving HEI" : "");
  if (Status recorded = record(connection, locked->mobility, editor.name, event, found->version, std::nullopt, complete);
      !recorded) {
    return recorded;
  }
  using journey_mail::OutgoingStep;
  OutgoingStep step = complete                     ? OutgoingStep::kLaProposed
                      : signer == Signer::kStudent ? OutgoingStep::kLaSignedByStudent
                                                   : OutgoingStep::kLaSignedByCoordinator;
  if (Status told = journey_mail::tell_outgoing(connection, locked->mobility, step, found->version); !told) return told;
  return tx->commit();
}

Status OutgoingLearningAgreements::receive_approval(db::Connection& connection, const std::vector<std::string>& caller_hei_ids,
                                                    const std::string& sending_hei_id, const std::string& omobility_id,
                                                    const std::string& changes_proposal_id, const Signature& signature) const {
  if (Status checked = problems_status(check_hei_signature(signature, "signature")); !checked) return checked;
  auto tx = db::Transaction::begin(connection);
  if (!tx) return tx.status();
  auto decided = decidable(connection, caller_hei_ids, sending_hei_id, omobility_id, changes_proposal_id);
  if (!decided) return decided.status();
  auto& [locked, proposal] = *decided;
  auto version = la_version_from_json_text(proposal->content_json);
  if (!version) return version.status();
  version->receiving_signature = signature;
  if (Status signed_ =
          db::replace_la_version_content(connection, omobility_id, proposal->version, canonical_text(to_json_value(*version)));
      !signed_) {
    return signed_;
  }
  if (Status approved = db::set_la_version_state(connection, omobility_id, proposal->version, "approved"); !approved)
    return approved;
  std::string receiver = locked.mobility.nomination.receiving.hei_id;
  if (Status recorded = record(connection, locked.mobility, "partner " + receiver, "learning agreement approved by " + receiver,
                               proposal->version, std::nullopt, true);
      !recorded) {
    return recorded;
  }
  if (Status told =
          journey_mail::tell_outgoing(connection, locked.mobility, journey_mail::OutgoingStep::kLaApproved, proposal->version);
      !told) {
    return told;
  }
  return tx->commit();
}

Status OutgoingLearningAgreements::receive_comment(db::Connection& connection, const std::vector<std::string>& caller_hei_ids,
                                                   const std::string& sending_hei_id, const std::string& omobility_id,
                                                   const std::string& changes_proposal_id, const std::string& comment,
                                                   const Signature& signature) const {
  if (comment.empty()) return Status::invalid_argument("a comment is required");
  if (Status checked = problems_status(check_hei_signature(signature, "signature")); !checked) return checked;
  auto tx = db::Transaction::begin(connection);
  if (!tx) return tx.status();
  auto decided = decidable(connection, caller_hei_ids, sending_hei_id, omobility_id, changes_proposal_id);
  if (!decided) return decided.status();
  auto& [locked, proposal] = *decided;
  if (Status commented = db::set_la_version_state(connection, omobility_id, proposal->version, "commented", comment);
      !commented) {
    return commented;
  }
  std::string receiver = locked.mobility.nomination.receiving.hei_id;
  std::string signer = signature.signer_name.value_or(receiver);
  if (Status recorded =
          record(connection, locked.mobility, "partner " + receiver,
                 "learning agreement commented by " + signer + " (" + receiver + ")", proposal->version, comment, true);
      !recorded) {
    return recorded;
  }
  if (Status told = journey_mail::tell_outgoing(connection, locked.mobility, journey_mail::OutgoingStep::kLaCommented,
                                                proposal->version, comment);
      !told) {
    return told;
  }
  return tx->commit();
}

Status OutgoingLearningAgreements::remove(db::Connection& connection, const std::string& omobility_id,
                                          const Editor& editor) const {
  auto tx = db::Transaction::begin(connection);
  if (!tx) return tx.status();
  auto locked = lock(connection, omobility_id);
  if (!locked) return locked.status();
  auto la = assemble(locked->mobility, locked->versions);
  if (!la) return la.status();
  if (!may_delete(*la)) {
    return Status::conflict("the learning agreement was signed by the student and both HEIs; it can no longer be deleted");
  }
  if (Status withdrawn = db::withdraw_learning_agreement(connection, omobility_id); !withdrawn) return withdrawn;
  if (Status added = db::add_omobility_event(
          connection, omobility_id, {"", editor.name, "learning agreement deleted", std::nullopt, std::nullopt, std::nullopt});
      !added) {
    return added;
  }
  if (Status notified = db::enqueue_outgoing_cnr(connection, "omobility-la-cnr", locked->mobility.nomination.sending.hei_id,
                                                 locked->mobility.nomination.receiving.hei_id, omobility_id);
      !notified) {
    return notified;
  }
  return tx->commit();
}

}  // namespace mobility::mobilities
