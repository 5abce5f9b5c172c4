#include "ewp-node/apis/iias-v7/iias_client.hpp"

#include "ewp-node/apis/iias-v7/iia_hash.hpp"
#include "ewp-node/apis/iias-v7/iia_xml.hpp"
#include "ewp-node/xml/dom.hpp"
#include "ewp-node/xml/namespaces.hpp"

namespace mobility::ewp {
namespace {

using Copy = std::optional<agreements::FetchedCopy>;

// The <iia> of a get response whose first partner has `partner_iia_id`, read with its hash check.
Result<Copy> fetched_copy(std::string_view body, const std::string& partner_iia_id) {
  auto doc = parse_untrusted_xml(body);
  if (!doc) return Status::invalid_argument("the IIAs get answer is not XML");
  for (xmlNodePtr element : child_elements(xmlDocGetRootElement(doc.get()), ns::kIiasGetResponse, "iia")) {
    auto iia = read_iia(element);
    if (!iia) return iia.status().with_context("the partner's IIA");
    if (iia->partners[0].iia_id != partner_iia_id) continue;
    std::string published = element_text(first_child_element(element, ns::kIiasGetResponse, "iia-hash"));
    bool verified = published == iia_hash(element);
    return Copy(agreements::FetchedCopy{*iia, published, verified, iia_valid_for_approval(element)});
  }
  return Copy();
}

}  // namespace

Result<Answered<Copy>> get_partner_iia(EwpClient& client, const std::string& partner_hei_id, const std::string& partner_iia_id) {
  return call_and_read<Copy>(client, {partner_hei_id, ns::kIiasEntry, "iias", "get-url", "GET", {{"iia_id", partner_iia_id}}},
                             [&](std::string_view body) { return fetched_copy(body, partner_iia_id); });
}

}  // namespace mobility::ewp
