#include "agreements/host_course_import.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "base/csv_reading.hpp"
#include "base/text.hpp"
#include "db/audit_events.hpp"
#include "db/transaction.hpp"

namespace mobility::agreements {
namespace {

constexpr size_t kMaxText = 200'000;
constexpr size_t kMaxRows = 500;
const std::vector<std::string> kRequired = {"los_code", "title", "ects_credits", "term"};
const std::vector<std::string> kOptional = {"language", "eqf_level", "isced_f_code", "url"};

bool known_column(const std::string& name) {
  return std::find(kRequired.begin(), kRequired.end(), name) != kRequired.end() ||
         std::find(kOptional.begin(), kOptional.end(), name) != kOptional.end();
}

// The row's value of `column`, trimmed; "" when the header has no such column or the row is short.
std::string value_in(const CsvRow& row, const std::map<std::string, size_t>& columns, const std::string& column) {
  auto found = columns.find(column);
  if (found == columns.end() || found->second >= row.fields.size()) return "";
  return std::string(trim_blanks(row.fields[found->second]));
}

std::optional<std::string> optional_in(const CsvRow& row, const std::map<std::string, size_t>& columns,
                                       const std::string& column) {
  std::string value = value_in(row, columns, column);
  return value.empty() ? std::nullopt : std::optional<std::string>(value);
}

db::HostCourseFields fields_of(const CsvRow& row, const std::map<std::string, size_t>& columns) {
  std::string credits = value_in(row, columns, "ects_credits");
  std::replace(credits.begin(), credits.end(), ',', '.');
  return {
      value_in(row, columns, "los_code"),          value_in(row, columns, "title"),       credits,
      ascii_lower(value_in(row, columns, "term")), optional_in(row, columns, "language"), optional_in(row, columns, "eqf_level"),
      optional_in(row, columns, "isced_f_code"),   optional_in(row, columns, "url")};
}

// The header's columns by name; the unknown and missing ones go to the preview.
std::map<std::string, size_t> columns_of(const CsvRow& header, ImportPreview& preview) {
  std::map<std::string, size_t> columns;
  for (size_t i = 0; i < header.fields.size(); ++i) {
    std::string name = ascii_lower(std::string(trim_blanks(header.fields[i])));
    if (!known_column(name)) {
      preview.unknown_columns.push_back(name);
    } else {
      columns.emplace(name, i);
    }
  }
  for (const std::string& required : kRequired) {
    if (!columns.contains(required)) preview.text_problems.push_back("host_course_import_missing_" + required);
  }
  return columns;
}

// The codes of the list now, in lower case.
Result<std::set<std::string>> listed_codes(db::Connection& connection, const DestinationKey& key) {
  auto courses = db::list_host_courses(connection, key.hei_id, key.partner_hei_id);
  if (!courses) return courses.status();
  std::set<std::string> codes;
  for (const auto& course : *courses) codes.insert(ascii_lower(course.fields.los_code));
  return codes;
}

void check_rows(ImportPreview& preview, const std::set<std::string>& listed) {
  std::set<std::string> seen;
  for (ImportRow& row : preview.rows) {
    row.problems = check_host_course(row.fields);
    std::string code = ascii_lower(row.fields.los_code);
    if (row.fields.los_code.empty() || problem_of(row.problems, "los_code")) continue;
    if (listed.contains(code)) {
      row.problems.push_back({"los_code", "host_course_code_taken"});
    } else if (!seen.insert(code).second) {
      row.problems.push_back({"los_code", "host_course_code_twice"});
    }
  }
}

Status store(db::Connection& connection, const DestinationKey& key, const ImportPreview& preview, const Editor& editor) {
  for (const ImportRow& row : preview.rows) {
    auto course_id = db::insert_host_course(connection, key.hei_id, key.partner_hei_id, row.fields, editor.name);
    if (!course_id) return course_id.status();
    std::string record = "host_course:" + key.partner_hei_id + ":" + std::to_string(*course_id);
    Status audited =
        db::record_audit_event(connection, {editor.account_id, editor.name, editor.role, key.hei_id, "host_course_added", record,
                                            "imported: " + row.fields.los_code + " " + row.fields.title, ""});
    if (!audited) return audited;
  }
  return Status::ok();
}

}  // namespace

bool ImportPreview::ok() const {
  if (!text_problems.empty() || !unknown_columns.empty() || rows.empty()) return false;
  return std::all_of(rows.begin(), rows.end(), [](const ImportRow& row) { return row.problems.empty(); });
}

Result<ImportPreview> preview_host_course_import(db::Connection& connection, const DestinationKey& key, std::string_view csv) {
  auto known = db::is_course_destination(connection, key.hei_id, key.partner_hei_id);
  if (!known) return known.status();
  if (!*known) return Status::not_found(key.partner_hei_id + " is not a partner of " + key.hei_id);
  ImportPreview preview;
  if (csv.size() > kMaxText || !is_clean_utf8(csv)) {
    preview.text_problems.push_back("host_course_import_not_text");
    return preview;
  }
  auto rows = read_csv(csv);
  if (!rows) {
    preview.text_problems.push_back("host_course_import_not_csv");
    return preview;
  }
  if (rows->size() < 2) preview.text_problems.push_back("host_course_import_empty");
  if (rows->size() > kMaxRows + 1) preview.text_problems.push_back("host_course_import_too_many");
  if (rows->empty() || rows->size() > kMaxRows + 1) return preview;
  auto columns = columns_of(rows->front(), preview);
  for (size_t i = 1; i < rows->size(); ++i) preview.rows.push_back({(*rows)[i].line, fields_of((*rows)[i], columns), {}});
  auto listed = listed_codes(connection, key);
  if (!listed) return listed.status();
  check_rows(preview, *listed);
  return preview;
}

Result<ImportPreview> import_host_courses(db::Connection& connection, const DestinationKey& key, std::string_view csv,
                                          const Editor& editor) {
  auto tx = db::Transaction::begin(connection);
  if (!tx) return tx.status();
  auto preview = preview_host_course_import(connection, key, csv);
  if (!preview || !preview->ok()) return preview;
  if (Status stored = store(connection, key, *preview, editor); !stored) {
    if (stored.code() != Status::Code::kConflict) return stored;
    preview->text_problems.push_back("host_course_import_meanwhile");  // a code added meanwhile: nothing stored
    return preview;
  }
  if (Status committed = tx->commit(); !committed) return committed;
  return preview;
}

}  // namespace mobility::agreements
