// The readers of the OMobility LAs API (ewp-node/apis/omobility-las-v1/la_xml.hpp): a partner's
// get and index answers and the update requests partners send us; every input goes to all three.
// What they read, written as we would send it, reads back the same.
#include <cstdlib>

#include "bench/fuzzers/fuzz_support.hpp"
#include "ewp-node/apis/omobility-las-v1/la_xml.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace mobility;
  std::string_view text = fuzz::as_text(data, size);
  if (auto las = ewp::read_las_get_response(text)) {
    for (const auto& la : *las) (void)ewp::missing_la_elements(la);
    auto again = ewp::read_las_get_response(ewp::las_get_response_xml(*las));
    if (!again || *again != *las) std::abort();
  }
  if (auto ids = ewp::read_las_index_response(text)) {
    auto again = ewp::read_las_index_response(ewp::las_index_response_xml(*ids));
    if (!again || *again != *ids) std::abort();
  }
  if (auto update = ewp::read_la_update_request(text)) {
    auto again = ewp::read_la_update_request(ewp::la_update_request_xml(*update));
    if (!again || *again != *update) std::abort();
  }
  return 0;
}
