#include "portal/pages/approved_courses.hpp"

#include "base/text.hpp"
#include "db/preapprovals.hpp"
#include "portal/pages/page_support.hpp"

namespace mobility::portal {

constexpr int kApprovedCourses = 100;
constexpr size_t kMaxSearch = 100;

std::string course_text(const std::optional<std::string>& code, const std::optional<std::string>& title) {
  if (code && title) return *code + " " + *title;
  return code.value_or(title.value_or(""));
}

Result<kainjow::mustache::data> approved_courses_view(const PageRequest& page, const std::string& hei_id,
                                                      const std::string& partner_hei_id, const char* search_parameter) {
  using kainjow::mustache::data;
  std::string search(trim_blanks(query_value(page, search_parameter)));
  if (search.size() > kMaxSearch || !is_clean_utf8(search)) search.clear();
  auto mappings = db::approved_mappings(page.connection, hei_id, partner_hei_id, search, kApprovedCourses);
  if (!mappings) return mappings.status();
  data rows = data::type::list;
  for (const auto& earlier : *mappings) {
    data row;
    row.set("host", course_text(earlier.mapping.host_course_code, earlier.mapping.host_course_title));
    row.set("host_credits", earlier.mapping.host_credits);
    row.set("term", earlier.mapping.term);
    row.set("home", course_text(earlier.mapping.home_course_code, earlier.mapping.home_course_title));
    row.set("home_credits", earlier.mapping.home_credits);
    row.set("year", earlier.academic_year_id);
    rows.push_back(row);
  }
  data view;
  view.set("search", search);
  view.set("rows", rows);
  view.set("has_rows", !mappings->empty());
  return view;
}

}  // namespace mobility::portal
