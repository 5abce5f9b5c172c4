#include "mobilities/incoming_invitations.hpp"

#include <chrono>
#include <nlohmann/json.hpp>

#include "base/secure_random.hpp"
#include "base/sha256.hpp"
#include "base/text.hpp"
#include "db/accounts.hpp"
#include "db/mail_outbox.hpp"
#include "db/oidc_logins.hpp"
#include "db/password_resets.hpp"
#include "db/transaction.hpp"

namespace mobility::mobilities {
namespace {

constexpr size_t kMaxDisplayName = 200;  // account.display_name's limit

struct Invitee {
  int64_t account_id = 0;
  bool created = false;
};

// The nominee's account: a new one, or an existing one without roles; nullopt when there is one
// with roles, or none can be made. The insert runs in a savepoint, so a refusal leaves the
// caller's transaction usable.
Result<std::optional<Invitee>> invitee_of(db::Connection& connection, const Student& student) {
  auto found = db::find_account_by_email(connection, student.email);
  if (!found) return found.status();
  if (*found) {
    if (!(*found)->roles.empty()) return std::optional<Invitee>();
    return std::optional<Invitee>(Invitee{(*found)->account_id, false});
  }
  auto savepoint = db::Transaction::begin(connection);
  if (!savepoint) return savepoint.status();
  std::string name = excerpt(student.given_names + " " + student.family_name, kMaxDisplayName - 3);
  auto created = db::create_account(connection, {student.email, name, "en", std::nullopt});
  if (created.status().code() == Status::Code::kConflict) return std::optional<Invitee>();  // rolled back to the savepoint
  if (!created) return created.status();
  if (Status committed = savepoint->commit(); !committed) return committed;
  return std::optional<Invitee>(Invitee{*created, true});
}

}  // namespace

Status invite_incoming_student(db::Connection& connection, const std::string& sending_hei_id, const Mobility& copy) {
  if (copy.student.email.empty()) return Status::ok();
  auto invitee = invitee_of(connection, copy.student);
  if (!invitee) return invitee.status();
  if (!*invitee) return Status::ok();
  if (Status linked = db::link_nomination(connection, (*invitee)->account_id, sending_hei_id, copy.omobility_id); !linked) {
    return linked;
  }
  std::string token = random_token(32);
  nlohmann::json parameters{{"link", (*invitee)->created ? "/reset-password?token=" + token : "/my-stay"},
                            {"student", copy.student.given_names + " " + copy.student.family_name},
                            {"sending_hei_id", sending_hei_id},
                            {"receiving_hei_id", copy.nomination.receiving.hei_id},
                            {"days", kInvitationDays}};
  std::string kind = (*invitee)->created ? "incoming_invitation" : "incoming_welcome";
  std::string key = "incoming_invitation:" + sending_hei_id + ":" + copy.omobility_id;
  auto queued = db::enqueue_mail(connection, {kind, (*invitee)->account_id, parameters.dump(), key, false});
  if (!queued) return queued.status();
  if (!*queued || !(*invitee)->created) return Status::ok();  // told before, or nothing to set
  return db::insert_password_reset(connection, sha256(token), (*invitee)->account_id, std::chrono::hours(24 * kInvitationDays));
}

}  // namespace mobility::mobilities
