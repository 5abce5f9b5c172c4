// The reader of a partner's Mobility Factsheet API answer: read_factsheet_response
// (ewp-node/apis/factsheet-v1/factsheet_client.hpp).
#include "bench/fuzzers/fuzz_support.hpp"
#include "ewp-node/apis/factsheet-v1/factsheet_client.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace mobility;
  std::string_view text = fuzz::as_text(data, size);
  (void)ewp::read_factsheet_response(text);
  return 0;
}
