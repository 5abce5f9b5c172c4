// The rules a Transcript of Records must meet beyond the ELMO schema, as the IMobility ToRs
// get-response.xsd states them (v2.0.0 and v3.0.0 alike): "In the `learner` element, you MUST use
// the "esi" identifier type to refer to the learner. E.g.
// <identifier type="esi">urn:schac:personalUniqueCode:int:esi:uio.no:1234567890</identifier>"
// (made required in ToRs 2.0.0: "Made ESI required in the ELMO sub element").
//
// The ESI rule, checked on what we serve and on what partners send us:
// - the learner has at least one identifier of type "esi", else one problem
//     learner.identifier: has no identifier of type esi (a European Student Identifier such as
//     urn:schac:personalUniqueCode:int:esi:uio.no:1234567890)
// - every identifier of type "esi" is urn:schac:personalUniqueCode:int:esi:<sHO>:<code> (sHO: the
//   issuing HEI's SCHAC code; code: printable ASCII; mobility_rules.hpp is_esi), else for each
//     learner.identifier: 'VALUE' is not a European Student Identifier such as
//     urn:schac:personalUniqueCode:int:esi:uio.no:1234567890
//   (VALUE cut to 40 characters).
// The official ToRs v2 example's learner has no ESI: it is schema-valid and fails this rule.
#pragma once

#include <vector>

#include "mobilities/mobility_rules.hpp"
#include "mobilities/transcript.hpp"

namespace mobility::mobilities {

// The ESI rule's problems for `learner`; empty when it holds.
std::vector<RuleProblem> check_learner_esi(const Learner& learner);

// The further MUSTs of the IMobility ToRs v3.0.0 XSD (annotations of <elmo>), for what we serve
// in v3 and what v3 partners send: the issuer has an identifier of type "schac"; the learner a
// birth date (<dateOfBirth>); every LOS (nested parts too) an identifier of type "ewp-los-id" and
// a title; every LOI an identifier of type "ewp-loi-id", an academic term, a credit in scheme
// "ects", a result label and a result distribution. One problem per missing part, by field path
// (0-based: "reports[0].learning_opportunities[1].has_parts[0].instance.credit"), texts:
//   "has no identifier of type schac", "has no identifier of type ewp-los-id",
//   "has no identifier of type ewp-loi-id", "has no credit in scheme ects",
//   "is required by IMobility ToRs v3" (birth date, title, academic term, result label and
//   result distribution).
std::vector<RuleProblem> check_tors_v3_transcript(const Transcript& transcript);

}  // namespace mobility::mobilities
