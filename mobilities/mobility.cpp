#include "mobilities/mobility.hpp"

#include <array>
#include <utility>

namespace mobility::mobilities {
namespace {

constexpr std::array<std::pair<ActivityAttributes, const char*>, 3> kAttributes = {{
    {ActivityAttributes::kLongTerm, "long-term"},
    {ActivityAttributes::kShortTermBlended, "short-term-blended"},
    {ActivityAttributes::kShortTermDoctoral, "short-term-doctoral"},
}};

constexpr std::array<std::pair<NominationStatus, const char*>, 4> kStatuses = {{
    {NominationStatus::kPending, "pending"},
    {NominationStatus::kApproved, "approved"},
    {NominationStatus::kRejected, "rejected"},
    {NominationStatus::kCancelled, "cancelled"},
}};

template <typename Enum, size_t N>
const char* name_in(const std::array<std::pair<Enum, const char*>, N>& names, Enum value) {
  for (const auto& [candidate, name] : names) {
    if (candidate == value) return name;
  }
  return "";
}

template <typename Enum, size_t N>
std::optional<Enum> value_in(const std::array<std::pair<Enum, const char*>, N>& names, std::string_view name) {
  for (const auto& [value, candidate] : names) {
    if (candidate == name) return value;
  }
  return std::nullopt;
}

}  // namespace

const char* activity_attributes_name(ActivityAttributes attributes) { return name_in(kAttributes, attributes); }
std::optional<ActivityAttributes> activity_attributes_from_name(std::string_view name) { return value_in(kAttributes, name); }

const char* nomination_status_name(NominationStatus status) { return name_in(kStatuses, status); }
std::optional<NominationStatus> nomination_status_from_name(std::string_view name) { return value_in(kStatuses, name); }

}  // namespace mobility::mobilities
