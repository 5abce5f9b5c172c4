// The host's courses as the destination page lists them for students: the partner's own catalogue
// as last fetched over EWP (db::list_partner_courses), and the list our coordinators keep for the
// destination (db::list_host_courses), each labelled, searched by code or title and narrowed to a
// term by query parameters.
#pragma once

#include <kainjow/mustache.hpp>
#include <optional>
#include <string>
#include <utility>

#include "db/host_courses.hpp"
#include "db/partner_courses.hpp"
#include "portal/web/messages.hpp"
#include "portal/web/site.hpp"

namespace mobility::portal {

// "INF-301 Systèmes distribués (6 ECTS, autumn)": a course as a choice of the pre-approval form.
std::string host_course_choice(const db::HostCourse& course, const Messages& messages);

// "IN3020 Database systems (10 ECTS, autumn, 2099-08-15 – 2099-12-20; from the partner's course
// catalogue)": a course of the partner's fetched catalogue as a choice of the pre-approval form.
std::string partner_course_choice(const db::PartnerCourseRow& course, const Messages& messages);

// The value of that choice in the form ("catalogue:<los_id> <loi_id>"), and back: nullopt when
// `value` is no such choice.
std::string partner_course_value(const db::PartnerCourseRow& course);
std::optional<std::pair<std::string, std::optional<std::string>>> partner_course_ids(const std::string& value);

// {los_code, title, ects_credits, term (in words), language, eqf_level, isced_f_code, url?}: one
// course as the lists show it.
kainjow::mustache::data host_course_row(const db::HostCourse& course, const Messages& messages);

// {search, terms: options for the option partial, rows: [{los_code, title, ects_credits, term,
// language, eqf_level, isced_f_code, url?}], has_rows, has_local, partner, has_partner, has_any}:
// the coordinators' list, and `partner` {rows (as above, with period "start – end"), has_rows,
// fetched_at} the partner's catalogue as last fetched over EWP (db/partner_courses.hpp; false
// when none with courses is stored), both narrowed by the query parameters `course_search`
// (ignored when over 100 bytes or not clean text) and `course_term` (autumn or spring; anything
// else is no filter). has_local: the coordinators' list has courses before narrowing; has_any:
// either list has.
Result<kainjow::mustache::data> host_course_list_view(const PageRequest& page, const std::string& hei_id,
                                                      const std::string& partner_hei_id);

}  // namespace mobility::portal
