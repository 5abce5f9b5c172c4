// Applications: a student applies in an application round for up to the round's number of
// destinations, ranked; the unit's coordinator selects the student for one of them, which
// nominates the student to that partner (OutgoingMobilities::nominate: EWP OMobilities CNR), or
// rejects the application with a reason. A hand-in, a selection and a rejection are each one
// transaction with its mail to the student (db/mail_outbox.hpp); a withdrawal tells nobody.
//
//   draft → submitted   (the student, while the round is open; a handed-in application stays
//                        handed in when the student changes it)
//   draft | submitted | selected → withdrawn   (the student, at any time; a selected student's
//                                               nomination is cancelled with it)
//   submitted → selected | rejected   (a coordinator, any time after submission)
//
// Coordinators also rank each destination's applicants (rank): their order on the round page,
// which a selection does not depend on.
//
// Every change names the version it was made against (db/applications.hpp): kConflict "the
// application changed meanwhile" when another tab or person changed it first.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "agreements/iia_book.hpp"
#include "db/applications.hpp"
#include "mobilities/mobility.hpp"
#include "mobilities/mobility_rules.hpp"

namespace mobility::mobilities {

struct Applicant {
  std::string hei_id;
  std::string student_id;
};

struct ApplicationForm {
  std::vector<std::string> choices;  // partner_hei_id, first choice first
  std::string motivation;
  std::optional<std::string> citizenship;  // ISO 3166-1 alpha-2, needed for the nomination
  bool submit = false;                     // hand it in (else keep it as a draft)
};

// The form's problems by field ("choices", "motivation", "citizenship"): a destination the HEI
// does not publish, a repeated one, more than `max_choices`; for a submission also no choice, an
// empty motivation, no citizenship. `destinations` are the HEI's published destinations.
std::vector<RuleProblem> check_application(const ApplicationForm& form, int max_choices,
                                           const std::vector<std::string>& destinations);

// The places for our students that our agreements offer in the year, by partner (their
// student-studies mobilities per year); a partner without an agreement approved by both that has
// any is not in the map.
Result<std::map<std::string, int>> places_offered(db::Connection& connection, const std::string& hei_id,
                                                  const std::string& academic_year_id);

// Reminds each student whose application is still a draft in a round closing within `days` days,
// once per application. Returns how many reminders were queued.
Result<int> remind_before_deadlines(db::Connection& connection, int days);

// A coordinator's ranking of one destination's applicants: application_id → rank, 1 first
// (nullopt: not ranked).
using Ranks = std::map<int64_t, std::optional<int>>;
constexpr int kMaxRank = 999;

// The ranks' problems, by field "rank_<application_id>": a rank outside 1 to kMaxRank, or a rank
// given to an earlier application already (the later ones are named).
std::vector<RuleProblem> check_ranks(const Ranks& ranks);

class Applications {
 public:
  // Saves the student's application in the round (a new one when `expected_version` is 0); a
  // first submission tells the student it was received. kNotFound: no such round for the
  // student's HEI and unit. kInvalidArgument: the form's problems (check_application), named by
  // field. kConflict: "the round is not open" outside its dates, or the application changed
  // meanwhile or was decided.
  Result<db::SavedApplication> save(db::Connection& connection, int64_t round_id, const Applicant& applicant,
                                    const ApplicationForm& form, int expected_version) const;

  // Withdraws the application; a selected one's nomination is cancelled (the receiving HEI gets an
  // OMobility CNR), by `editor`. kNotFound when it is not the applicant's; kConflict when changed
  // meanwhile, rejected or withdrawn already.
  Status withdraw(db::Connection& connection, int64_t application_id, const Applicant& applicant, int expected_version,
                  const agreements::Editor& editor) const;

  // Selects the applicant for `partner_hei_id`, one of the application's choices, and nominates
  // them: the mobility is built from the student's record, the application and our agreement
  // with the partner that both approved (its student-studies conditions from us to the partner
  // for the round's year: the first subject area, the lowest EQF level). Returns the omobility_id.
  // kNotFound: no such application at `hei_id`, or the applicant is no longer a student there.
  // kInvalidArgument: the partner is not among the
  // choices, no agreement in force with it, or the student's record lacks the ESI or birth date
  // (the message says which). kConflict: changed meanwhile or not submitted.
  Result<std::string> select(db::Connection& connection, const std::string& hei_id, int64_t application_id,
                             const std::string& partner_hei_id, int expected_version, const agreements::Editor& editor,
                             const std::optional<ContactPerson>& coordinator) const;

  // Stores `ranks` as the ranking of `partner_hei_id`'s applicants in round `round_id` of
  // `hei_id` (the ranks of applications not named stay) and logs it in the audit log as
  // "applicants_ranked" by `editor`, in one transaction. Returns the ranking's new version.
  // kNotFound: no such round at `hei_id`, or a named application that is not in the round, is a
  // draft there, or does not choose the partner. kInvalidArgument: check_ranks's problems, named by
  // field. kConflict: the ranking changed meanwhile (is not at `expected_version`, 0 for a
  // destination never ranked). Nothing is stored unless it returns a version.
  Result<int> rank(db::Connection& connection, const std::string& hei_id, int64_t round_id, const std::string& partner_hei_id,
                   const Ranks& ranks, int expected_version, const agreements::Editor& editor) const;

  // kInvalidArgument for an empty or overlong reason; otherwise as select.
  Status reject(db::Connection& connection, const std::string& hei_id, int64_t application_id, const std::string& reason,
                int expected_version, const agreements::Editor& editor) const;
};

}  // namespace mobility::mobilities
