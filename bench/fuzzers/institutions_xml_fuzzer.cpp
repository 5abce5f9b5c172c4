// The reader of a partner's Institutions API answer: read_institutions_response
// (ewp-node/apis/institutions-v2/institutions_client.hpp).
#include "bench/fuzzers/fuzz_support.hpp"
#include "ewp-node/apis/institutions-v2/institutions_client.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace mobility;
  std::string_view text = fuzz::as_text(data, size);
  (void)ewp::read_institutions_response(text);
  return 0;
}
