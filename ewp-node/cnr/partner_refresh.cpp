#include "ewp-node/cnr/partner_refresh.hpp"

#include "ewp-node/apis/iias-approval-v2/iias_approval_client.hpp"
#include "ewp-node/apis/iias-v7/iias_client.hpp"
#include "ewp-node/apis/imobilities-v2/imobilities_client.hpp"
#include "ewp-node/apis/omobilities-v3/omobilities_client.hpp"
#include "ewp-node/apis/omobility-las-v1/las_client.hpp"
#include "ewp-node/cnr/cnr_delivery.hpp"
#include "mobilities/incoming_mobilities.hpp"
#include "mobilities/outgoing_mobilities.hpp"

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

// A stored-nothing answer for ids the partner no longer serves us: nothing of ours to change.
WorkOutcome gone(const Status& status, const std::string& what) {
  return status.code() == Status::Code::kNotFound ? WorkOutcome::done() : stored(status, what);
}

// We are the receiving HEI; the sending HEI changed a nomination.
WorkOutcome refresh_omobility(EwpClient& client, db::Connection& connection, const db::QueuedNotification& notification) {
  const std::string& sending_hei_id = notification.partner_hei_id;
  std::string what = sending_hei_id + " omobilities get";
  auto answered = get_partner_omobility(client, sending_hei_id, notification.object_id);
  return after_answer(answered, what, [&](const std::optional<PartnerMobility>& copy) {
    mobilities::IncomingMobilities incoming;
    if (!copy) return gone(incoming.copy_gone(connection, sending_hei_id, notification.object_id), what);
    return stored(incoming.store_copy(connection, sending_hei_id, copy->mobility, copy->proposal_id).status(), what);
  });
}

// We are the receiving HEI; the sending HEI changed a learning agreement. An agreement of a
// mobility we have not fetched yet (its CNR may come later, or never) fetches the mobility first.
WorkOutcome refresh_la(EwpClient& client, db::Connection& connection, const db::QueuedNotification& notification) {
  const std::string& sending_hei_id = notification.partner_hei_id;
  std::string what = sending_hei_id + " omobility-las get";
  auto answered = get_partner_la(client, sending_hei_id, notification.object_id);
  return after_answer(answered, what, [&](const std::optional<mobilities::LearningAgreement>& copy) {
    mobilities::IncomingMobilities incoming;
    if (!copy) return gone(incoming.la_copy_gone(connection, sending_hei_id, notification.object_id), what);
    auto kept = incoming.store_la_copy(connection, sending_hei_id, *copy);
    if (!kept && kept.status().code() == Status::Code::kNotFound) {
      WorkOutcome mobility = refresh_omobility(client, connection, notification);
      if (mobility.kind != WorkOutcome::Kind::kDone) return mobility;
      kept = incoming.store_la_copy(connection, sending_hei_id, *copy);
    }
    return stored(kept.status(), what);
  });
}

// We are the sending HEI; the receiving HEI recorded actual dates.
WorkOutcome refresh_imobility(EwpClient& client, db::Connection& connection, const db::QueuedNotification& notification) {
  const std::string& receiving_hei_id = notification.partner_hei_id;
  std::string what = receiving_hei_id + " imobilities get";
  auto answered = get_partner_imobility(client, receiving_hei_id, notification.object_id);
  return after_answer(answered, what, [&](const std::optional<IMobilityDates>& dates) {
    if (!dates) return WorkOutcome::done();
    Status kept = mobilities::OutgoingMobilities().receive_actual_dates(connection, receiving_hei_id, dates->omobility_id,
                                                                        dates->actual_arrival_date, dates->actual_departure_date);
    if (kept.code() == Status::Code::kNotFound) return WorkOutcome::give_up(what + ": " + kept.message());
    return stored(kept, what);
  });
}

}  // namespace

WorkOutcome refresh_from_partner(EwpClient& client, db::Connection& connection, const agreements::PartnerCopies& copies,
                                 const db::QueuedNotification& notification) {
  if (notification.kind == "iia") return refresh_copy(client, connection, copies, notification);
  if (notification.kind == "iia-approval") return refresh_approval(client, connection, copies, notification);
  if (notification.kind == "omobility") return refresh_omobility(client, connection, notification);
  if (notification.kind == "omobility-la") return refresh_la(client, connection, notification);
  if (notification.kind == "imobility") return refresh_imobility(client, connection, notification);
  return WorkOutcome::give_up("unknown notification kind " + notification.kind);
}

}  // namespace mobility::ewp
