// The reader of a partner's Incoming Mobilities get answer (read_imobilities_get_response,
// ewp-node/apis/imobilities-v2/imobility_xml.hpp). What it reads, written as we would serve it,
// reads back the same.
#include <cstdlib>

#include "bench/fuzzers/fuzz_support.hpp"
#include "ewp-node/apis/imobilities-v2/imobility_xml.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace mobility;
  auto read = ewp::read_imobilities_get_response(fuzz::as_text(data, size));
  if (!read) return 0;
  auto again = ewp::read_imobilities_get_response(ewp::imobilities_get_response_xml(*read));
  if (!again || *again != *read) std::abort();
  return 0;
}
