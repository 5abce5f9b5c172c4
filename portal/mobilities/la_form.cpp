#include "portal/mobilities/la_form.hpp"

#include <algorithm>
#include <variant>

#include "base/pattern.hpp"
#include "base/text.hpp"
#include "portal/agreements/form_views.hpp"

namespace mobility::portal::mobility_pages {
namespace {

using mobilities::ChangeStatus;
using mobilities::Component;
using mobilities::ComponentTable;

const char* const kColumns[] = {"code", "title", "credits", "term", "conditions", "change", "reason"};
// Hidden: the ids in the host's Courses API of a course picked from its catalogue, and the code
// they belong to (when the code is changed, they no longer describe the row and are dropped).
const char* const kIdColumns[] = {"los_id", "loi_id", "los_for"};

std::string row_key(const std::string& prefix, size_t row, const std::string& column) {
  return prefix + std::to_string(row) + "_" + column;
}

std::string value(const LaFields& fields, const std::string& key) {
  auto found = fields.find(key);
  return found == fields.end() ? "" : std::string(trim_blanks(found->second));
}

bool blank_row(const LaFields& fields, const std::string& prefix, size_t row) {
  for (const char* column : {"code", "title", "credits", "conditions"}) {
    if (!value(fields, row_key(prefix, row, column)).empty()) return false;
  }
  return true;
}

// One row as a component, its problems added to `errors`.
Component component_of(const LaFields& fields, const std::string& prefix, size_t row, bool is_change, LaFieldErrors& errors) {
  auto field = [&](const char* column) { return value(fields, row_key(prefix, row, column)); };
  auto refuse = [&](const char* column, const std::string& key) { errors.try_emplace(row_key(prefix, row, column), key); };
  for (const char* column : kColumns) {
    if (auto problem = text_problem(field(column))) refuse(column, *problem);
  }
  for (const char* column : kIdColumns) {
    if (text_problem(field(column))) refuse("code", "field_invalid_text");
  }
  Component component;
  if (!field("code").empty()) component.los_code = field("code");
  if (!field("los_id").empty() && field("los_for") == field("code")) {
    component.los_id = field("los_id");
    if (!field("loi_id").empty()) component.loi_id = field("loi_id");
  }
  component.title = field("title");
  if (component.title.empty()) refuse("title", "field_required");
  if (!field("credits").empty()) {
    if (field("credits").size() > 12 || !matches(field("credits"), "[0-9]+([.,][0-9]+)?"))
      refuse("credits", "mobilities_error_credits");
    component.credits = {{"ects", with_decimal_point(field("credits"))}};
  }
  component.term = mobilities::term_id_from_text(field("term"));
  if (!component.term) refuse("term", "mobilities_error_term");
  if (prefix == "b" && !field("conditions").empty()) component.recognition_conditions = field("conditions");
  if (!is_change) return component;
  std::string change = field("change");
  if (change == "inserted") {
    component.change = ChangeStatus::kInserted;
  } else if (change == "deleted") {
    component.change = ChangeStatus::kDeleted;
  } else {
    refuse("change", "mobilities_error_change");
  }
  if (!field("reason").empty()) component.reason_code = field("reason");
  return component;
}

void set_row(LaFields& fields, const std::string& prefix, size_t row, const Component& component) {
  fields[row_key(prefix, row, "code")] = component.los_code.value_or("");
  fields[row_key(prefix, row, "title")] = component.title;
  fields[row_key(prefix, row, "credits")] = component.credits.empty() ? "" : component.credits.front().value;
  fields[row_key(prefix, row, "term")] = component.term ? mobilities::term_id_text(*component.term) : "";
  fields[row_key(prefix, row, "conditions")] = component.recognition_conditions.value_or("");
  if (component.change != ChangeStatus::kUnchanged) {
    fields[row_key(prefix, row, "change")] = component.change == ChangeStatus::kInserted ? "inserted" : "deleted";
  }
  fields[row_key(prefix, row, "reason")] = component.reason_code.value_or("");
  if (component.los_id) {
    fields[row_key(prefix, row, "los_id")] = *component.los_id;
    fields[row_key(prefix, row, "loi_id")] = component.loi_id.value_or("");
    fields[row_key(prefix, row, "los_for")] = component.los_code.value_or("");
  }
}

}  // namespace

std::optional<std::string> text_problem(const std::string& text) {
  if (text.size() > kMaxField) return "field_too_long";
  if (!is_clean_utf8(text)) return "field_invalid_text";
  if (text.find_first_of("<>") != std::string::npos) return "agreements_error_markup";
  return std::nullopt;
}

LaFields la_fields_of(const http::HeaderList& form) {
  LaFields fields;
  for (const auto& [name, text] : form) {
    if (name.size() < 64 && (name[0] == 'a' || name[0] == 'b')) fields[name] = text;
  }
  return fields;
}

LaFields la_fields_of(const mobilities::LaVersion& version) {
  LaFields fields;
  for (auto [table, prefix] : {std::pair{ComponentTable::kStudied, "a"}, std::pair{ComponentTable::kRecognized, "b"}}) {
    const auto* components = version.components(table);
    if (components == nullptr) continue;
    for (size_t row = 0; row < components->size() && row < kMaxLaRows; ++row) set_row(fields, prefix, row, (*components)[row]);
  }
  return fields;
}

size_t la_row_count(const LaFields& fields, const std::string& prefix) {
  size_t rows = 0;
  for (size_t row = 0; row < kMaxLaRows + kBlankLaRows; ++row) {
    if (!blank_row(fields, prefix, row)) rows = row + 1;
  }
  return rows;
}

bool has_la_row(const LaFields& fields, const std::string& prefix, const mobilities::Component& component) {
  for (size_t row = 0; row < la_row_count(fields, prefix); ++row) {
    if (value(fields, row_key(prefix, row, "code")) == component.los_code.value_or("") &&
        value(fields, row_key(prefix, row, "title")) == component.title) {
      return true;
    }
  }
  return false;
}

void add_la_row(LaFields& fields, const std::string& prefix, const mobilities::Component& component) {
  if (!has_la_row(fields, prefix, component)) set_row(fields, prefix, la_row_count(fields, prefix), component);
}

std::variant<mobilities::LaVersion, LaFieldErrors> la_version_of(const LaFields& fields, bool is_change) {
  mobilities::LaVersion version;
  LaFieldErrors errors;
  for (auto [table, prefix] : {std::pair{ComponentTable::kStudied, "a"}, std::pair{ComponentTable::kRecognized, "b"}}) {
    std::vector<Component> components;
    size_t rows = la_row_count(fields, prefix);
    if (rows > kMaxLaRows) errors.try_emplace(row_key(prefix, kMaxLaRows, "title"), "mobilities_error_too_many_rows");
    for (size_t row = 0; row < rows && row < kMaxLaRows; ++row) {
      if (blank_row(fields, prefix, row)) continue;
      components.push_back(component_of(fields, prefix, row, is_change, errors));
    }
    if (!components.empty()) version.components_of(table) = std::move(components);
  }
  if (!errors.empty()) return errors;
  return version;
}

namespace {

using kainjow::mustache::data;

const char* const kChanges[] = {"inserted", "deleted"};
const char* const kReasons[] = {"not-available",        "language-mismatch",  "timetable-conflict",
                                "substituting-deleted", "extending-mobility", "adding-virtual-component"};

data cell(const LaFields& fields, const LaFieldErrors& errors, const std::string& key, const Messages& messages) {
  data view;
  view.set("name", key);
  auto found = fields.find(key);
  std::string typed = found == fields.end() ? "" : found->second;
  view.set("value", is_clean_utf8(typed) ? typed : "");
  if (auto error = errors.find(key); error != errors.end()) {
    view.set("error", messages.text(error->second));
    view.set("invalid", true);
  }
  return view;
}

data table_view(const LaFields& fields, const LaFieldErrors& errors, const std::string& prefix, bool is_change,
                const Messages& messages) {
  data rows = data::type::list;
  size_t count = std::min(la_row_count(fields, prefix), kMaxLaRows) + kBlankLaRows;
  agreements::pages::Options changes = {{"", messages.text("mobilities_choose")}};
  for (const char* change : kChanges) changes.emplace_back(change, messages.text(std::string("mobilities_change_") + change));
  agreements::pages::Options reasons = {{"", messages.text("mobilities_no_reason")}};
  for (std::string reason : kReasons) {
    std::string key = reason;
    for (char& c : key) {
      if (c == '-') c = '_';
    }
    reasons.emplace_back(reason, messages.text("mobilities_reason_" + key));
  }
  for (size_t row = 0; row < count; ++row) {
    data view;
    view.set("number", std::to_string(row + 1));
    for (const char* column : {"code", "title", "credits", "term", "conditions"}) {
      view.set(column, cell(fields, errors, row_key(prefix, row, column), messages));
    }
    data ids = data::type::list;
    if (!value(fields, row_key(prefix, row, "los_id")).empty()) {
      for (const char* column : kIdColumns) ids.push_back(cell(fields, errors, row_key(prefix, row, column), messages));
    }
    view.set("ids", ids);
    if (is_change) {
      view.set("change", cell(fields, errors, row_key(prefix, row, "change"), messages));
      view.set("change_options", agreements::pages::option_list(changes, value(fields, row_key(prefix, row, "change"))));
      view.set("reason", cell(fields, errors, row_key(prefix, row, "reason"), messages));
      view.set("reason_options", agreements::pages::option_list(reasons, value(fields, row_key(prefix, row, "reason"))));
    }
    rows.push_back(view);
  }
  data table;
  table.set("rows", rows);
  table.set("recognized", prefix == "b");
  table.set("caption",
            messages.text(prefix == "a" ? "mobilities_table_components_studied" : "mobilities_table_components_recognized"));
  return table;
}

}  // namespace

data la_editor_view(const LaFields& fields, const LaFieldErrors& errors, bool is_change, const Messages& messages) {
  data tables = data::type::list;
  tables.push_back(table_view(fields, errors, "a", is_change, messages));
  tables.push_back(table_view(fields, errors, "b", is_change, messages));
  data view;
  view.set("tables", tables);
  view.set("is_change", is_change);
  return view;
}

}  // namespace mobility::portal::mobility_pages
