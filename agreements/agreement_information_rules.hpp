// What makes per-agreement information acceptable before it is saved: every problem a
// coordinator can make in the editor, named by field (agreements/field_checks.hpp).
#pragma once

#include <vector>

#include "agreements/agreement_information.hpp"
#include "agreements/field_checks.hpp"

namespace mobility::agreements {

// Every problem, in the order of the fields; empty when the information may be saved.
std::vector<FieldProblem> check_information(const AgreementInformation& information);

}  // namespace mobility::agreements
