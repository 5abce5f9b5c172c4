// What makes a mobility acceptable before it is stored or sent (EWP OMobilities v3 and the LA
// business requirements), and the nomination's proposal id.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/status.hpp"
#include "mobilities/mobility.hpp"

namespace mobility::mobilities {

// One thing wrong, by field ("student.global_id") in English for pages, logs and the command line.
struct RuleProblem {
  std::string field;
  std::string text;

  bool operator==(const RuleProblem&) const = default;
};

// Every problem of the mobility's content, in field order; empty when it may be stored.
std::vector<RuleProblem> check_mobility(const Mobility& mobility);

// The problems of changing `before` into `after`: the sending HEI, the receiving HEI and the
// student (global_id) of a mobility never change; a different nominee is a new mobility.
std::vector<RuleProblem> check_mobility_change(const Mobility& before, const Mobility& after);

// The problems as one kInvalidArgument status ("student.email: ...; ..."), or OK when none.
Status problems_status(const std::vector<RuleProblem>& problems);

// The fields a problems_status() names, in order: what a page needs to show each error beside its
// field. Empty for any other status. A problem's text that itself holds "; name: " (only a crafted
// value quoted in it can) reads as one more field.
std::vector<std::string> problem_fields(const Status& status);

// The nomination's proposal-id: a hash of its canonical content, so it changes exactly when the
// content does and is the same in every process ("p-" and 40 hex digits).
std::string nomination_proposal_id(const Nomination& nomination);

// "2026/2027-1/2": an academic year, then the term's number and the number of terms.
bool is_academic_term_id(std::string_view text);
// YYYY-MM-DD, a real day.
bool is_date(std::string_view text);
// An ESI: urn:schac:personalUniqueCode:int:esi:<domain>:<code>.
bool is_esi(std::string_view text);

}  // namespace mobility::mobilities
