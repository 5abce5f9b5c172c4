// Host course repository: the courses a hosted HEI's coordinators keep per partner HEI (migration
// 0023), for the destination page and the course pre-approval. The rules are
// agreements/host_courses.hpp's; every query here is narrowed to one hosted HEI and one partner,
// so another HEI's course is never found.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "db/connection.hpp"

namespace mobility::db {

// One course as coordinators keep it. Credits are decimal text ("7.5"); term is autumn, spring or
// year; language an ISO 639-1 code ("en"); eqf_level "5".."8".
struct HostCourseFields {
  std::string los_code;
  std::string title;
  std::string ects_credits;
  std::string term;
  std::optional<std::string> language;
  std::optional<std::string> eqf_level;
  std::optional<std::string> isced_f_code;
  std::optional<std::string> url;
  bool operator==(const HostCourseFields&) const = default;
};

struct HostCourse {
  int64_t course_id = 0;
  HostCourseFields fields;
  int version = 0;
  std::string modified_by;
  std::string modified_at;  // UTC "YYYY-MM-DD HH:MM"
};

// How the students' list is narrowed: `search` (may be empty) in the code or title, ignoring
// case; `term` (may be empty) autumn or spring also gives the whole-year courses.
struct HostCourseFilter {
  std::string search;
  std::string term;
};

// true when `partner_hei_id` is one of `hei_id`'s partners (the view partner_link) and not hosted
// here: the destinations whose courses the HEI may keep.
Result<bool> is_course_destination(Connection& connection, const std::string& hei_id, const std::string& partner_hei_id);

// The courses `hei_id` keeps for `partner_hei_id`, by code.
Result<std::vector<HostCourse>> list_host_courses(Connection& connection, const std::string& hei_id,
                                                  const std::string& partner_hei_id, const HostCourseFilter& filter = {});

// One course of that list; nullopt when the list has no such course (also another HEI's).
// `lock`: FOR UPDATE, inside a transaction.
Result<std::optional<HostCourse>> find_host_course(Connection& connection, const std::string& hei_id,
                                                   const std::string& partner_hei_id, int64_t course_id, bool lock = false);

// true when another course of the list (not `except_course_id`) has `los_code`, ignoring case.
Result<bool> host_course_code_taken(Connection& connection, const std::string& hei_id, const std::string& partner_hei_id,
                                    const std::string& los_code, int64_t except_course_id = 0);

// Adds a course at version 1; returns its id. kConflict (from the database's constraints) when it
// refuses the values, such as a code the list has already.
Result<int64_t> insert_host_course(Connection& connection, const std::string& hei_id, const std::string& partner_hei_id,
                                   const HostCourseFields& fields, const std::string& modified_by);

// Replaces the fields of the course at `seen_version`, which becomes seen_version + 1.
// kNotFound when the list has no such course; kConflict when its version is another one.
Status update_host_course(Connection& connection, const std::string& hei_id, const std::string& partner_hei_id, int64_t course_id,
                          int seen_version, const HostCourseFields& fields, const std::string& modified_by);

// Removes the course at `seen_version`: kNotFound, kConflict as update_host_course.
Status delete_host_course(Connection& connection, const std::string& hei_id, const std::string& partner_hei_id, int64_t course_id,
                          int seen_version);

}  // namespace mobility::db
