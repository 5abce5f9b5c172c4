#include "portal/pages/factsheet_pages.hpp"

#include "agreements/factsheet_rules.hpp"
#include "db/factsheets.hpp"
#include "portal/pages/compare_view.hpp"
#include "portal/pages/factsheet_form.hpp"
#include "portal/pages/page_support.hpp"

namespace mobility::portal {
namespace {

using kainjow::mustache::data;

constexpr const char* kEditorPath = "/admin/factsheet";
constexpr size_t kMaxReason = 2000;

// A stale edit: the admin edited `edited`, someone else saved `newest` meanwhile.
struct Conflict {
  int edited = 0;
  int newest = 0;
};

struct FactsheetForm {
  FormValues values;
  std::optional<int> based_on_version;  // what the next save starts from; none for the first
  std::vector<agreements::FieldProblem> problems;
  std::optional<std::string> form_error;  // a message key
  std::optional<Conflict> conflict;
};

data versions_view(const std::vector<db::FactsheetVersion>& versions) {
  data rows = data::type::list;
  for (size_t i = 0; i < versions.size(); ++i) {
    data row;
    row.set("version_number", std::to_string(versions[i].version_number));
    row.set("saved_at", versions[i].saved_at);
    row.set("saved_by", versions[i].saved_by);
    row.set("reason", versions[i].reason);
    if (i + 1 < versions.size()) {
      row.set("previous", std::to_string(versions[i + 1].version_number));
    } else {
      row.set("previous", false);
    }
    rows.push_back(row);
  }
  return rows;
}

void set_conflict(data& view, const Conflict& conflict) {
  data shown;
  shown.set("edited", std::to_string(conflict.edited));
  shown.set("newest", std::to_string(conflict.newest));
  view.set("conflict", shown);
}

http::Response editor_page(PageRequest& page, int status, const std::string& hei_id, const FactsheetForm& form,
                           const std::string& notice_key = "") {
  auto versions = db::list_factsheet_versions(page.connection, hei_id);
  if (!versions) return unavailable(page, versions.status());
  const Messages& messages = Messages::of(page.visitor.language);
  FormView fields(form.values, form.problems, messages);
  data view = factsheet_form_view(fields);
  view.set("based_on_version", form.based_on_version ? std::to_string(*form.based_on_version) : "");
  view.set("reason", fields.field("reason", {"reason", "info_reason", FieldKind::kText, {}, "info_reason_hint"}));
  view.set("has_problems", fields.has_problems());
  if (form.form_error) view.set("form_error", messages.text(*form.form_error));
  if (form.conflict) set_conflict(view, *form.conflict);
  if (!notice_key.empty()) view.set("notice", messages.text(notice_key));
  view.set("versions", versions_view(*versions));
  view.set("has_versions", !versions->empty());
  return page.render(status, "factsheet_editor", "factsheet_title", view);
}

http::Response show_editor(PageRequest& page) {
  std::optional<std::string> hei_id;
  if (auto refused = refuse_unless_at_home_hei(page, Action::kEditFactsheet, hei_id)) return *refused;
  auto current = db::current_factsheets(page.connection, {*hei_id});
  if (!current) return unavailable(page, current.status());
  FactsheetForm form;
  if (!current->empty()) {
    form.values = factsheet_values(current->front().factsheet);
    form.based_on_version = current->front().version.version_number;
  }
  return editor_page(page, 200, *hei_id, form, query_value(page, "saved") == "1" ? "factsheet_saved" : "");
}

std::optional<int> newest_version(PageRequest& page, const std::string& hei_id) {
  auto versions = db::list_factsheet_versions(page.connection, hei_id);
  if (!versions || versions->empty()) return std::nullopt;
  return versions->front().version_number;
}

http::Response save(PageRequest& page) {
  std::optional<std::string> hei_id;
  if (auto refused = refuse_unless_at_home_hei(page, Action::kEditFactsheet, hei_id)) return *refused;
  FactsheetForm form;
  form.values = compacted_factsheet_values(values_of_form(page.form));
  if (int based_on = number_or_zero(page.field("based_on_version")); based_on > 0) form.based_on_version = based_on;
  std::string reason = page.field("reason");
  db::Factsheet facts = factsheet_from_values(*hei_id, form.values);
  form.problems = agreements::check_factsheet(facts);
  agreements::FieldChecks reason_check;
  reason_check.text("reason", reason, kMaxReason, true);
  for (auto& problem : reason_check.take()) form.problems.push_back(problem);
  if (!form.problems.empty()) return editor_page(page, 400, *hei_id, form);
  auto account = *page.visitor.account;
  auto saved =
      db::save_factsheet(page.connection, facts, {account.account_id, account.email, "io_admin"}, reason, form.based_on_version);
  if (saved) return page.redirect(std::string(kEditorPath) + "?saved=1");
  if (saved.status().code() == Status::Code::kConflict) {
    std::optional<int> newest = newest_version(page, *hei_id);
    form.conflict = Conflict{form.based_on_version.value_or(0), newest.value_or(0)};
    form.based_on_version = newest;  // saving again knowingly replaces the newest
    return editor_page(page, 409, *hei_id, form);
  }
  if (saved.status().code() != Status::Code::kInvalidArgument) return unavailable(page, saved.status());
  form.form_error = "factsheet_refused";
  return editor_page(page, 400, *hei_id, form);
}

Result<nlohmann::json> version_document(PageRequest& page, const std::string& hei_id, const std::string& number) {
  auto version = db::find_factsheet_version(page.connection, hei_id, number_or_zero(number));
  if (!version) return version.status();
  if (!*version) return Status::not_found("no factsheet version " + number);
  return agreements::factsheet_to_json((*version)->factsheet);
}

http::Response compare_versions(PageRequest& page) {
  std::optional<std::string> hei_id;
  if (auto refused = refuse_unless_at_home_hei(page, Action::kEditFactsheet, hei_id)) return *refused;
  auto before = version_document(page, *hei_id, query_value(page, "from"));
  auto after = version_document(page, *hei_id, query_value(page, "to"));
  for (const auto* document : {&before, &after}) {
    if (!*document && document->status().code() == Status::Code::kNotFound) return page.error(404);
    if (!*document) return unavailable(page, document->status());
  }
  const Messages& messages = Messages::of(page.visitor.language);
  ComparedVersions compared{messages.text("factsheet_compare_title"),
                            kEditorPath,
                            messages.text("factsheet_back"),
                            number_or_zero(query_value(page, "from")),
                            number_or_zero(query_value(page, "to")),
                            *before,
                            *after};
  return compare_page(page, compared, "factsheet_compare_title");
}

}  // namespace

void add_factsheet_pages(http::Router& router, const Site& site) {
  site.add_page(router, "GET", kEditorPath, show_editor);
  site.add_page(router, "POST", kEditorPath, save);
  site.add_page(router, "GET", "/admin/factsheet/compare", compare_versions);
}

}  // namespace mobility::portal
