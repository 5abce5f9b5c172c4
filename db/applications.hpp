// Applications repository: application rounds, the students' applications in them and the
// destinations each ranks (migration 0018). The rules (who may change what, and when) are
// mobilities/applications.hpp's; this file only reads and writes.
//
// Every change of an application names the version it was made against: a change against any
// other version stores nothing and returns kConflict, so two tabs or a coordinator and a student
// at once never overwrite each other unseen.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "db/connection.hpp"

namespace mobility::db {

struct RoundRecord {
  int64_t round_id = 0;
  std::string hei_id;
  std::optional<std::string> ounit_id;  // nullopt: the whole HEI
  std::string academic_year_id;
  std::string title;
  std::string opens_at;   // UTC "YYYY-MM-DD HH:MM"
  std::string closes_at;  // UTC "YYYY-MM-DD HH:MM"
  int max_choices = 3;
  bool open = false;    // now between opens_at and closes_at
  bool closed = false;  // now after closes_at
};

struct NewRound {
  std::string hei_id;
  std::optional<std::string> ounit_id;
  std::string academic_year_id;
  std::string title;
  std::string opens_at;  // any timestamp PostgreSQL reads ("2026-12-01 00:00+01")
  std::string closes_at;
  int max_choices = 3;
};

// The new round's id. kConflict (from the database's constraints) when it refuses the values:
// closes before it opens, an unknown unit, a malformed year. Callers check these first.
Result<int64_t> create_round(Connection& connection, const NewRound& round);
Result<std::optional<RoundRecord>> find_round(Connection& connection, int64_t round_id);
// The HEI's rounds a student of `student_ounit_id` may apply in (the HEI's own and those of the
// student's unit or a unit above it), newest first; `ounit_id` of the round names its unit.
Result<std::vector<RoundRecord>> rounds_for_student(Connection& connection, const std::string& hei_id,
                                                    const std::optional<std::string>& student_ounit_id);
// The HEI's rounds with applications handed in and not yet decided (of `academic_year_id` when
// given), the round closing first first.
Result<std::vector<RoundRecord>> rounds_to_decide(Connection& connection, const std::string& hei_id,
                                                  const std::optional<std::string>& academic_year_id);
// All the HEI's rounds, newest first.
Result<std::vector<RoundRecord>> list_rounds(Connection& connection, const std::string& hei_id);

struct ApplicationRecord {
  int64_t application_id = 0;
  int64_t round_id = 0;
  std::string hei_id;
  std::string student_id;
  std::string state;  // draft, submitted, withdrawn, selected, rejected
  std::string motivation;
  std::optional<std::string> citizenship;
  int version = 1;
  std::vector<std::string> choices;  // partner_hei_id by rank, first choice first
  std::optional<std::string> selected_partner_hei_id;
  std::optional<std::string> omobility_id;
  std::optional<std::string> decision_reason;
  std::optional<std::string> decided_by;
  std::optional<std::string> decided_at;    // UTC "YYYY-MM-DD HH:MM"
  std::optional<std::string> submitted_at;  // UTC "YYYY-MM-DD HH:MM"
  std::string modified_at;                  // UTC "YYYY-MM-DD HH:MM"
  std::string student_name;                 // "Åse Bjørnstad", from the student's record
  std::optional<std::string> student_ounit_id;
};

Result<std::optional<ApplicationRecord>> find_application(Connection& connection, int64_t application_id);
Result<std::optional<ApplicationRecord>> find_student_application(Connection& connection, int64_t round_id,
                                                                  const std::string& hei_id, const std::string& student_id);
// The round's applications that are not drafts, oldest submission first.
Result<std::vector<ApplicationRecord>> list_round_applications(Connection& connection, int64_t round_id);

// What a student's form holds.
struct ApplicationContent {
  std::string state;  // draft or submitted
  std::string motivation;
  std::optional<std::string> citizenship;
  std::vector<std::string> choices;
};

// Stores the content as the student's application in the round: a new one when
// `expected_version` is 0 (kConflict when the student has one already), else the one at that
// version (kConflict when it changed meanwhile or is not a draft or submitted). Returns the
// application's id and new version.
struct SavedApplication {
  int64_t application_id = 0;
  int version = 1;
};
Result<SavedApplication> save_application(Connection& connection, int64_t round_id, const std::string& hei_id,
                                          const std::string& student_id, const ApplicationContent& content, int expected_version);

// A decision or withdrawal: the new state and what goes with it. kConflict when the application
// is not at `expected_version` or is not in one of `from_states`.
struct ApplicationDecision {
  std::string state;  // withdrawn, selected, rejected
  std::optional<std::string> selected_partner_hei_id;
  std::optional<std::string> omobility_id;
  std::optional<std::string> reason;
  std::optional<std::string> decided_by;
};
Status decide_application(Connection& connection, int64_t application_id, int expected_version,
                          const std::vector<std::string>& from_states, const ApplicationDecision& decision);

// Draft applications (not handed in) in open rounds that close within `days` days, with their
// round's title and closing time, the round closing first first.
struct DraftNearDeadline {
  int64_t application_id = 0;
  std::string hei_id;
  std::string student_id;
  int64_t round_id = 0;
  std::string round_title;
  std::string closes_at;  // UTC "YYYY-MM-DD HH:MM"
};
Result<std::vector<DraftNearDeadline>> drafts_near_deadline(Connection& connection, int days);

// The coordinators' ranking of one destination's applicants in a round (migration 0022).
struct DestinationRanking {
  std::string partner_hei_id;
  int version = 0;  // 0: never ranked
  std::string ranked_by;
  std::string ranked_at;         // UTC "YYYY-MM-DD HH:MM"
  std::map<int64_t, int> ranks;  // application_id → rank, 1 first
};
// The round's rankings by partner; a destination never ranked is not in the map.
Result<std::map<std::string, DestinationRanking>> round_rankings(Connection& connection, int64_t round_id);

// Stores `ranks` (application_id → rank, nullopt: unranked) as the ranking of `partner_hei_id` in
// the round, by `ranked_by`; the ranks of applications not in `ranks` stay. A new ranking when
// `expected_version` is 0. kConflict ("changed meanwhile") when the ranking is not at
// `expected_version`; then nothing is stored. Returns the new version. The caller checks the
// applications and ranks and holds the transaction.
Result<int> save_ranking(Connection& connection, int64_t round_id, const std::string& partner_hei_id,
                         const std::map<int64_t, std::optional<int>>& ranks, int expected_version, const std::string& ranked_by);

// How many of the HEI's students each partner has for the academic year already: nominations
// from any round or none (made by hand or by another round), except cancelled or rejected ones.
// The agreement's places are per year, so this is what is left of them.
struct PlacesTaken {
  std::string partner_hei_id;
  int selected = 0;
};
Result<std::vector<PlacesTaken>> places_taken(Connection& connection, const std::string& hei_id,
                                              const std::string& academic_year_id);

}  // namespace mobility::db
