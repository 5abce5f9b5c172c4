#include "portal/agreements/field_comparison.hpp"

#include <algorithm>
#include <cstdlib>
#include <map>
#include <optional>
#include <tuple>
#include <vector>

#include "agreements/version_diff.hpp"

namespace mobility::agreements::pages {
namespace {

using kainjow::mustache::data;

// "subject_areas[1]" → "Subject area 2"; "blended" → "Blended".
std::string segment_label(std::string_view segment, const portal::Messages& messages) {
  size_t bracket = segment.find('[');
  std::string name(segment.substr(0, bracket));
  std::string label = messages.text("iia_field_" + name);
  if (bracket == std::string_view::npos) return label;
  int index = std::stoi(std::string(segment.substr(bracket + 1)));
  return label + " " + std::to_string(index + 1);
}

// A value in words: yes/no, absent, a mobility type's name ("student-studies" → "Student
// mobility for studies"); other values as they are.
std::string value_text(std::string_view path, const std::optional<std::string>& value, const portal::Messages& messages) {
  if (!value) return messages.text("agreements_value_absent");
  if (*value == "true") return messages.text("agreements_value_yes");
  if (*value == "false") return messages.text("agreements_value_no");
  if (path.ends_with(".type") || path == "type") {
    std::string key = "agreements_type_" + *value;
    std::replace(key.begin(), key.end(), '-', '_');
    if (messages.all().contains(key)) return messages.text(key);
  }
  return *value;
}

// The fields of an agreement in the order the agreement itself has them (the spec's order);
// fields not listed come after, by name.
constexpr std::string_view kFieldOrder[] = {"partners",
                                            "hei_id",
                                            "ounit_id",
                                            "iia_id",
                                            "iia_code",
                                            "signing_contact",
                                            "signing_date",
                                            "contacts",
                                            "name",
                                            "given_names",
                                            "family_name",
                                            "email",
                                            "phone_e164",
                                            "role_description",
                                            "in_effect",
                                            "terminated_as_a_whole",
                                            "mobility_specs",
                                            "type",
                                            "sending_hei_id",
                                            "sending_ounit_id",
                                            "sending_contacts",
                                            "receiving_hei_id",
                                            "receiving_ounit_id",
                                            "receiving_contacts",
                                            "receiving_first_academic_year_id",
                                            "receiving_last_academic_year_id",
                                            "mobilities_per_year",
                                            "mobilities_per_year_not_yet_defined",
                                            "recommended_language_skills",
                                            "language",
                                            "cefr_level",
                                            "subject_area",
                                            "not_yet_defined",
                                            "subject_areas",
                                            "isced_f_code",
                                            "v6_value",
                                            "isced_clarification",
                                            "total_months_per_year",
                                            "total_days_per_year",
                                            "blended",
                                            "eqf_levels",
                                            "other_info_terms",
                                            "pdf_file"};

// "subject_areas[10]" → (rank of subject_areas, "subject_areas", 10); no index: -1.
std::tuple<size_t, std::string_view, int> segment_key(std::string_view segment) {
  size_t bracket = segment.find('[');
  std::string_view name = segment.substr(0, bracket);
  size_t rank = std::find(std::begin(kFieldOrder), std::end(kFieldOrder), name) - std::begin(kFieldOrder);
  int index = bracket == std::string_view::npos ? -1 : std::atoi(std::string(segment.substr(bracket + 1)).c_str());
  return {rank, rank == std::size(kFieldOrder) ? name : std::string_view(), index};
}

std::vector<std::string_view> segments(std::string_view path) {
  std::vector<std::string_view> parts;
  for (size_t start = 0; start <= path.size();) {
    size_t dot = std::min(path.find('.', start), path.size());
    parts.push_back(path.substr(start, dot - start));
    start = dot + 1;
  }
  return parts;
}

bool in_document_order(std::string_view a, std::string_view b) {
  std::vector<std::string_view> left = segments(a), right = segments(b);
  for (size_t i = 0; i < left.size() && i < right.size(); ++i) {
    auto l = segment_key(left[i]), r = segment_key(right[i]);
    if (l != r) return l < r;
  }
  return left.size() < right.size();
}

// The group a field belongs to: its first segment when that is a list entry ("Cooperation
// condition 1", "Partner 2"), else the agreement as a whole.
std::string group_caption(std::string_view path, const portal::Messages& messages) {
  std::string_view first = segments(path).front();
  if (first.find('[') == std::string_view::npos) return messages.text("agreements_group_general");
  return segment_label(first, messages);
}

data groups_data(const std::vector<std::pair<std::string, std::vector<data>>>& groups) {
  data list = data::type::list;
  for (const auto& [caption, rows] : groups) {
    data group;
    group.set("caption", caption);
    data group_rows = data::type::list;
    for (const data& row : rows) group_rows.push_back(row);
    group.set("rows", group_rows);
    list.push_back(group);
  }
  return list;
}

}  // namespace

std::string field_label(std::string_view path, const portal::Messages& messages) {
  std::string label;
  size_t start = 0;
  while (start <= path.size()) {
    size_t dot = path.find('.', start);
    if (dot == std::string_view::npos) dot = path.size();
    label += (label.empty() ? "" : " › ") + segment_label(path.substr(start, dot - start), messages);
    start = dot + 1;
  }
  return label;
}

data comparison_table(const nlohmann::json& left, const nlohmann::json& right, bool only_differences,
                      const std::string& left_heading, const std::string& right_heading, const portal::Messages& messages) {
  std::map<std::string, FieldDifference> differences;
  for (FieldDifference& difference : diff_documents(left, right)) differences[difference.path] = std::move(difference);
  std::vector<FieldDifference> fields;
  for (const auto& [path, difference] : differences) fields.push_back(difference);
  if (!only_differences) {
    for (const auto& [path, value] : document_fields(left)) {
      if (!differences.contains(path)) fields.push_back({path, value, value});
    }
  }
  std::sort(fields.begin(), fields.end(),
            [](const FieldDifference& a, const FieldDifference& b) { return in_document_order(a.path, b.path); });
  // The rows, and the same rows by group (the first segment of the path): those with differences
  // first, then the equal ones, to be folded away.
  data rows = data::type::list;
  std::vector<std::pair<std::string, std::vector<data>>> differing, equal;
  auto add_to = [](std::vector<std::pair<std::string, std::vector<data>>>& groups, const std::string& caption, data row) {
    if (groups.empty() || groups.back().first != caption) groups.push_back({caption, {}});
    groups.back().second.push_back(std::move(row));
  };
  size_t equal_count = 0;
  for (const FieldDifference& field : fields) {
    bool differs = differences.contains(field.path);
    data row;
    row.set("label", field_label(field.path, messages));
    row.set("left", value_text(field.path, field.before, messages));
    row.set("right", value_text(field.path, field.after, messages));
    row.set("differs", differs);
    rows.push_back(row);
    add_to(differs ? differing : equal, group_caption(field.path, messages), row);
    equal_count += differs ? 0 : 1;
  }
  data table;
  table.set("has_rows", !fields.empty());
  table.set("rows", rows);
  table.set("has_differences", !differing.empty());
  table.set("differing_groups", groups_data(differing));
  table.set("has_equal", !equal.empty());
  table.set("equal_groups", groups_data(equal));
  table.set("equal_count", std::to_string(equal_count));
  table.set("left_heading", left_heading);
  table.set("right_heading", right_heading);
  return table;
}

}  // namespace mobility::agreements::pages
