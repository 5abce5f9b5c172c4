#include "ewp-node/apis/iias-approval-v2/iias_approval_client.hpp"

#include "ewp-node/xml/dom.hpp"
#include "ewp-node/xml/namespaces.hpp"

namespace mobility::ewp {
namespace {

using Hash = std::optional<std::string>;

// The hash the approval answer gives for our `iia_id`, if any.
Result<Hash> approved_hash(std::string_view body, const std::string& iia_id) {
  auto doc = parse_untrusted_xml(body);
  if (!doc) return Status::invalid_argument("the IIAs Approval answer is not XML");
  for (xmlNodePtr approval : child_elements(xmlDocGetRootElement(doc.get()), ns::kIiasApprovalResponse, "approval")) {
    if (element_text(first_child_element(approval, ns::kIiasApprovalResponse, "iia-id")) != iia_id) continue;
    return Hash(element_text(first_child_element(approval, ns::kIiasApprovalResponse, "iia-hash")));
  }
  return Hash();
}

}  // namespace

Result<Answered<Hash>> get_approved_hash(EwpClient& client, const std::string& partner_hei_id, const std::string& iia_id) {
  return call_and_read<Hash>(client,
                             {partner_hei_id, ns::kIiasApprovalEntry, "iias-approval", "url", "GET", {{"iia_id", iia_id}}},
                             [&](std::string_view body) { return approved_hash(body, iia_id); });
}

}  // namespace mobility::ewp
