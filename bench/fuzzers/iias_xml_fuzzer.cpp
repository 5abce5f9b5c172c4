// The readers of a partner's IIAs get answer (ewp-node/apis/iias-v7): what get_partner_iia does
// with the body (every <iia> read by read_iia, its hash computed and compared, its validity for
// approval), and check_iia_hashes over the whole answer.
#include "bench/fuzzers/fuzz_support.hpp"
#include "ewp-node/apis/iias-v7/iia_hash.hpp"
#include "ewp-node/apis/iias-v7/iia_xml.hpp"
#include "ewp-node/xml/dom.hpp"
#include "ewp-node/xml/namespaces.hpp"
#include "ewp-node/xml/schema_validator.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace mobility;
  std::string_view text = fuzz::as_text(data, size);
  if (auto doc = ewp::parse_untrusted_xml(text)) {
    for (xmlNodePtr element : ewp::child_elements(xmlDocGetRootElement(doc.get()), ewp::ns::kIiasGetResponse, "iia")) {
      auto iia = ewp::read_iia(element);
      if (!iia) continue;
      (void)ewp::element_text(ewp::first_child_element(element, ewp::ns::kIiasGetResponse, "iia-hash"));
      (void)ewp::iia_hash(element);
      (void)ewp::iia_valid_for_approval(element);
      (void)ewp::iias_get_response_xml({*iia});  // what we would serve of it
    }
  }
  (void)ewp::check_iia_hashes(text);
  return 0;
}
