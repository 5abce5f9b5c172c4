#include "portal/agreements/field_comparison.hpp"

#include <map>
#include <optional>

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

std::string value_text(const std::optional<std::string>& value, const portal::Messages& messages) {
  if (!value) return messages.text("agreements_value_absent");
  if (*value == "true") return messages.text("agreements_value_yes");
  if (*value == "false") return messages.text("agreements_value_no");
  return *value;
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
  std::map<std::string, FieldDifference> fields = differences;
  if (!only_differences) {
    for (const auto& [path, value] : document_fields(left)) fields.try_emplace(path, FieldDifference{path, value, value});
  }
  data rows = data::type::list;
  for (const auto& [path, field] : fields) {
    data row;
    row.set("label", field_label(path, messages));
    row.set("left", value_text(field.before, messages));
    row.set("right", value_text(field.after, messages));
    row.set("differs", differences.contains(path));
    rows.push_back(row);
  }
  data table;
  table.set("has_rows", !fields.empty());
  table.set("rows", rows);
  table.set("left_heading", left_heading);
  table.set("right_heading", right_heading);
  return table;
}

}  // namespace mobility::agreements::pages
