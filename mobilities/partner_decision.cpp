#include "mobilities/partner_decision.hpp"

#include <nlohmann/json.hpp>
#include <utility>

#include "base/json_fields.hpp"
#include "mobilities/mobility_json.hpp"

namespace mobility::mobilities {

namespace {

constexpr std::pair<PartnerDecision::Kind, const char*> kKinds[] = {
    {PartnerDecision::Kind::kApproveNomination, "approve-nomination"},
    {PartnerDecision::Kind::kRejectNomination, "reject-nomination"},
    {PartnerDecision::Kind::kApproveLa, "approve-la"},
    {PartnerDecision::Kind::kCommentLa, "comment-la"},
};

const char* kind_name(PartnerDecision::Kind kind) {
  for (const auto& [value, name] : kKinds) {
    if (value == kind) return name;
  }
  return "";
}

// Never a default: an unreadable kind must not turn into an approval.
std::optional<PartnerDecision::Kind> kind_of(const std::string& name) {
  for (const auto& [value, candidate] : kKinds) {
    if (candidate == name) return value;
  }
  return std::nullopt;
}

}  // namespace

const char* update_api_of(PartnerDecision::Kind kind) {
  bool nomination = kind == PartnerDecision::Kind::kApproveNomination || kind == PartnerDecision::Kind::kRejectNomination;
  return nomination ? "omobilities-update" : "omobility-las-update";
}

std::string decision_to_json_text(const PartnerDecision& decision) {
  nlohmann::json out = {
      {"kind", kind_name(decision.kind)}, {"proposal_id", decision.proposal_id}, {"decided_by", decision.decided_by}};
  json_fields::put(out, "comment", decision.comment);
  if (decision.signature) out["signature"] = to_json_value(*decision.signature);
  return out.dump();
}

Result<PartnerDecision> decision_from_json_text(std::string_view text) {
  try {
    nlohmann::json in = nlohmann::json::parse(text);
    PartnerDecision decision;
    auto kind = kind_of(in.at("kind").get<std::string>());
    if (!kind) return Status::invalid_argument("stored decision has an unknown kind");
    decision.kind = *kind;
    decision.proposal_id = in.at("proposal_id").get<std::string>();
    json_fields::take(in, "decided_by", decision.decided_by);
    json_fields::take(in, "comment", decision.comment);
    if (auto found = in.find("signature"); found != in.end() && !found->is_null()) {
      decision.signature = signature_from_json_value(*found);
    }
    return decision;
  } catch (const nlohmann::json::exception& error) {
    return Status::invalid_argument(std::string("stored decision does not read: ") + error.what());
  }
}

}  // namespace mobility::mobilities
