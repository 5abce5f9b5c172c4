#include "mobilities/journey_mail.hpp"

#include <nlohmann/json.hpp>

#include <vector>

#include "db/mail_outbox.hpp"
#include "db/mobilities.hpp"
#include "mobilities/mobility_json.hpp"

namespace mobility::mobilities::journey_mail {
namespace {

enum class Audience { kStudent, kSendingStaff, kReceivingStaff };

struct Mail {
  std::string kind;
  std::vector<Audience> audiences;
};

Mail mail_of(OutgoingStep step) {
  switch (step) {
    case OutgoingStep::kNominated: return {"nominated", {Audience::kStudent}};
    case OutgoingStep::kNominationApproved:
    case OutgoingStep::kNominationRejected: return {"nomination_decided", {Audience::kStudent, Audience::kSendingStaff}};
    case OutgoingStep::kLaSignedByStudent: return {"la_to_sign", {Audience::kSendingStaff}};
    case OutgoingStep::kLaSignedByCoordinator: return {"la_to_sign", {Audience::kStudent}};
    case OutgoingStep::kLaProposed: return {"la_proposed", {Audience::kStudent}};
    case OutgoingStep::kLaApproved:
    case OutgoingStep::kLaCommented: return {"la_decided", {Audience::kStudent, Audience::kSendingStaff}};
  }
  return {"", {}};
}

const char* decision_of(OutgoingStep step) {
  switch (step) {
    case OutgoingStep::kNominationApproved:
    case OutgoingStep::kLaApproved: return "approved";
    case OutgoingStep::kNominationRejected: return "rejected";
    case OutgoingStep::kLaCommented: return "commented";
    default: return nullptr;
  }
}

std::string student_name(const Mobility& mobility) { return mobility.student.given_names + " " + mobility.student.family_name; }

// The page each audience opens to act on the mobility.
std::string link_for(Audience audience, const std::string& sending_hei_id, const std::string& omobility_id) {
  switch (audience) {
    case Audience::kStudent: return "/my-exchange/mobilities/" + omobility_id;
    case Audience::kSendingStaff: return "/mobilities/outgoing/" + omobility_id;
    case Audience::kReceivingStaff: return "/mobilities/incoming/" + sending_hei_id + "/" + omobility_id;
  }
  return "/";
}

Result<std::vector<int64_t>> recipients(db::Connection& connection, Audience audience, const Mobility& mobility) {
  const Nomination& nomination = mobility.nomination;
  if (audience == Audience::kSendingStaff) {
    return db::staff_to_tell(connection, nomination.sending.hei_id, nomination.sending.ounit_id);
  }
  if (audience == Audience::kReceivingStaff) {
    return db::staff_to_tell(connection, nomination.receiving.hei_id, nomination.receiving.ounit_id);
  }
  auto record = db::find_omobility(connection, mobility.omobility_id);
  if (!record) return record.status();
  if (!*record || !(*record)->student_id) return std::vector<int64_t>();
  return db::student_accounts(connection, nomination.sending.hei_id, *(*record)->student_id);
}

// Queues `kind` for every account of each audience; `parameters` gets the link and audience.
// Returns how many mails were queued (a used dedupe key queues none).
Result<int> queue(db::Connection& connection, const Mobility& mobility, const std::string& kind,
                  const std::vector<Audience>& audiences, nlohmann::json parameters,
                  const std::optional<std::string>& dedupe_key) {
  const Nomination& nomination = mobility.nomination;
  parameters["omobility_id"] = mobility.omobility_id;
  parameters["student"] = student_name(mobility);
  parameters["sending_hei_id"] = nomination.sending.hei_id;
  parameters["receiving_hei_id"] = nomination.receiving.hei_id;
  int queued = 0;
  for (Audience audience : audiences) {
    auto accounts = recipients(connection, audience, mobility);
    if (!accounts) return accounts.status();
    parameters["link"] = link_for(audience, nomination.sending.hei_id, mobility.omobility_id);
    parameters["to"] = audience == Audience::kStudent ? "student" : "staff";
    for (int64_t account_id : *accounts) {
      std::optional<std::string> key;
      if (dedupe_key) key = *dedupe_key + ":" + std::to_string(account_id);
      db::MailRequest request{kind, account_id, parameters.dump(), key, audience != Audience::kStudent};
      auto added = db::enqueue_mail(connection, request);
      if (!added) return added.status();
      queued += *added ? 1 : 0;
    }
  }
  return queued;
}

}  // namespace

Status tell_outgoing(db::Connection& connection, const Mobility& mobility, OutgoingStep step, std::optional<int> version,
                     const std::optional<std::string>& comment) {
  Mail mail = mail_of(step);
  nlohmann::json parameters = nlohmann::json::object();
  if (const char* decision = decision_of(step)) parameters["decision"] = decision;
  if (version) parameters["version"] = *version;
  if (comment) parameters["comment"] = *comment;
  return queue(connection, mobility, mail.kind, mail.audiences, std::move(parameters), std::nullopt).status();
}

Status tell_incoming_nomination(db::Connection& connection, const std::string& sending_hei_id, const Mobility& copy,
                                const std::string& proposal_id) {
  if (copy.status != NominationStatus::kPending) return Status::ok();
  return queue(connection, copy, "incoming_nomination", {Audience::kReceivingStaff}, nlohmann::json::object(),
               "incoming_nomination:" + sending_hei_id + ":" + copy.omobility_id + ":" + proposal_id)
      .status();
}

Status tell_incoming_la(db::Connection& connection, const std::string& sending_hei_id, const Mobility& copy,
                        const std::string& changes_proposal_id) {
  return queue(connection, copy, "incoming_la", {Audience::kReceivingStaff}, nlohmann::json::object(),
               "incoming_la:" + sending_hei_id + ":" + copy.omobility_id + ":" + changes_proposal_id)
      .status();
}

Result<int> remind_unsigned_drafts(db::Connection& connection, int days) {
  auto drafts = connection.exec(
      "SELECT o.content::text, v.version, jsonb_typeof(v.content->'student_signature') = 'object' "
      "FROM la_version v JOIN omobility o USING (omobility_id) "
      "WHERE v.state = 'draft' AND o.status <> 'cancelled' AND v.created_at <= now() - make_interval(days => $1) "
      "ORDER BY v.created_at",
      {days});
  if (!drafts) return drafts.status();
  int queued = 0;
  for (db::Row row : *drafts) {
    auto mobility = mobility_from_json_text(row.get<std::string>(0));
    if (!mobility) return mobility.status();
    int version = row.get<int>(1);
    bool student_signed = row.get<bool>(2);
    Audience who = student_signed ? Audience::kSendingStaff : Audience::kStudent;
    std::string key =
        "la_unsigned:" + mobility->omobility_id + ":" + std::to_string(version) + (student_signed ? ":staff" : ":student");
    auto told = queue(connection, *mobility, "la_unsigned_reminder", {who}, {{"version", version}, {"days", days}}, key);
    if (!told) return told.status();
    queued += *told;
  }
  return queued;
}

}  // namespace mobility::mobilities::journey_mail
