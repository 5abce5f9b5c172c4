#include "mobilities/incoming_invitations.hpp"

#include <chrono>
#include <nlohmann/json.hpp>

#include "base/secure_random.hpp"
#include "base/sha256.hpp"
#include "db/accounts.hpp"
#include "db/mail_outbox.hpp"
#include "db/oidc_logins.hpp"
#include "db/password_resets.hpp"
#include "mobilities/mobility_rules.hpp"

namespace mobility::mobilities {
namespace {

// The nominee's account: the one with their e-mail, else a new one (no password, no role).
Result<int64_t> account_of(db::Connection& connection, const Student& student) {
  auto found = db::find_account_by_email(connection, student.email);
  if (!found) return found.status();
  if (*found) return (*found)->account_id;
  return db::create_account(connection, {student.email, student.given_names + " " + student.family_name, "en", std::nullopt});
}

}  // namespace

Status invite_incoming_student(db::Connection& connection, const std::string& sending_hei_id, const Mobility& copy) {
  if (copy.student.email.empty()) return Status::ok();
  auto account_id = account_of(connection, copy.student);
  if (account_id.status().code() == Status::Code::kInvalidArgument) return Status::ok();  // an address we cannot use
  if (!account_id) return account_id.status();
  if (Status linked = db::link_nomination(connection, *account_id, sending_hei_id, copy.omobility_id); !linked) return linked;
  std::string token = random_token(32);
  nlohmann::json parameters{{"link", "/reset-password?token=" + token},
                            {"student", copy.student.given_names + " " + copy.student.family_name},
                            {"sending_hei_id", sending_hei_id},
                            {"receiving_hei_id", copy.nomination.receiving.hei_id},
                            {"days", kInvitationDays}};
  std::string key = "incoming_invitation:" + sending_hei_id + ":" + copy.omobility_id;
  auto queued = db::enqueue_mail(connection, {"incoming_invitation", *account_id, parameters.dump(), key, false});
  if (!queued) return queued.status();
  if (!*queued) return Status::ok();  // invited before
  return db::insert_password_reset(connection, sha256(token), *account_id, std::chrono::hours(24 * kInvitationDays));
}

}  // namespace mobility::mobilities
