// Partner course repository (table partner_course, migration 0027): the courses a partner HEI
// publishes over EWP (Simple Course Replication and Courses, ewp-node/reference/reference_fetch),
// apart from the list our coordinators keep (db/host_courses.hpp). The pages show them to students
// on the destination page.
//
// store_partner_courses replaces the partner's whole copy in one transaction: values the table
// refuses (an over-long title, two instances with one loi_id...) are kInvalidArgument or kConflict
// and leave the previous copy as it was; a hosted HEI is refused (kInvalidArgument).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "db/connection.hpp"
#include "db/host_courses.hpp"

namespace mobility::db {

// One learning opportunity instance (LOI) of a course: when it runs and what it gives.
struct PartnerCourseInstance {
  std::string loi_id;
  std::string start;                        // YYYY-MM-DD
  std::string end;                          // YYYY-MM-DD
  std::optional<std::string> ects_credits;  // decimal text, "7.5"
  std::optional<std::string> language;      // of instruction, BCP 47 ("en")
  bool operator==(const PartnerCourseInstance&) const = default;
};

// One course (learning opportunity specification) as the partner's Courses API describes it.
struct PartnerCourse {
  std::string los_id;                   // "CR/..." the partner's id: never shown
  std::optional<std::string> los_code;  // the code people see
  std::string title;                    // in English when the partner gives one, else its first
  std::optional<std::string> title_language;
  std::optional<std::string> isced_f_code;
  std::optional<int> eqf_level;
  std::optional<std::string> url;
  std::vector<PartnerCourseInstance> instances;
  bool operator==(const PartnerCourse&) const = default;
};

// The partner's courses are now `courses` (one row per instance, or one without an instance).
Status store_partner_courses(Connection& connection, const std::string& hei_id, const std::vector<PartnerCourse>& courses);

// One row of the copy as students see it.
struct PartnerCourseRow {
  std::string los_id;
  std::optional<std::string> loi_id;
  std::optional<std::string> los_code;
  std::string title;
  std::optional<std::string> ects_credits;
  std::optional<std::string> term;  // autumn, spring or year, from the instance's dates
  std::optional<std::string> starts_on;
  std::optional<std::string> ends_on;
  std::optional<std::string> language;
  std::optional<std::string> eqf_level;
  std::optional<std::string> isced_f_code;
  std::optional<std::string> url;
};

struct PartnerCourseCopy {
  std::vector<PartnerCourseRow> rows;     // by title, code, then start
  std::optional<std::string> fetched_at;  // UTC "YYYY-MM-DD HH:MM"; nullopt when nothing is stored
};

// The stored courses of partner `hei_id` whose instance has not ended (and those without an
// instance), narrowed as the coordinators' list is (HostCourseFilter: search in code or title, a
// term also gives the whole-year instances). fetched_at is of the whole copy, whatever the filter.
Result<PartnerCourseCopy> list_partner_courses(Connection& connection, const std::string& hei_id,
                                               const HostCourseFilter& filter = {});

// The row of partner `hei_id`'s course `los_id` and instance `loi_id` (nullopt: the row without an
// instance), when it is stored and has not ended: what a student picked. nullopt otherwise.
Result<std::optional<PartnerCourseRow>> find_partner_course(Connection& connection, const std::string& hei_id,
                                                            const std::string& los_id, const std::optional<std::string>& loi_id);

}  // namespace mobility::db
