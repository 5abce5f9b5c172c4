// The form and query decoders (http/form.hpp): every input as a form body, a request target and a
// percent-encoded text. A decoded form encoded again (as the EWP client sends it) decodes to the
// same fields.
#include <cstdlib>

#include "bench/fuzzers/fuzz_support.hpp"
#include "ewp-node/client/ewp_client.hpp"
#include "http/form.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace mobility;
  std::string_view text = fuzz::as_text(data, size);
  auto fields = http::decode_form(text);
  if (fields) {
    auto again = http::decode_form(ewp::encode_form(*fields));
    if (!again || *again != *fields) std::abort();
  }
  (void)http::decode_query(text);
  (void)http::percent_decode(text);
  return 0;
}
