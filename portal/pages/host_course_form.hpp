// The host-course form of the coordinators' pages (host_course_pages.hpp): its fields as
// FieldSpecs for the form_field partial, and the fields a submitted form gives (blanks trimmed,
// a field left empty absent, "7,5" read as 7.5).
#pragma once

#include <vector>

#include "db/host_courses.hpp"
#include "portal/web/form_view.hpp"

namespace mobility::portal {

// los_code, title, ects_credits, term, language, eqf_level, isced_f_code, url, in that order.
const std::vector<FieldSpec>& host_course_specs();

db::HostCourseFields host_course_from_values(const FormValues& values);

FormValues host_course_values(const db::HostCourseFields& fields);

// "autumn" → the message key of that term: host_course_term_autumn.
std::string term_key(const std::string& term);

}  // namespace mobility::portal
