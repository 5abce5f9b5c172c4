#include "portal/web/form_view.hpp"

#include <charconv>

#include "base/text.hpp"

namespace mobility::portal {
namespace {

using kainjow::mustache::data;

bool row_is_blank(const FormValues& values, const std::string& list, size_t row, const std::vector<FieldSpec>& fields) {
  for (const auto& spec : fields) {
    if (!trim_blanks(value_of(values, row_field(list, row, spec.name))).empty()) return false;
  }
  return true;
}

bool row_exists(const FormValues& values, const std::string& list, size_t row, const std::vector<FieldSpec>& fields) {
  for (const auto& spec : fields) {
    if (values.contains(row_field(list, row, spec.name))) return true;
  }
  return false;
}

data options_view(const FieldSpec& spec, const std::string& value, const Messages& messages) {
  return option_items(spec.options, value, messages);
}

}  // namespace

data option_items(const std::vector<std::pair<std::string, std::string>>& options, const std::string& chosen,
                  const Messages& messages) {
  data items = data::type::list;
  for (const auto& [option, label_key] : options) {
    data item;
    item.set("value", option);
    item.set("label", messages.text(label_key));
    item.set("selected", option == chosen);
    items.push_back(item);
  }
  return items;
}

std::string row_field(const std::string& list, size_t row, const std::string& name) {
  return list + "[" + std::to_string(row) + "]." + name;
}

FormValues values_of_form(const http::HeaderList& form) {
  FormValues values;
  for (const auto& [name, value] : form) values.emplace(name, value);  // the first of repeated names
  return values;
}

int number_or_zero(std::string_view text) {
  int number = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
  return error == std::errc() && end == text.data() + text.size() ? number : 0;
}

std::string value_of(const FormValues& values, const std::string& name) {
  auto found = values.find(name);
  return found == values.end() ? "" : found->second;
}

FormValues compact_rows(const FormValues& values, const std::string& list, const std::vector<FieldSpec>& row_fields,
                        size_t max_rows) {
  FormValues compacted;
  std::string prefix = list + "[";
  for (const auto& [name, value] : values) {
    if (!name.starts_with(prefix)) compacted.emplace(name, value);
  }
  size_t next = 0;
  for (size_t row = 0; row < max_rows; ++row) {
    if (row_is_blank(values, list, row, row_fields)) continue;
    for (const auto& spec : row_fields) {
      compacted[row_field(list, next, spec.name)] = value_of(values, row_field(list, row, spec.name));
    }
    ++next;
  }
  return compacted;
}

size_t row_count(const FormValues& values, const std::string& list, const std::vector<FieldSpec>& row_fields) {
  size_t rows = 0;
  while (row_exists(values, list, rows, row_fields)) ++rows;
  return rows;
}

data FormView::field(const std::string& name, const FieldSpec& spec) const {
  data view;
  std::string value = value_of(values_, name);
  view.set("id", name);
  view.set("label", messages_.text(spec.label_key));
  view.set("value", displayable(value));  // bytes that were refused show as U+FFFD
  // Every key the partial tests is set, false when off, so that none is looked up in the page around it.
  view.set("hint", false);
  view.set("invalid", false);
  view.set("error", false);
  view.set("described_by", false);
  if (!spec.hint_key.empty()) view.set("hint", messages_.text(spec.hint_key));
  view.set("text", spec.kind == FieldKind::kText);
  view.set("area", spec.kind == FieldKind::kTextArea);
  view.set("select", spec.kind == FieldKind::kSelect);
  if (spec.kind == FieldKind::kSelect) view.set("options", options_view(spec, value, messages_));
  std::string described_by = spec.hint_key.empty() ? "" : name + "-hint";
  if (const auto* problem = agreements::problem_of(problems_, name)) {
    view.set("invalid", true);
    view.set("error", messages_.text(problem->message_key));
    described_by += (described_by.empty() ? "" : " ") + name + "-error";
  }
  if (!described_by.empty()) view.set("described_by", described_by);
  return view;
}

data FormView::fields(const std::vector<FieldSpec>& specs) const {
  data list = data::type::list;
  for (const auto& spec : specs) list.push_back(field(spec.name, spec));
  return list;
}

data FormView::rows(const std::string& list, const std::vector<FieldSpec>& row_fields, size_t blank_rows) const {
  data rows = data::type::list;
  size_t total = row_count(values_, list, row_fields) + blank_rows;
  for (size_t row = 0; row < total; ++row) {
    data fields = data::type::list;
    for (const auto& spec : row_fields) fields.push_back(field(row_field(list, row, spec.name), spec));
    data item;
    item.set("number", std::to_string(row + 1));
    item.set("fields", fields);
    rows.push_back(item);
  }
  return rows;
}

data differences_view(const std::vector<agreements::FieldDifference>& differences) {
  // An empty text reads as "not there": a field left empty and a field never filled look alike.
  auto shown = [](const std::optional<std::string>& value) { return value && !value->empty() ? data(*value) : data(false); };
  data rows = data::type::list;
  for (const auto& difference : differences) {
    data before = shown(difference.before), after = shown(difference.after);
    if (before.is_bool() && after.is_bool()) continue;
    data row;
    row.set("field", difference.path);
    row.set("before", before);
    row.set("after", after);
    rows.push_back(row);
  }
  return rows;
}

}  // namespace mobility::portal
