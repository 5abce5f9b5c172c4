// The learning agreement's rules (EWP OMobility LAs v1.2 and the LA business requirements of
// 2022), checked before any version is stored: which tables each kind of mobility needs, what a
// change must say, who must have signed, and the changes proposal's id.
#pragma once

#include <string>
#include <vector>

#include "mobilities/learning_agreement.hpp"
#include "mobilities/mobility_rules.hpp"

namespace mobility::mobilities {

// LAs index's mobility_type: "semester" (long-term), "blended", "doctoral".
const char* la_mobility_type(ActivityAttributes attributes);

// The problems of `proposal` as the next proposal of `la` (its first version when `la` has none):
//   - the tables the mobility's kind needs (long-term: studied and recognized; blended: at least
//     one blended component; doctoral: at least one doctoral component), and no table of
//     another kind's;
//   - every component has a title, credits are decimals, no recognition conditions in the
//     studied table, a short description in every virtual component;
//   - a first version has no changes; a later proposal lists only changes (inserted or deleted),
//     cumulative against the first version: a deleted component is one of the first version's,
//     reason codes fit the kind of change;
//   - short-term mobilities have no proposals after the first version.
std::vector<RuleProblem> check_proposal(const LearningAgreement& la, const LaVersion& proposal);

// The problems of sharing `proposal` with the receiving HEI: the student and the sending HEI must
// have signed it, the HEI's signature with name, position and e-mail.
std::vector<RuleProblem> check_signed_by_sender(const LaVersion& proposal);

// The problems of an HEI signature (the receiving HEI's approval too).
std::vector<RuleProblem> check_hei_signature(const Signature& signature, const std::string& field);

// The changes proposal's id: a hash of its content (tables and student changes; not the
// signatures), so it changes exactly when what is proposed changes ("cp-" and 40 hex digits).
std::string changes_proposal_id(const LaVersion& proposal);

// The components in effect after `changes` (the latest approved changes, or a proposal) are
// applied to `first`: the first version's components minus the deleted ones, plus the inserted
// ones, table by table. Without changes, the first version itself.
LaVersion components_in_effect(const LaVersion& first, const std::optional<LaVersion>& changes);

// true while the LA may still be deleted: the first version is not yet signed by all three.
bool may_delete(const LearningAgreement& la);

// What `mobility` still lacks for a learning agreement the receiving HEI can be sent (the LAs API
// requires each of them), by field and in this order: "nomination.sending.contact",
// "nomination.receiving.contact", "planned_arrival_date", "planned_departure_date",
// "language_skill"; empty when nothing is missing. A mobility nominated from an application has none of the first three nor
// the receiving HEI's contact until the student gives them with the agreement's draft.
std::vector<std::string> missing_for_learning_agreement(const Mobility& mobility);

}  // namespace mobility::mobilities
