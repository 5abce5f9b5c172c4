// Course pre-approval repository: the lines of an outgoing mobility's pre-approval (migration
// 0018), and the approved mappings of earlier students per destination. The rules are
// mobilities/course_preapprovals.hpp's.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "db/connection.hpp"

namespace mobility::db {

// A host course and what it replaces at home. Credits are decimal text ("7.5"); `term` is the term
// of the receiving academic year the host course is taken in, as a learning agreement's component
// counts it (mobilities::TermId): "1/2" (term 1 of 2, autumn), "2/2", "1/1" (the whole year). The
// host course's ids in the partner's Courses API when it was picked from the partner's catalogue.
struct CourseMapping {
  std::optional<std::string> host_course_code;
  std::string host_course_title;
  std::string host_credits;
  std::string term;
  std::optional<std::string> home_course_code;
  std::optional<std::string> home_course_title;
  std::string home_credits;
  bool alternative = false;
  std::optional<std::string> host_los_id;
  std::optional<std::string> host_loi_id;
};

struct PreapprovalLine {
  int64_t line_id = 0;
  std::string omobility_id;
  CourseMapping mapping;
  std::string state;  // proposed, approved, rejected, withdrawn
  std::optional<std::string> comment;
  std::optional<std::string> decided_by;
  std::optional<std::string> decided_at;  // UTC "YYYY-MM-DD HH:MM"
  std::string proposed_at;                // UTC "YYYY-MM-DD HH:MM"
};

// The mobility's lines, in the order they were proposed (withdrawn ones included).
Result<std::vector<PreapprovalLine>> list_preapproval_lines(Connection& connection, const std::string& omobility_id);

// Adds a proposed line; returns its id. kConflict (from the database's constraints) when it
// refuses the values, an error too for a term not written as "1/2";
// mobilities/course_preapprovals.hpp checks them first.
Result<int64_t> add_preapproval_line(Connection& connection, const std::string& omobility_id, const CourseMapping& mapping);

// Sets a proposed line's state: approved or rejected (with the decider), or withdrawn. kConflict
// when the line is not proposed any more (decided or withdrawn meanwhile); kNotFound when the
// mobility has no such line.
Status decide_preapproval_line(Connection& connection, const std::string& omobility_id, int64_t line_id, const std::string& state,
                               const std::optional<std::string>& comment, const std::optional<std::string>& decided_by);

// An approved mapping of an earlier student to the partner, for the destination page (without the
// coordinator's comment, which was for that student only).
struct ApprovedMapping {
  CourseMapping mapping;
  std::string academic_year_id;  // of the mobility
};
// The HEI's approved mappings to `partner_hei_id`, newest first; `search` (may be empty) narrows
// them to those whose course codes or titles contain it, ignoring case. At most `limit`.
Result<std::vector<ApprovedMapping>> approved_mappings(Connection& connection, const std::string& hei_id,
                                                       const std::string& partner_hei_id, const std::string& search, int limit);

}  // namespace mobility::db
