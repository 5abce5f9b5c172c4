#include "portal/pages/host_course_list.hpp"

#include "base/text.hpp"
#include "portal/pages/host_course_form.hpp"
#include "portal/pages/page_support.hpp"
#include "portal/web/form_view.hpp"

namespace mobility::portal {
namespace {

using kainjow::mustache::data;

constexpr size_t kMaxSearch = 100;

}  // namespace

data host_course_row(const db::HostCourse& course, const Messages& messages) {
  data row;
  row.set("los_code", course.fields.los_code);
  row.set("title", course.fields.title);
  row.set("ects_credits", course.fields.ects_credits);
  row.set("term", messages.text(term_key(course.fields.term)));
  row.set("language", course.fields.language.value_or(""));
  row.set("eqf_level", course.fields.eqf_level.value_or(""));
  row.set("isced_f_code", course.fields.isced_f_code.value_or(""));
  if (course.fields.url) {
    row.set("url", *course.fields.url);
  } else {
    row.set("url", false);
  }
  return row;
}

std::string host_course_choice(const db::HostCourse& course, const Messages& messages) {
  return course.fields.los_code + " " + course.fields.title + " (" + course.fields.ects_credits + " ECTS, " +
         messages.text(term_key(course.fields.term)) + ")";
}

Result<data> host_course_list_view(const PageRequest& page, const std::string& hei_id, const std::string& partner_hei_id) {
  const Messages& messages = Messages::of(page.visitor.language);
  db::HostCourseFilter filter{std::string(trim_blanks(query_value(page, "course_search"))), query_value(page, "course_term")};
  if (filter.search.size() > kMaxSearch || !is_clean_utf8(filter.search)) filter.search.clear();
  if (filter.term != "autumn" && filter.term != "spring") filter.term.clear();
  auto courses = db::list_host_courses(page.connection, hei_id, partner_hei_id, filter);
  if (!courses) return courses.status();
  bool has_any = !courses->empty();
  if (!has_any && (!filter.search.empty() || !filter.term.empty())) {
    auto all = db::list_host_courses(page.connection, hei_id, partner_hei_id);
    if (!all) return all.status();
    has_any = !all->empty();
  }
  data rows = data::type::list;
  for (const auto& course : *courses) rows.push_back(host_course_row(course, messages));
  data view;
  view.set("search", filter.search);
  view.set("terms",
           option_items({{"", "destinations_any"}, {"autumn", "host_course_term_autumn"}, {"spring", "host_course_term_spring"}},
                        filter.term, messages));
  view.set("rows", rows);
  view.set("has_rows", !courses->empty());
  view.set("has_any", has_any);
  return view;
}

}  // namespace mobility::portal
