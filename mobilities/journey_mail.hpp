// Who is told by mail about each step of a mobility, and what the mail carries. Each function
// queues its mails (db/mail_outbox.hpp) on the caller's connection, so inside the caller's
// transaction: a mail exists exactly when the change it announces was committed. Recipients
// without an account (a student not known here) are simply not told; errors are the database's.
//
// The mails' texts are not here: the portal renders each kind in the recipient's language
// (portal/mail/mail_text.hpp) from the parameters written here (ids, names, a link path).
#pragma once

#include <optional>
#include <string>

#include "db/connection.hpp"
#include "mobilities/mobility.hpp"

namespace mobility::mobilities::journey_mail {

// Our outgoing mobility's steps.
enum class OutgoingStep {
  kNominated,              // the student: nominated to the receiving HEI
  kNominationApproved,     // the student and the sending staff: the receiving HEI accepted
  kNominationRejected,     // the same, with the receiving HEI's comment
  kLaSignedByStudent,      // the sending staff: a learning agreement waits for their signature
  kLaSignedByCoordinator,  // the student: ... waits for theirs
  kLaProposed,             // the student: signed by both, now with the receiving HEI
  kLaApproved,             // the student and the sending staff: the receiving HEI signed
  kLaCommented,            // the same, with its comment: a revision is needed
};

// `version`: the learning-agreement version concerned; `comment`: the receiving HEI's.
Status tell_outgoing(db::Connection& connection, const Mobility& mobility, OutgoingStep step,
                     std::optional<int> version = std::nullopt, const std::optional<std::string>& comment = std::nullopt);

// A partner's nomination to one of our HEIs waits for the receiving staff's decision; told once
// per proposal id.
Status tell_incoming_nomination(db::Connection& connection, const std::string& sending_hei_id, const Mobility& copy,
                                const std::string& proposal_id);

// A partner's learning-agreement proposal waits for the receiving staff's approval or comment;
// told once per changes-proposal id.
Status tell_incoming_la(db::Connection& connection, const std::string& sending_hei_id, const Mobility& copy,
                        const std::string& changes_proposal_id);

// Reminds whoever has not signed a learning-agreement draft that was saved `days` or more days
// ago: the student first, then the sending staff; once per draft and signer. Returns how many
// reminders were queued.
Result<int> remind_unsigned_drafts(db::Connection& connection, int days);

}  // namespace mobility::mobilities::journey_mail
