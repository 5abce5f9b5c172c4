#include "portal/pages/host_course_pages.hpp"

#include "agreements/host_course_import.hpp"
#include "agreements/host_courses.hpp"
#include "base/text.hpp"
#include "db/host_courses.hpp"
#include "portal/pages/host_course_form.hpp"
#include "portal/pages/host_course_list.hpp"
#include "portal/pages/page_support.hpp"

namespace mobility::portal {
namespace {

using kainjow::mustache::data;

constexpr const char* kListPath = "/coordinator/destinations/courses";

// The destination a page is about: the visitor's HEI and one of its partners.
struct Destination {
  agreements::DestinationKey key;
  std::string name;
};

// What the form shows: what was typed (or the stored course) and what went wrong.
struct CourseForm {
  FormValues values;
  int64_t course_id = 0;  // 0: a new course
  int version = 0;
  std::vector<agreements::FieldProblem> problems;
  std::optional<std::string> refusal_key;
};

std::string list_path(const std::string& partner_hei_id) { return std::string(kListPath) + "?partner_hei_id=" + partner_hei_id; }

data course_row(const db::HostCourse& course, const std::string& partner_hei_id, const Messages& messages) {
  data row = host_course_row(course, messages);
  row.set("modified", course.modified_by + ", " + course.modified_at + " UTC");
  row.set("edit",
          std::string(kListPath) + "/edit?partner_hei_id=" + partner_hei_id + "&course_id=" + std::to_string(course.course_id));
  return row;
}

data form_view(const CourseForm& form, const Messages& messages) {
  FormView fields(form.values, form.problems, messages);
  data view;
  view.set("fields", fields.fields(host_course_specs()));
  view.set("course_id", std::to_string(form.course_id));
  view.set("version", std::to_string(form.version));
  view.set("has_problems", fields.has_problems());
  if (form.refusal_key) view.set("refusal", messages.text(*form.refusal_key));
  return view;
}

// "ECTS credits: Give the credits …": a row's problem in words.
std::string problem_text(const agreements::FieldProblem& problem, const Messages& messages) {
  for (const auto& spec : host_course_specs()) {
    if (spec.name == problem.field) return messages.text(spec.label_key) + ": " + messages.text(problem.message_key);
  }
  return messages.text(problem.message_key);
}

data text_list(const std::vector<std::string>& texts) {
  data list = data::type::list;
  for (const std::string& text : texts) list.push_back(data("text", text));
  return list;
}

// The import form with what was pasted and, after a preview, every row with its problems.
data import_view(const std::string& csv, const agreements::ImportPreview* preview, const Messages& messages) {
  data view;
  view.set("csv", displayable(csv));  // bytes that were refused show as U+FFFD
  if (!preview) return view;
  std::vector<std::string> whole;
  for (const std::string& key : preview->text_problems) whole.push_back(messages.text(key));
  for (const std::string& column : preview->unknown_columns) {
    whole.push_back(messages.text("host_course_import_unknown_column") + " " + column);
  }
  data rows = data::type::list;
  for (const auto& row : preview->rows) {
    data item = host_course_row(db::HostCourse{0, row.fields, 0, "", ""}, messages);
    item.set("term", row.fields.term);  // as written: it may be no term at all
    item.set("line", std::to_string(row.line));
    std::vector<std::string> problems;
    for (const auto& problem : row.problems) problems.push_back(problem_text(problem, messages));
    item.set("problems", text_list(problems));
    item.set("ok", problems.empty());
    rows.push_back(item);
  }
  view.set("previewed", true);
  view.set("whole_problems", text_list(whole));
  view.set("has_whole_problems", !whole.empty());
  view.set("rows", rows);
  view.set("has_rows", !preview->rows.empty());
  view.set("ready", preview->ok());
  return view;
}

http::Response list_page(PageRequest& page, int status, const Destination& at, const CourseForm& form,
                         const data& import = data(false)) {
  const Messages& messages = Messages::of(page.visitor.language);
  auto courses = db::list_host_courses(page.connection, at.key.hei_id, at.key.partner_hei_id);
  if (!courses) return unavailable(page, courses.status());
  data rows = data::type::list;
  for (const auto& course : *courses) rows.push_back(course_row(course, at.key.partner_hei_id, messages));
  data view;
  view.set("partner_hei_id", at.key.partner_hei_id);
  view.set("partner_name", at.name);
  view.set("courses", rows);
  view.set("has_courses", !courses->empty());
  view.set("form", form_view(form, messages));
  view.set("import", import.is_bool() ? import_view("", nullptr, messages) : import);
  std::string done = query_value(page, "done");
  if (done == "added" || done == "changed" || done == "removed" || done == "imported")
    view.set("done", messages.text("host_course_done_" + done));
  return page.render(status, "host_courses", "host_courses_title", view);
}

http::Response edit_page(PageRequest& page, int status, const Destination& at, const CourseForm& form) {
  const Messages& messages = Messages::of(page.visitor.language);
  data view;
  view.set("partner_hei_id", at.key.partner_hei_id);
  view.set("partner_name", at.name);
  view.set("form", form_view(form, messages));
  return page.render(status, "host_course_editor", "host_course_edit_title", view);
}

// Calls `show` with the visitor's HEI's destination `partner_hei_id`; 404 when it is none.
template <typename Show>
http::Response at_destination(PageRequest& page, const std::string& partner_hei_id, Show show) {
  std::optional<std::string> hei_id;
  if (auto refused = refuse_unless_at_home_hei(page, Action::kEditAgreementInformation, hei_id)) return *refused;
  auto known = db::is_course_destination(page.connection, *hei_id, partner_hei_id);
  if (!known) return unavailable(page, known.status());
  if (!*known) return page.error(404);
  auto name = page.names.hei_name(page.connection, partner_hei_id, language_code(page.visitor.language));
  if (!name) return unavailable(page, name.status());
  return show(Destination{{*hei_id, partner_hei_id}, name->value_or(partner_hei_id)});
}

CourseForm new_form() {
  CourseForm form;
  form.values["term"] = "autumn";
  return form;
}

CourseForm submitted_form(const PageRequest& page) {
  CourseForm form;
  FormValues posted = values_of_form(page.form);
  for (const auto& spec : host_course_specs()) form.values[spec.name] = value_of(posted, spec.name);
  form.course_id = number_or_zero(page.field("course_id"));
  form.version = number_or_zero(page.field("version"));
  return form;
}

http::Response show_list(PageRequest& page) {
  return at_destination(page, query_value(page, "partner_hei_id"),
                        [&](const Destination& at) { return list_page(page, 200, at, new_form()); });
}

http::Response show_course(PageRequest& page) {
  return at_destination(page, query_value(page, "partner_hei_id"), [&](const Destination& at) {
    auto course = db::find_host_course(page.connection, at.key.hei_id, at.key.partner_hei_id,
                                       number_or_zero(query_value(page, "course_id")));
    if (!course) return unavailable(page, course.status());
    if (!*course) return page.error(404);
    CourseForm form;
    form.values = host_course_values((*course)->fields);
    form.course_id = (*course)->course_id;
    form.version = (*course)->version;
    return edit_page(page, 200, at, form);
  });
}

// The answer to a change: 303 to the list when done, else the form again with why.
http::Response answer(PageRequest& page, const Destination& at, CourseForm form,
                      const Result<agreements::HostCourseOutcome>& outcome, const char* done, bool on_list) {
  if (outcome.status().code() == Status::Code::kNotFound) return page.error(404);
  if (!outcome) return unavailable(page, outcome.status());
  if (outcome->done()) return page.redirect(list_path(at.key.partner_hei_id) + "&done=" + done);
  form.problems = outcome->problems;
  form.refusal_key = outcome->refusal_key;
  int status = outcome->refusal_key ? 409 : 400;
  return on_list ? list_page(page, status, at, form) : edit_page(page, status, at, form);
}

http::Response add_course(PageRequest& page) {
  return at_destination(page, page.field("partner_hei_id"), [&](const Destination& at) {
    CourseForm form = submitted_form(page);
    form.course_id = 0;
    auto outcome = agreements::add_host_course(page.connection, at.key, host_course_from_values(form.values), editor_of(page));
    return answer(page, at, form, outcome, "added", true);
  });
}

http::Response save_course(PageRequest& page) {
  return at_destination(page, page.field("partner_hei_id"), [&](const Destination& at) {
    CourseForm form = submitted_form(page);
    auto outcome = agreements::change_host_course(page.connection, at.key, form.course_id, form.version,
                                                  host_course_from_values(form.values), editor_of(page));
    return answer(page, at, form, outcome, "changed", false);
  });
}

http::Response remove_course(PageRequest& page) {
  return at_destination(page, page.field("partner_hei_id"), [&](const Destination& at) {
    CourseForm form = submitted_form(page);
    auto outcome = agreements::remove_host_course(page.connection, at.key, form.course_id, form.version, editor_of(page));
    if (outcome && outcome->refusal_key) {  // the form posts no fields: show the course as it stands now
      auto stored = db::find_host_course(page.connection, at.key.hei_id, at.key.partner_hei_id, form.course_id);
      if (!stored) return unavailable(page, stored.status());
      if (*stored) {
        form.values = host_course_values((*stored)->fields);
        form.version = (*stored)->version;
      }
    }
    return answer(page, at, form, outcome, "removed", false);
  });
}

http::Response import_courses(PageRequest& page) {
  return at_destination(page, page.field("partner_hei_id"), [&](const Destination& at) {
    const Messages& messages = Messages::of(page.visitor.language);
    std::string csv = page.field("csv");
    bool store = page.field("action") == "import";
    auto preview = store ? agreements::import_host_courses(page.connection, at.key, csv, editor_of(page))
                         : agreements::preview_host_course_import(page.connection, at.key, csv);
    if (preview.status().code() == Status::Code::kNotFound) return page.error(404);
    if (!preview) return unavailable(page, preview.status());
    if (store && preview->ok()) return page.redirect(list_path(at.key.partner_hei_id) + "&done=imported");
    return list_page(page, preview->ok() ? 200 : 400, at, new_form(), import_view(csv, &*preview, messages));
  });
}

}  // namespace

void add_host_course_pages(http::Router& router, const Site& site) {
  site.add_page(router, "GET", kListPath, show_list);
  site.add_page(router, "GET", std::string(kListPath) + "/edit", show_course);
  site.add_page(router, "POST", std::string(kListPath) + "/add", add_course);
  site.add_page(router, "POST", std::string(kListPath) + "/save", save_course);
  site.add_page(router, "POST", std::string(kListPath) + "/remove", remove_course);
  site.add_page(router, "POST", std::string(kListPath) + "/import", import_courses);
}

}  // namespace mobility::portal
