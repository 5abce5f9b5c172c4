// The learning-agreement editor's rules (portal/mobilities/la_form.hpp) on a form body as the
// student's page receives it, as a first version and as a change: the version read from the
// fields (la_version_of), then the mobility rules a saved draft must pass (check_proposal,
// mobilities/la_rules.hpp) against the sample agreement of the tests. A version shown in the
// editor again (la_fields_of) reads back the same, and so does its JSON (mobility_json.hpp).
#include <cstdlib>

#include "bench/fuzzers/fuzz_support.hpp"
#include "http/form.hpp"
#include "mobilities/la_rules.hpp"
#include "mobilities/mobility_json.hpp"
#include "portal/mobilities/la_form.hpp"
#include "tests/support/mobility_samples.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace mobility;
  using namespace mobility::portal::mobility_pages;
  auto form = http::decode_form(fuzz::as_text(data, size));
  if (!form) return 0;
  LaFields fields = la_fields_of(*form);
  for (bool is_change : {false, true}) {
    auto read = la_version_of(fields, is_change);
    const auto* version = std::get_if<mobilities::LaVersion>(&read);
    if (!version) continue;
    auto again = la_version_of(la_fields_of(*version), is_change);
    const auto* same = std::get_if<mobilities::LaVersion>(&again);
    if (!same || !(*same == *version)) std::abort();
    auto stored = mobilities::la_version_from_json_text(mobilities::to_json_value(*version).dump());
    if (!stored || !(*stored == *version)) std::abort();
    mobilities::LearningAgreement la;
    la.mobility = testing::sample_mobility("fuzz-1");
    if (is_change) la.first_version = testing::sample_first_version();
    (void)mobilities::check_proposal(la, *version);
    (void)mobilities::check_signed_by_sender(*version);
    (void)mobilities::changes_proposal_id(*version);
    (void)mobilities::components_in_effect(testing::sample_first_version(), *version);
  }
  return 0;
}
