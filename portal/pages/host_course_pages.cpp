#include "portal/pages/host_course_pages.hpp"

#include "agreements/host_courses.hpp"
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

http::Response list_page(PageRequest& page, int status, const Destination& at, const CourseForm& form) {
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
  std::string done = query_value(page, "done");
  if (done == "added" || done == "changed" || done == "removed") view.set("done", messages.text("host_course_done_" + done));
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
    return answer(page, at, form, outcome, "removed", false);
  });
}

}  // namespace

void add_host_course_pages(http::Router& router, const Site& site) {
  site.add_page(router, "GET", kListPath, show_list);
  site.add_page(router, "GET", std::string(kListPath) + "/edit", show_course);
  site.add_page(router, "POST", std::string(kListPath) + "/add", add_course);
  site.add_page(router, "POST", std::string(kListPath) + "/save", save_course);
  site.add_page(router, "POST", std::string(kListPath) + "/remove", remove_course);
}

}  // namespace mobility::portal
