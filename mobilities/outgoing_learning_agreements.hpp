// OutgoingLearningAgreements: the learning agreements of our outgoing mobilities, as the sending
// HEI keeps them (OMobility LAs v1.2). Each operation is one transaction that stores a version or
// its new state, an omobility_event, and, once the receiving HEI can see the change, an LA CNR to
// it in the outbox:
//   save_draft → sign (student, sending coordinator) → proposed: served as the changes-proposal
//   → the receiving HEI approves (first-version, later approved-changes) or comments → a new
//   draft supersedes a commented or awaiting proposal → …
//
// Versions are checked first (la_rules.hpp): a refused one stores nothing and says why
// (kInvalidArgument naming the fields).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "agreements/iia_book.hpp"
#include "db/connection.hpp"
#include "mobilities/learning_agreement.hpp"

namespace mobility::mobilities {

using agreements::Editor;

enum class Signer { kStudent, kSendingHei };

class OutgoingLearningAgreements {
 public:
  // The agreement as served: the mobility, the first approved version, the latest approved
  // changes and the proposal awaiting the receiving HEI (with its id). kNotFound for an unknown
  // mobility; an agreement without versions when none was saved yet.
  Result<LearningAgreement> load(db::Connection& connection, const std::string& omobility_id) const;

  // The draft being prepared (not yet seen by the receiving HEI), or nullopt.
  Result<std::optional<LaVersion>> draft(db::Connection& connection, const std::string& omobility_id) const;

  // Stores `proposal` (its signatures are ignored) as the draft of the next proposal, replacing an
  // earlier draft and its signatures. kInvalidArgument when it breaks a rule; kConflict when the
  // mobility was cancelled. Returns the draft's version number.
  Result<int> save_draft(db::Connection& connection, const std::string& omobility_id, LaVersion proposal,
                         const Editor& editor) const;

  // Signs the draft as `signer`. Once the student and the sending HEI have both signed, the draft
  // becomes the proposal the receiving HEI sees (an earlier one awaiting it is superseded) and the
  // receiving HEI is notified. kNotFound without a draft; kInvalidArgument for an HEI signature
  // without name, position or e-mail, and while the mobility lacks what the receiving HEI needs in
  // an agreement (missing_for_learning_agreement in la_rules.hpp; the message names the fields).
  Status sign_draft(db::Connection& connection, const std::string& omobility_id, Signer signer, const Signature& signature,
                    const Editor& editor) const;

  // The receiving HEI's approval of `changes_proposal_id` (its LAs update call). kNotFound when
  // the agreement is not `sending_hei_id`'s or the caller does not cover its receiving HEI;
  // kConflict when the id is not the current proposal's; kInvalidArgument for a signature
  // without name, position or e-mail.
  Status receive_approval(db::Connection& connection, const std::vector<std::string>& caller_hei_ids,
                          const std::string& sending_hei_id, const std::string& omobility_id,
                          const std::string& changes_proposal_id, const Signature& signature) const;

  // The receiving HEI's comment on (rejection of) the current proposal; the same failures.
  Status receive_comment(db::Connection& connection, const std::vector<std::string>& caller_hei_ids,
                         const std::string& sending_hei_id, const std::string& omobility_id,
                         const std::string& changes_proposal_id, const std::string& comment, const Signature& signature) const;

  // Deletes the agreement while the first version is not signed by all three (kConflict after);
  // the receiving HEI no longer sees it and is notified.
  Status remove(db::Connection& connection, const std::string& omobility_id, const Editor& editor) const;
};

}  // namespace mobility::mobilities
