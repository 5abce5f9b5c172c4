// The reader of a partner's IIAs Approval answer (ewp-node/apis/iias-approval-v2): what
// get_approved_hash does with the body.
#include "bench/fuzzers/fuzz_support.hpp"
#include "ewp-node/xml/dom.hpp"
#include "ewp-node/xml/namespaces.hpp"
#include "ewp-node/xml/schema_validator.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace mobility;
  std::string_view text = fuzz::as_text(data, size);
  auto doc = ewp::parse_untrusted_xml(text);
  if (!doc) return 0;
  for (xmlNodePtr approval : ewp::child_elements(xmlDocGetRootElement(doc.get()), ewp::ns::kIiasApprovalResponse, "approval")) {
    (void)ewp::element_text(ewp::first_child_element(approval, ewp::ns::kIiasApprovalResponse, "iia-id"));
    (void)ewp::element_text(ewp::first_child_element(approval, ewp::ns::kIiasApprovalResponse, "iia-hash"));
    (void)ewp::string_value(approval);
  }
  return 0;
}
