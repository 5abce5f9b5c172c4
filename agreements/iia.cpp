#include "agreements/iia.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace mobility::agreements {
namespace {

constexpr std::array<std::pair<MobilityType, const char*>, 4> kTypeNames = {{
    {MobilityType::kStudentStudies, "student-studies"},
    {MobilityType::kStudentTraineeship, "student-traineeship"},
    {MobilityType::kStaffTeacher, "staff-teacher"},
    {MobilityType::kStaffTraining, "staff-training"},
}};

}  // namespace

const char* mobility_type_name(MobilityType type) {
  for (const auto& [known, name] : kTypeNames) {
    if (known == type) return name;
  }
  return "student-studies";
}

std::optional<MobilityType> mobility_type_from_name(std::string_view name) {
  for (const auto& [type, known] : kTypeNames) {
    if (name == known) return type;
  }
  return std::nullopt;
}

bool is_student_mobility(MobilityType type) {
  return type == MobilityType::kStudentStudies || type == MobilityType::kStudentTraineeship;
}

void sort_mobility_specs(Iia& iia) {
  std::stable_sort(iia.mobility_specs.begin(), iia.mobility_specs.end(),
                   [](const MobilitySpec& a, const MobilitySpec& b) { return a.type < b.type; });
}

}  // namespace mobility::agreements
