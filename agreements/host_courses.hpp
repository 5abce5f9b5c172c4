// The host's courses that a hosted HEI's coordinators keep per destination (for partners that
// publish no EWP Courses API): students read them on the destination page and pick them in the
// course pre-approval instead of typing them.
//
// Each change is one transaction that checks the fields, stores the course and its audit event
// (host_course_added, host_course_changed, host_course_removed; record
// "host_course:{partner_hei_id}:{course_id}"), or stores nothing and says why. A change or a
// removal names the course's version the person saw: when someone changed the course meanwhile it
// is refused ("host_course_changed_meanwhile") instead of overwriting their work.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "agreements/field_checks.hpp"
#include "agreements/iia_book.hpp"
#include "agreements/information_desk.hpp"
#include "db/host_courses.hpp"

namespace mobility::agreements {

// The fields' problems, at most one per field, named as the fields: los_code (1..64 bytes of one
// line), title (1..300 bytes of one line), ects_credits (a decimal with at most one decimal place,
// 0.5..60, "7,5" read as 7.5 by the form), term (autumn, spring or year), language (absent or two
// lower-case letters, ISO 639-1), eqf_level (absent or 5..8), isced_f_code (absent or 2 to 4
// digits), url (absent or an http(s) address).
std::vector<FieldProblem> check_host_course(const db::HostCourseFields& fields);

// What a change did. A refused change (refusal_key or problems set) stored nothing.
struct HostCourseOutcome {
  int64_t course_id = 0;
  std::optional<std::string> refusal_key;  // a message key: host_course_changed_meanwhile
  std::vector<FieldProblem> problems;      // of the fields; los_code "host_course_code_taken" for a code listed already
  bool done() const { return !refusal_key && problems.empty(); }
};

// kNotFound when `key.partner_hei_id` is not one of the HEI's partners (db::is_course_destination).
Result<HostCourseOutcome> add_host_course(db::Connection& connection, const DestinationKey& key,
                                          const db::HostCourseFields& fields, const Editor& editor);

// kNotFound also when the destination's list has no such course.
Result<HostCourseOutcome> change_host_course(db::Connection& connection, const DestinationKey& key, int64_t course_id,
                                             int seen_version, const db::HostCourseFields& fields, const Editor& editor);

Result<HostCourseOutcome> remove_host_course(db::Connection& connection, const DestinationKey& key, int64_t course_id,
                                             int seen_version, const Editor& editor);

}  // namespace mobility::agreements
