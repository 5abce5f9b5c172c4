#include "agreements/copy_comparison.hpp"

#include <utility>

#include "agreements/iia_json.hpp"

namespace mobility::agreements {

Iia aligned_with_ours(Iia theirs) {
  if (theirs.partners.size() == 2) std::swap(theirs.partners[0], theirs.partners[1]);
  return theirs;
}

bool is_agreed_term(std::string_view path) {
  bool condition = path_within(path, "mobility_specs") && path.find("_contacts") == std::string_view::npos;
  return condition || path_within(path, "terminated_as_a_whole") || path_within(path, "partners[0].iia_id") ||
         path_within(path, "partners[1].iia_id");
}

CopyComparison compare_copies(const Iia& ours, const Iia& theirs) {
  CopyComparison comparison{diff_documents(iia_to_json(ours), iia_to_json(theirs)), false};
  for (const auto& difference : comparison.differences) {
    if (is_agreed_term(difference.path)) comparison.terms_differ = true;
  }
  return comparison;
}

std::vector<ApprovalBlock> approval_blocks(const db::IiaRecord& ours, const std::optional<db::PartnerCopyRecord>& theirs) {
  std::vector<ApprovalBlock> blocks;
  if (ours.state == "deleted") blocks.push_back(ApprovalBlock::kDeleted);
  if (!theirs) {
    blocks.push_back(ApprovalBlock::kNoPartnerCopy);
    return blocks;
  }
  if (!theirs->bound_by_us || theirs->names_iia_id != ours.iia_id) blocks.push_back(ApprovalBlock::kNotBound);
  if (!theirs->hash_verified) blocks.push_back(ApprovalBlock::kHashNotVerified);
  if (!theirs->valid_for_approval) blocks.push_back(ApprovalBlock::kLegacyValues);
  auto our_content = iia_from_json_text(ours.content_json);
  auto their_content = iia_from_json_text(theirs->content_json);
  if (!our_content || !their_content) {
    blocks.push_back(ApprovalBlock::kUnreadable);
  } else if (compare_copies(*our_content, aligned_with_ours(std::move(*their_content))).terms_differ) {
    blocks.push_back(ApprovalBlock::kDifferences);
  }
  return blocks;
}

const char* approval_block_key(ApprovalBlock block) {
  switch (block) {
    case ApprovalBlock::kDeleted: return "agreements_block_deleted";
    case ApprovalBlock::kNoPartnerCopy: return "agreements_block_no_partner_copy";
    case ApprovalBlock::kNotBound: return "agreements_block_not_bound";
    case ApprovalBlock::kHashNotVerified: return "agreements_block_hash";
    case ApprovalBlock::kLegacyValues: return "agreements_block_legacy";
    case ApprovalBlock::kUnreadable: return "agreements_block_unreadable";
    case ApprovalBlock::kDifferences: return "agreements_block_differences";
  }
  return "";
}

}  // namespace mobility::agreements
