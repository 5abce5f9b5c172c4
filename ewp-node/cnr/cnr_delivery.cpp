#include "ewp-node/cnr/cnr_delivery.hpp"

#include "ewp-node/apis/iia-approval-cnr-v2/iia_approval_cnr_api.hpp"
#include "ewp-node/apis/iia-cnr-v3/iia_cnr_api.hpp"
#include "ewp-node/apis/imobility-cnr-v2/imobility_cnr_api.hpp"
#include "ewp-node/apis/omobility-cnr-v2/omobility_cnr_api.hpp"
#include "ewp-node/apis/omobility-la-cnr-v1/omobility_la_cnr_api.hpp"

namespace mobility::ewp {
namespace {

// The CNR API version we call for a notification of `kind` (the outbox's api column).
const CnrApi* cnr_api(const std::string& kind) {
  if (kind == "iia-cnr") return &iia_cnr_v3();
  if (kind == "iia-approval-cnr") return &iia_approval_cnr_v2();
  if (kind == "omobility-cnr") return &omobility_cnr_v2();
  if (kind == "omobility-la-cnr") return &omobility_la_cnr_v1();
  if (kind == "imobility-cnr") return &imobility_cnr_v2();
  return nullptr;
}

}  // namespace

WorkOutcome outcome_of_status(int status, const std::string& what, const std::string& developer_message) {
  if (status / 100 == 2) return WorkOutcome::done();
  std::string detail = describe_refusal(what, status, developer_message);
  if (status / 100 == 4) return WorkOutcome::give_up(detail);
  return WorkOutcome::retry(detail);
}

WorkOutcome outcome_of_failure(const Status& status) {
  if (status.code() == Status::Code::kNotFound) return WorkOutcome::no_api(status.message());
  return WorkOutcome::retry(status.message());
}

WorkOutcome deliver_cnr(EwpClient& client, const db::QueuedNotification& notification) {
  const CnrApi* api = cnr_api(notification.kind);
  if (api == nullptr) return WorkOutcome::give_up("unknown notification kind " + notification.kind);
  auto answered = send_cnr(client, *api, notification.hosted_hei_id, notification.partner_hei_id, notification.object_id);
  if (!answered) return outcome_of_failure(answered.status());
  return outcome_of_status(answered->http_status, notification.partner_hei_id + " " + api->name, answered->developer_message);
}

}  // namespace mobility::ewp
