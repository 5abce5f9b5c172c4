#include "portal/pages/host_course_list.hpp"

#include "base/text.hpp"
#include "portal/pages/host_course_form.hpp"
#include "portal/pages/page_support.hpp"
#include "portal/web/form_view.hpp"

namespace mobility::portal {
namespace {

using kainjow::mustache::data;

constexpr size_t kMaxSearch = 100;

data partner_course_row(const db::PartnerCourseRow& course, const Messages& messages) {
  data row;
  row.set("los_code", course.los_code.value_or(""));
  row.set("title", course.title);
  row.set("ects_credits", course.ects_credits.value_or(""));
  row.set("term", course.term ? messages.text(term_key(*course.term)) : "");
  row.set("period", course.starts_on && course.ends_on ? *course.starts_on + " – " + *course.ends_on : "");
  row.set("language", course.language.value_or(""));
  row.set("eqf_level", course.eqf_level.value_or(""));
  row.set("isced_f_code", course.isced_f_code.value_or(""));
  if (course.url) {
    row.set("url", *course.url);
  } else {
    row.set("url", false);
  }
  return row;
}

// {rows, has_rows, fetched_at} of the partner's fetched catalogue; nullopt when none is stored.
Result<std::optional<data>> partner_course_view(const PageRequest& page, const std::string& partner_hei_id,
                                                const db::HostCourseFilter& filter, const Messages& messages) {
  auto copy = db::list_partner_courses(page.connection, partner_hei_id, filter);
  if (!copy) return copy.status();
  bool has_any = !copy->rows.empty();
  if (!has_any && (!filter.search.empty() || !filter.term.empty())) {
    auto all = db::list_partner_courses(page.connection, partner_hei_id);
    if (!all) return all.status();
    has_any = !all->rows.empty();
  }
  if (!has_any || !copy->fetched_at) return std::optional<data>();
  data rows = data::type::list;
  for (const auto& course : copy->rows) rows.push_back(partner_course_row(course, messages));
  data view;
  view.set("rows", rows);
  view.set("has_rows", !copy->rows.empty());
  view.set("fetched_at", *copy->fetched_at);
  return std::optional<data>(view);
}

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

std::string partner_course_choice(const db::PartnerCourseRow& course, const Messages& messages) {
  std::string details;
  if (course.ects_credits) details += *course.ects_credits + " ECTS";
  if (course.term) details += (details.empty() ? "" : ", ") + messages.text(term_key(*course.term));
  if (course.starts_on && course.ends_on) details += (details.empty() ? "" : ", ") + *course.starts_on + " – " + *course.ends_on;
  details += (details.empty() ? "" : "; ") + messages.text("preapproval_host_from_catalogue");
  return (course.los_code ? *course.los_code + " " : "") + course.title + " (" + details + ")";
}

namespace {
constexpr std::string_view kCatalogueChoice = "catalogue:";
}  // namespace

std::string partner_course_value(const db::PartnerCourseRow& course) {
  return std::string(kCatalogueChoice) + course.los_id + (course.loi_id ? " " + *course.loi_id : "");
}

std::optional<std::pair<std::string, std::optional<std::string>>> partner_course_ids(const std::string& value) {
  if (!value.starts_with(kCatalogueChoice)) return std::nullopt;
  std::string ids = value.substr(kCatalogueChoice.size());
  size_t space = ids.find(' ');
  std::string los_id = ids.substr(0, space);
  if (los_id.empty()) return std::nullopt;
  if (space == std::string::npos) return std::pair{los_id, std::optional<std::string>()};
  std::string loi_id = ids.substr(space + 1);
  if (loi_id.empty()) return std::nullopt;
  return std::pair{los_id, std::optional<std::string>(loi_id)};
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
  auto partner = partner_course_view(page, partner_hei_id, filter, messages);
  if (!partner) return partner.status();
  data rows = data::type::list;
  for (const auto& course : *courses) rows.push_back(host_course_row(course, messages));
  data view;
  if (*partner) {
    view.set("partner", **partner);
  } else {
    view.set("partner", false);
  }
  view.set("has_partner", partner->has_value());
  view.set("has_local", has_any);
  view.set("search", filter.search);
  view.set("terms",
           option_items({{"", "destinations_any"}, {"autumn", "host_course_term_autumn"}, {"spring", "host_course_term_spring"}},
                        filter.term, messages));
  view.set("rows", rows);
  view.set("has_rows", !courses->empty());
  view.set("has_any", has_any || partner->has_value());
  return view;
}

}  // namespace mobility::portal
