// The agreement form's rules (portal/agreements/iia_form.hpp) on a form body as the agreement
// tool's draft pages receive it: the fields read, their text checked, the agreement built and
// checked (check_iia), as a new draft and as a revision of what the first pass built; the built
// agreement shown in the form again and stored as JSON (agreements/iia_json.hpp).
#include <cstdlib>

#include "agreements/iia_json.hpp"
#include "agreements/iia_rules.hpp"
#include "bench/fuzzers/fuzz_support.hpp"
#include "http/form.hpp"
#include "portal/agreements/iia_form.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace mobility;
  using namespace mobility::agreements::pages;
  auto form = http::decode_form(fuzz::as_text(data, size));
  if (!form) return 0;
  DraftFields fields = fields_from_form(*form);
  (void)reason_problem(fields.reason);
  if (!text_problems(fields).empty()) return 0;
  const std::string our_hei = "fjordland.example";
  DraftContent draft = content_from_fields(fields, our_hei, std::string("ou-mn"), std::nullopt);
  (void)content_from_fields(fields, our_hei, std::nullopt, draft.content);
  (void)spec_fields_of(draft.content, our_hei);
  (void)agreements::check_iia(draft.content);
  if (draft.problems.empty()) {
    auto stored = agreements::iia_from_json_text(agreements::iia_to_json(draft.content).dump());
    if (!stored || !(*stored == draft.content)) std::abort();
  }
  return 0;
}
