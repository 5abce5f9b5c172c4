// Our copy of an agreement beside the partner's, and whether we may approve the partner's copy.
//
// Each partner serves its own copy with itself as partners[0], so the partner's copy is read with
// its partners swapped before comparing: then "ours" and "theirs" line up field by field. We only
// approve a copy that is bound to ours, whose published hash we verified, that holds no legacy
// (v6) values and whose cooperation conditions equal ours (EWP IIAs Approval v2).
#pragma once

#include <optional>
#include <vector>

#include "agreements/iia.hpp"
#include "agreements/version_diff.hpp"
#include "db/iia_approvals.hpp"
#include "db/iias.hpp"

namespace mobility::agreements {

// The partner's copy with its partners in our order (us first).
Iia aligned_with_ours(Iia theirs);

struct CopyComparison {
  std::vector<FieldDifference> differences;  // every differing field: ours before, theirs after
  bool terms_differ = false;                 // some of them are cooperation conditions or ids
};

// `theirs` as given by aligned_with_ours.
CopyComparison compare_copies(const Iia& ours, const Iia& theirs);

// true for the fields both partners must agree on before approving: the cooperation conditions
// (without their contacts), the termination and the two iia ids (what the EWP hash covers).
bool is_agreed_term(std::string_view path);

enum class ApprovalBlock {
  kDeleted,          // our copy was withdrawn
  kNoPartnerCopy,    // nothing fetched from the partner yet
  kNotBound,         // the partner's copy does not name ours, or ours does not name it
  kHashNotVerified,  // our computation of its hash disagrees with the published one
  kLegacyValues,     // it still holds values of a v6 agreement
  kUnreadable,       // its stored content cannot be read as an agreement
  kDifferences,      // its cooperation conditions differ from ours
};

// Why the partner's copy cannot be approved now; empty when it can.
std::vector<ApprovalBlock> approval_blocks(const db::IiaRecord& ours, const std::optional<db::PartnerCopyRecord>& theirs);

// "agreements_block_deleted", "agreements_block_no_partner_copy", …: the message that explains it.
const char* approval_block_key(ApprovalBlock block);

}  // namespace mobility::agreements
