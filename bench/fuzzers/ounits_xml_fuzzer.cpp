// The reader of a partner's Organizational Units API answer: read_ounits_response
// (ewp-node/apis/ounits-v2/ounits_client.hpp).
#include "bench/fuzzers/fuzz_support.hpp"
#include "ewp-node/apis/ounits-v2/ounits_client.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace mobility;
  std::string_view text = fuzz::as_text(data, size);
  (void)ewp::read_ounits_response(text, "uw.edu.pl");
  return 0;
}
