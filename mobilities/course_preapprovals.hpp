// Course pre-approval of an outgoing mobility (in Norway a faculty decision, made before and apart
// from the learning agreement): the student proposes host courses, each mapped to the home course
// or credits it replaces, possibly as an alternative for a course that may be full or clash on
// site; a coordinator approves or rejects each line (a rejection says why). Lines are kept for
// the next students of the destination (db::approved_mappings).
//
// Mails: the sending staff hear of the first line waiting (later lines join it), the student hears
// when no line waits any more. Each call is one transaction with its mails.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "agreements/iia_book.hpp"
#include "db/host_courses.hpp"
#include "db/partner_courses.hpp"
#include "db/preapprovals.hpp"
#include "mobilities/learning_agreement.hpp"
#include "mobilities/mobility_rules.hpp"

namespace mobility::mobilities {

// The mapping's problems by field: host_course_title (1..300 bytes of one line), host_credits and
// home_credits (a decimal such as 7.5, host 0.5..60, home 0..60), term (a term such as "1/2" that a
// learning agreement's component may have: term_id_from_text), the codes (at most 64 bytes of one
// line), home_course_title (at most 300).
std::vector<RuleProblem> check_course_mapping(const db::CourseMapping& mapping);

// The mobility's first term, which a new line starts with: the term of its sending academic term
// ("2026/2027-2/2": 2 of 2), or 1 of 2 (autumn) when it names none. Migration 0024 gave the lines
// proposed before it the same.
TermId first_term(const Mobility& mobility);

// The mapping with the host course the student picked from the list our coordinators keep for
// the destination (agreements/host_courses.hpp): its code, title and credits replace whatever was
// typed for the host course; the term, the home side and `alternative` stay as typed.
db::CourseMapping with_listed_course(db::CourseMapping mapping, const db::HostCourse& course);

// The same with a course the student picked from the partner's own catalogue
// (db/partner_courses.hpp): its code (its LOS id when it has none), title, and credits when it
// gives them, and its LOS and LOI ids, which the learning agreement's component carries.
db::CourseMapping with_catalogue_course(db::CourseMapping mapping, const db::PartnerCourseRow& course);

// A first learning-agreement draft drafted from the approved lines: table A the host courses (not
// the alternatives, which go in later as changes), table B the home courses they replace (a line
// that replaces only credits gives none), each component with its line's term.
LaVersion draft_from_preapproval(const std::vector<db::PreapprovalLine>& lines);

// During the stay, an approved alternative goes into a changes proposal without another decision.

// The mobility's approved alternatives that none of `agreed` (the versions agreed so far: the
// first version, the approved changes) has in table A yet, by host course code or else title,
// in the order they were proposed.
std::vector<db::PreapprovalLine> alternatives_to_add(const std::vector<db::PreapprovalLine>& lines,
                                                     const std::vector<const LaVersion*>& agreed);

// The components an approved alternative line goes into a changes proposal as: its host course
// inserted into table A (code, title, credits, the line's term) for the spec's reason
// "substituting-deleted", and the home course it counts as, when it names one, inserted into
// table B with the same term.
struct AlternativeComponents {
  Component studied;
  std::optional<Component> recognized;
};
AlternativeComponents alternative_components(const db::CourseMapping& mapping);

enum class LineDecision { kApprove, kReject };

class CoursePreapprovals {
 public:
  // Adds a proposed line; returns its id. kNotFound for an unknown mobility; kConflict for a
  // cancelled or rejected one; kInvalidArgument for the mapping's problems.
  Result<int64_t> propose(db::Connection& connection, const std::string& omobility_id, const db::CourseMapping& mapping) const;

  // The student takes back a line not decided yet. kNotFound; kConflict when decided meanwhile.
  Status withdraw(db::Connection& connection, const std::string& omobility_id, int64_t line_id) const;

  // A coordinator's decision on a proposed line. kInvalidArgument for a rejection without a
  // comment or a comment over 5000 bytes; kNotFound; kConflict when decided or withdrawn meanwhile.
  Status decide(db::Connection& connection, const std::string& omobility_id, int64_t line_id, LineDecision decision,
                const std::optional<std::string>& comment, const agreements::Editor& editor) const;
};

}  // namespace mobility::mobilities
