#include "ewp-node/cnr/cnr_delivery.hpp"

#include "ewp-node/xml/namespaces.hpp"

namespace mobility::ewp {
namespace {

struct CnrApi {
  const char* entry_namespace;
  const char* name;
};

std::optional<CnrApi> cnr_api(const std::string& api) {
  if (api == "iia-cnr") return CnrApi{ns::kIiaCnrEntry, "iia-cnr"};
  if (api == "iia-approval-cnr") return CnrApi{ns::kIiaApprovalCnrEntry, "iia-approval-cnr"};
  return std::nullopt;
}

}  // namespace

WorkOutcome outcome_of_status(int status, const std::string& what) {
  if (status / 100 == 2) return WorkOutcome::done();
  std::string detail = what + " answered HTTP " + std::to_string(status);
  if (status / 100 == 4) return WorkOutcome::give_up(detail);
  return WorkOutcome::retry(detail);
}

WorkOutcome outcome_of_failure(const Status& status) {
  if (status.code() == Status::Code::kNotFound) return WorkOutcome::no_api(status.message());
  return WorkOutcome::retry(status.message());
}

WorkOutcome deliver_cnr(EwpClient& client, const db::QueuedNotification& notification) {
  auto api = cnr_api(notification.kind);
  if (!api) return WorkOutcome::give_up("unknown notification kind " + notification.kind);
  std::string what = notification.partner_hei_id + " " + api->name;
  auto reply = client.call(
      {notification.partner_hei_id, api->entry_namespace, api->name, "url", "POST", {{"iia_id", notification.iia_id}}});
  if (!reply) return outcome_of_failure(reply.status());
  return outcome_of_status(reply->status, what);
}

}  // namespace mobility::ewp
