// The host's courses that our coordinators keep for a destination (db::list_host_courses), as the
// destination page lists them for students: searched by code or title and narrowed to a term by
// query parameters.
#pragma once

#include <kainjow/mustache.hpp>
#include <string>

#include "db/host_courses.hpp"
#include "portal/web/messages.hpp"
#include "portal/web/site.hpp"

namespace mobility::portal {

// "INF-301 Systèmes distribués (6 ECTS, autumn)": a course as a choice of the pre-approval form.
std::string host_course_choice(const db::HostCourse& course, const Messages& messages);

// {los_code, title, ects_credits, term (in words), language, eqf_level, isced_f_code, url?}: one
// course as the lists show it.
kainjow::mustache::data host_course_row(const db::HostCourse& course, const Messages& messages);

// {search, terms: options for the option partial, rows: [{los_code, title, ects_credits, term,
// language, eqf_level, isced_f_code, url?}], has_rows, has_any}: narrowed by the query parameters
// `course_search` (ignored when over 100 bytes or not clean text) and `course_term` (autumn or
// spring; anything else is no filter). has_any: the list has courses before narrowing.
Result<kainjow::mustache::data> host_course_list_view(const PageRequest& page, const std::string& hei_id,
                                                      const std::string& partner_hei_id);

}  // namespace mobility::portal
