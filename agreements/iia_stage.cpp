#include "agreements/iia_stage.hpp"

#include <nlohmann/json.hpp>

namespace mobility::agreements {
namespace {

bool terminated(const db::IiaRecord& record) {
  auto content = nlohmann::json::parse(record.content_json, nullptr, false);
  return content.is_object() && content.value("terminated_as_a_whole", false);
}

}  // namespace

bool partner_approves_current(const db::IiaRecord& record) { return record.partner_approved_hash == record.iia_hash; }

bool we_approve_current(const db::IiaRecord& record) {
  return record.our_approved_partner_hash && record.our_approved_partner_hash == record.partner_copy_hash;
}

IiaStage stage_of(const db::IiaRecord& record) {
  if (record.state == "deleted") return IiaStage::kDeleted;
  if (terminated(record)) return IiaStage::kTerminated;
  if (record.state == "draft") return IiaStage::kDraft;
  bool theirs = partner_approves_current(record), ours = we_approve_current(record);
  if (theirs && ours) return IiaStage::kApprovedByBoth;
  if ((record.partner_approved_hash && !theirs) || (record.our_approved_partner_hash && !ours)) {
    return IiaStage::kApprovalOutdated;
  }
  if (theirs) return IiaStage::kPartnerApproved;
  if (ours) return IiaStage::kWeApproved;
  return IiaStage::kSent;
}

bool ever_approved_by_both(const db::IiaRecord& record) {
  return record.approved_version.has_value() || (partner_approves_current(record) && we_approve_current(record));
}

const char* stage_name(IiaStage stage) {
  switch (stage) {
    case IiaStage::kDraft: return "draft";
    case IiaStage::kSent: return "sent";
    case IiaStage::kPartnerApproved: return "partner_approved";
    case IiaStage::kWeApproved: return "we_approved";
    case IiaStage::kApprovedByBoth: return "approved_by_both";
    case IiaStage::kApprovalOutdated: return "approval_outdated";
    case IiaStage::kTerminated: return "terminated";
    case IiaStage::kDeleted: return "deleted";
  }
  return "";
}

std::optional<IiaStage> stage_from_name(std::string_view name) {
  for (IiaStage stage : kAllStages) {
    if (name == stage_name(stage)) return stage;
  }
  return std::nullopt;
}

}  // namespace mobility::agreements
