// The mobility rules (mobilities/mobility_rules.hpp, la_rules.hpp) on mobilities and
// learning-agreement versions decoded from arbitrary JSON (mobility_json.hpp *_from_json_text,
// as stored and as the pages build them): check_mobility, a change from the sample mobility of
// the tests, check_proposal against the sample agreement. What decodes, encoded again, decodes
// the same.
#include <cstdlib>

#include "bench/fuzzers/fuzz_support.hpp"
#include "mobilities/la_rules.hpp"
#include "mobilities/mobility_json.hpp"
#include "mobilities/mobility_rules.hpp"
#include "tests/support/mobility_samples.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace mobility;
  std::string_view text = fuzz::as_text(data, size);
  if (auto mobility = mobilities::mobility_from_json_text(text)) {
    (void)mobilities::problems_status(mobilities::check_mobility(*mobility));
    (void)mobilities::check_mobility_change(testing::sample_mobility("fuzz-1"), *mobility);
    (void)mobilities::nomination_proposal_id(mobility->nomination);
    auto again = mobilities::mobility_from_json_text(mobilities::to_json_value(*mobility).dump());
    if (!again || !(*again == *mobility)) std::abort();
  }
  if (auto version = mobilities::la_version_from_json_text(text)) {
    mobilities::LearningAgreement la;
    la.mobility = testing::sample_mobility("fuzz-1");
    (void)mobilities::check_proposal(la, *version);
    la.first_version = testing::sample_first_version();
    (void)mobilities::check_proposal(la, *version);
    (void)mobilities::check_signed_by_sender(*version);
    (void)mobilities::changes_proposal_id(*version);
    (void)mobilities::components_in_effect(*la.first_version, *version);
    auto again = mobilities::la_version_from_json_text(mobilities::to_json_value(*version).dump());
    if (!again || !(*again == *version)) std::abort();
  }
  return 0;
}
