// The readers of the Outgoing Mobilities API (ewp-node/apis/omobilities-v3/omobility_xml.hpp): a
// partner's get and index answers and the update requests partners send us; every input goes to
// all three. What they read, written as we would send it, reads back the same.
#include <cstdlib>

#include "bench/fuzzers/fuzz_support.hpp"
#include "ewp-node/apis/omobilities-v3/omobility_xml.hpp"
#include "mobilities/mobility_rules.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace mobility;
  std::string_view text = fuzz::as_text(data, size);
  if (auto read = ewp::read_omobilities_get_response(text)) {
    std::vector<mobilities::Mobility> mobilities;
    for (const auto& partner : *read) {
      (void)mobilities::check_mobility(partner.mobility);
      mobilities.push_back(partner.mobility);
    }
    auto again = ewp::read_omobilities_get_response(ewp::omobilities_get_response_xml(mobilities));
    if (!again || again->size() != read->size()) std::abort();
    for (size_t i = 0; i < read->size(); ++i) {
      if ((*again)[i].mobility != (*read)[i].mobility) std::abort();
    }
  }
  if (auto ids = ewp::read_omobilities_index_response(text)) {
    auto again = ewp::read_omobilities_index_response(ewp::omobilities_index_response_xml(*ids));
    if (!again || *again != *ids) std::abort();
  }
  if (auto update = ewp::read_omobility_update_request(text)) {
    auto again = ewp::read_omobility_update_request(ewp::omobility_update_request_xml(*update));
    if (!again || *again != *update) std::abort();
  }
  return 0;
}
