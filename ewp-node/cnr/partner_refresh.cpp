#include "ewp-node/cnr/partner_refresh.hpp"

#include "ewp-node/apis/iias-v7/iia_hash.hpp"
#include "ewp-node/apis/iias-v7/iia_xml.hpp"
#include "ewp-node/cnr/cnr_delivery.hpp"
#include "ewp-node/xml/dom.hpp"
#include "ewp-node/xml/namespaces.hpp"
#include "ewp-node/xml/schema_validator.hpp"

namespace mobility::ewp {
namespace {

// The <iia> of a get response whose first partner has `partner_iia_id`, read with its hash check.
Result<std::optional<agreements::FetchedCopy>> fetched_copy(const std::string& body, const std::string& partner_iia_id) {
  auto doc = parse_untrusted_xml(body);
  if (!doc) return Status::invalid_argument("the IIAs get answer is not XML");
  for (xmlNodePtr element : child_elements(xmlDocGetRootElement(doc.get()), ns::kIiasGetResponse, "iia")) {
    auto iia = read_iia(element);
    if (!iia) return iia.status().with_context("the partner's IIA");
    if (iia->partners[0].iia_id != partner_iia_id) continue;
    std::string published = element_text(first_child_element(element, ns::kIiasGetResponse, "iia-hash"));
    bool verified = published == iia_hash(element);
    return std::optional<agreements::FetchedCopy>(
        agreements::FetchedCopy{*iia, published, verified, iia_valid_for_approval(element)});
  }
  return std::optional<agreements::FetchedCopy>();
}

// The hash the partner's approval answer gives for our `iia_id`, if any.
Result<std::optional<std::string>> approved_hash(const std::string& body, const std::string& iia_id) {
  auto doc = parse_untrusted_xml(body);
  if (!doc) return Status::invalid_argument("the IIAs Approval answer is not XML");
  for (xmlNodePtr approval : child_elements(xmlDocGetRootElement(doc.get()), ns::kIiasApprovalResponse, "approval")) {
    if (element_text(first_child_element(approval, ns::kIiasApprovalResponse, "iia-id")) != iia_id) continue;
    return std::optional<std::string>(element_text(first_child_element(approval, ns::kIiasApprovalResponse, "iia-hash")));
  }
  return std::optional<std::string>();
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
  auto reply =
      client.call({notification.partner_hei_id, ns::kIiasEntry, "iias", "get-url", "GET", {{"iia_id", notification.iia_id}}});
  if (!reply) return outcome_of_failure(reply.status());
  if (reply->status / 100 != 2) return outcome_of_status(reply->status, what);
  auto copy = fetched_copy(reply->body, notification.iia_id);
  if (!copy) return WorkOutcome::retry(what + ": " + copy.status().message());
  return stored(copies.receive_copy(connection, notification.partner_hei_id, notification.iia_id, *copy), what);
}

WorkOutcome refresh_approval(EwpClient& client, db::Connection& connection, const agreements::PartnerCopies& copies,
                             const db::QueuedNotification& notification) {
  std::string what = notification.partner_hei_id + " iias-approval";
  auto reply = client.call(
      {notification.partner_hei_id, ns::kIiasApprovalEntry, "iias-approval", "url", "GET", {{"iia_id", notification.iia_id}}});
  if (!reply) return outcome_of_failure(reply.status());
  if (reply->status / 100 != 2) return outcome_of_status(reply->status, what);
  auto hash = approved_hash(reply->body, notification.iia_id);
  if (!hash) return WorkOutcome::retry(what + ": " + hash.status().message());
  return stored(copies.receive_approval(connection, notification.partner_hei_id, notification.iia_id, *hash), what);
}

}  // namespace

WorkOutcome refresh_from_partner(EwpClient& client, db::Connection& connection, const agreements::PartnerCopies& copies,
                                 const db::QueuedNotification& notification) {
  if (notification.kind == "iia") return refresh_copy(client, connection, copies, notification);
  if (notification.kind == "iia-approval") return refresh_approval(client, connection, copies, notification);
  return WorkOutcome::give_up("unknown notification kind " + notification.kind);
}

}  // namespace mobility::ewp
