#include "mobilities/grade_conversion.hpp"

#include <algorithm>
#include <set>

#include "base/text.hpp"

namespace mobility::mobilities {
namespace {

std::string quoted(const std::string& label) { return "\"" + excerpt(label) + "\""; }

uint64_t passing_total(const GradingTable& table) {
  uint64_t total = 0;
  for (const auto& grade : table.grades) {
    if (grade.passing) total += grade.count;
  }
  return total;
}

// A passing grade's place: `before` passing results better than it, `through` = before + its count.
struct Place {
  uint64_t before = 0;
  uint64_t through = 0;
};

GradeBand band_of(const std::string& label, Place place, uint64_t total) {
  return {label, 100.0 * static_cast<double>(place.before) / static_cast<double>(total),
          100.0 * static_cast<double>(place.through) / static_cast<double>(total)};
}

// The places of `table`'s passing grades, best first, in the table's order (failing grades come last).
std::vector<Place> places(const GradingTable& table) {
  std::vector<Place> result;
  uint64_t before = 0;
  for (const auto& grade : table.grades) {
    if (!grade.passing) break;
    result.push_back({before, before + grade.count});
    before += grade.count;
  }
  return result;
}

}  // namespace

Status check_grading_table(const GradingTable& table, const std::string& which) {
  if (table.grades.empty()) return Status::invalid_argument(which + " has no grades");
  std::set<std::string> seen;
  const GradeShare* first_failing = nullptr;
  uint64_t total = 0;
  for (const auto& grade : table.grades) {
    if (grade.label.empty()) return Status::invalid_argument(which + " has a grade without a label");
    if (!seen.insert(grade.label).second) {
      return Status::invalid_argument(which + " has the grade " + quoted(grade.label) + " twice");
    }
    if (!grade.passing && first_failing == nullptr) first_failing = &grade;
    if (grade.passing && first_failing != nullptr) {
      return Status::invalid_argument(which + " lists the failing grade " + quoted(first_failing->label) +
                                      " before the passing grade " + quoted(grade.label) + ": grades go best first");
    }
    if (grade.count > kMaxGradingResults || total + grade.count > kMaxGradingResults) {
      return Status::invalid_argument(which + " counts more than " + std::to_string(kMaxGradingResults) + " results");
    }
    total += grade.count;
  }
  if (passing_total(table) == 0) return Status::invalid_argument(which + " has no passing results");
  return Status::ok();
}

Result<std::vector<GradeBand>> passing_bands(const GradingTable& table) {
  if (auto checked = check_grading_table(table, "the grading table"); !checked) return checked;
  uint64_t total = passing_total(table);
  std::vector<GradeBand> bands;
  auto grade_places = places(table);
  for (size_t i = 0; i < grade_places.size(); ++i) bands.push_back(band_of(table.grades[i].label, grade_places[i], total));
  return bands;
}

Result<ConvertedGrade> convert_grade(const GradingTable& theirs, const std::string& their_grade, const GradingTable& ours) {
  if (auto checked = check_grading_table(theirs, "their grading table"); !checked) return checked;
  if (auto checked = check_grading_table(ours, "our grading table"); !checked) return checked;
  auto found = std::find_if(theirs.grades.begin(), theirs.grades.end(),
                            [&](const GradeShare& grade) { return grade.label == their_grade; });
  if (found == theirs.grades.end()) return Status::invalid_argument("their grading table has no grade " + quoted(their_grade));

  if (!found->passing) {  // rule 4
    auto failing = std::find_if(ours.grades.begin(), ours.grades.end(), [](const GradeShare& grade) { return !grade.passing; });
    if (failing == ours.grades.end()) {
      return Status::invalid_argument("our grading table has no failing grade for the failed result " + quoted(their_grade));
    }
    return ConvertedGrade{failing->label, std::nullopt};
  }

  // Rule 3 in integers. Their midpoint is (before + through) / (2·P_theirs); our band [L/P_ours, U/P_ours)
  // contains it when 2·L·P_theirs <= (before + through)·P_ours < 2·U·P_theirs. Each factor is at most
  // 2·kMaxGradingResults, so every product stays below 2^63.
  const uint64_t their_total = passing_total(theirs);
  const uint64_t our_total = passing_total(ours);
  const Place theirs_at = places(theirs)[static_cast<size_t>(found - theirs.grades.begin())];
  const uint64_t midpoint_scaled = (theirs_at.before + theirs_at.through) * our_total;
  const auto our_places = places(ours);
  std::optional<size_t> chosen;  // an empty band (no results) [L, L) holds nothing: never chosen here
  for (size_t i = 0; i < our_places.size(); ++i) {
    if (2 * our_places[i].before * their_total <= midpoint_scaled && midpoint_scaled < 2 * our_places[i].through * their_total) {
      chosen = i;
      break;
    }
  }
  if (!chosen) {  // their midpoint is 100: their grade and every worse one have no results
    for (size_t i = our_places.size(); i-- > 0;) {
      if (our_places[i].before != our_places[i].through) {
        chosen = i;
        break;
      }
    }
  }
  BandComparison bands{band_of(found->label, theirs_at, their_total),
                       band_of(ours.grades[*chosen].label, our_places[*chosen], our_total),
                       50.0 * static_cast<double>(theirs_at.before + theirs_at.through) / static_cast<double>(their_total)};
  return ConvertedGrade{ours.grades[*chosen].label, std::move(bands)};
}

Result<GradingTable> grading_table_from_distribution(const std::vector<DistributionCategory>& categories, ListedOrder order,
                                                     const std::vector<std::string>& passing_labels) {
  if (categories.empty()) return Status::invalid_argument("the distribution has no categories");
  for (const auto& label : passing_labels) {
    bool listed =
        std::any_of(categories.begin(), categories.end(), [&](const DistributionCategory& c) { return c.label == label; });
    if (!listed) return Status::invalid_argument("the passing grade " + quoted(label) + " is not in the distribution");
  }
  const std::set<std::string> passing(passing_labels.begin(), passing_labels.end());
  GradingTable table;
  for (const auto& category : categories)
    table.grades.push_back({category.label, category.count, passing.count(category.label) > 0});
  if (order == ListedOrder::kWorstFirst) std::reverse(table.grades.begin(), table.grades.end());
  if (auto checked = check_grading_table(table, "the distribution"); !checked) return checked;
  return table;
}

}  // namespace mobility::mobilities
