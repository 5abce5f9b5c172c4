#include "ewp-node/cnr/partner_refresh.hpp"

#include "ewp-node/apis/iias-approval-v2/iias_approval_client.hpp"
#include "ewp-node/apis/iias-v7/iias_client.hpp"
#include "ewp-node/cnr/cnr_delivery.hpp"

namespace mobility::ewp {
namespace {

// What a typed client's answer means: no answer, a refused one or one we cannot read as
// outcome_of_failure (retried: our reader may be the one at fault), a non-2xx as
// outcome_of_status, and a 2xx goes to `use`.
template <typename T, typename Use>
WorkOutcome after_answer(const Result<Answered<T>>& answered, const std::string& what, Use use) {
  if (!answered) return outcome_of_failure(answered.status());
  if (!answered->ok()) return outcome_of_status(answered->http_status, what, answered->developer_message);
  return use(*answered->value);
}

WorkOutcome stored(const Status& status, const std::string& what) {
  if (status) return WorkOutcome::done();
  // A copy we refuse would be refused again: only our own trouble is worth a retry.
  if (status.code() == Status::Code::kInvalidArgument) return WorkOutcome::give_up(what + " refused: " + status.message());
  return WorkOutcome::retry(what + " could not be stored: " + status.message());
}

WorkOutcome refresh_copy(EwpClient& client, db::Connection& connection, const agreements::PartnerCopies& copies,
                         const db::QueuedNotification& notification) {
  std::string what = notification.partner_hei_id + " iias get";
  auto answered = get_partner_iia(client, notification.partner_hei_id, notification.object_id);
  return after_answer(answered, what, [&](const std::optional<agreements::FetchedCopy>& copy) {
    return stored(copies.receive_copy(connection, notification.partner_hei_id, notification.object_id, copy), what);
  });
}

WorkOutcome refresh_approval(EwpClient& client, db::Connection& connection, const agreements::PartnerCopies& copies,
                             const db::QueuedNotification& notification) {
  std::string what = notification.partner_hei_id + " iias-approval";
  auto answered = get_approved_hash(client, notification.partner_hei_id, notification.object_id);
  return after_answer(answered, what, [&](const std::optional<std::string>& hash) {
    return stored(copies.receive_approval(connection, notification.partner_hei_id, notification.object_id, hash), what);
  });
}

}  // namespace

WorkOutcome refresh_from_partner(EwpClient& client, db::Connection& connection, const agreements::PartnerCopies& copies,
                                 const db::QueuedNotification& notification) {
  if (notification.kind == "iia") return refresh_copy(client, connection, copies, notification);
  if (notification.kind == "iia-approval") return refresh_approval(client, connection, copies, notification);
  return WorkOutcome::give_up("unknown notification kind " + notification.kind);
}

}  // namespace mobility::ewp
