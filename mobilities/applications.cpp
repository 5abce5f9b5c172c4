#include "mobilities/applications.hpp"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>

#include "agreements/iia_json.hpp"
#include "agreements/iia_stage.hpp"
#include "base/pattern.hpp"
#include "base/text.hpp"
#include "db/agreement_information.hpp"
#include "db/audit_events.hpp"
#include "db/iias.hpp"
#include "db/mail_outbox.hpp"
#include "db/ounits.hpp"
#include "db/students.hpp"
#include "db/transaction.hpp"
#include "mobilities/outgoing_mobilities.hpp"

namespace mobility::mobilities {
namespace {

constexpr size_t kMaxText = 5000;

bool listed(const std::vector<std::string>& list, const std::string& item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

// Tells the student's accounts about their application in round `round_id`; `parameters` say what
// happened. Returns how many mails were queued (none for a used `dedupe_key`).
Result<int> tell_applicant(db::Connection& connection, const std::string& hei_id, const std::string& student_id, int64_t round_id,
                           const std::string& kind, nlohmann::json parameters,
                           const std::optional<std::string>& dedupe_key = std::nullopt) {
  auto accounts = db::student_accounts(connection, hei_id, student_id);
  if (!accounts) return accounts.status();
  parameters["link"] = "/my-exchange/applications/" + std::to_string(round_id);
  parameters["sending_hei_id"] = hei_id;
  int queued = 0;
  for (int64_t account_id : *accounts) {
    std::optional<std::string> key;
    if (dedupe_key) key = *dedupe_key + ":" + std::to_string(account_id);
    auto added = db::enqueue_mail(connection, {kind, account_id, parameters.dump(), key, false});
    if (!added) return added.status();
    queued += *added ? 1 : 0;
  }
  return queued;
}

Status tell_student(db::Connection& connection, const db::ApplicationRecord& application, const std::string& kind,
                    nlohmann::json parameters) {
  return tell_applicant(connection, application.hei_id, application.student_id, application.round_id, kind, std::move(parameters))
      .status();
}

// The application at `hei_id`, or kNotFound.
Result<db::ApplicationRecord> application_at(db::Connection& connection, const std::string& hei_id, int64_t application_id) {
  auto found = db::find_application(connection, application_id);
  if (!found) return found.status();
  if (!*found || (*found)->hei_id != hei_id) return Status::not_found("no application " + std::to_string(application_id));
  return **found;
}

// Our student-studies conditions towards `partner_hei_id` in an agreement both approved, with
// the agreement's ids; kInvalidArgument when there is none for the year.
struct Conditions {
  agreements::MobilitySpec spec;
  std::string our_iia_id;
  std::optional<std::string> partner_iia_id;
};

// Our student-studies conditions for the year by partner, from the agreements both approved
// (the first agreement found for a partner), read in one pass over the HEI's agreements.
Result<std::map<std::string, Conditions>> conditions_for_year(db::Connection& connection, const std::string& hei_id,
                                                              const std::string& academic_year_id) {
  auto iias = db::list_iias(connection, hei_id);
  if (!iias) return iias.status();
  std::map<std::string, Conditions> by_partner;
  for (const auto& record : *iias) {
    if (by_partner.contains(record.partner_hei_id) || agreements::stage_of(record) != agreements::IiaStage::kApprovedByBoth) {
      continue;
    }
    auto iia = agreements::iia_from_json_text(record.content_json);
    if (!iia || iia->terminated_as_a_whole) continue;
    for (const auto& spec : iia->mobility_specs) {
      if (spec.type == agreements::MobilityType::kStudentStudies && spec.sending_hei_id == hei_id &&
          spec.receiving_hei_id == record.partner_hei_id && spec.receiving_first_academic_year_id <= academic_year_id &&
          academic_year_id <= spec.receiving_last_academic_year_id) {
        by_partner.emplace(record.partner_hei_id, Conditions{spec, record.iia_id, record.partner_iia_id});
        break;
      }
    }
  }
  return by_partner;
}

Result<Conditions> conditions_with(db::Connection& connection, const std::string& hei_id, const std::string& partner_hei_id,
                                   const std::string& academic_year_id) {
  auto all = conditions_for_year(connection, hei_id, academic_year_id);
  if (!all) return all.status();
  auto found = all->find(partner_hei_id);
  if (found == all->end()) {
    return Status::invalid_argument("no agreement approved by both with " + partner_hei_id + " has places for students in " +
                                    academic_year_id);
  }
  return found->second;
}

Result<std::optional<std::string>> ounit_name(db::Connection& connection, const std::string& hei_id,
                                              const std::optional<std::string>& ounit_id) {
  if (!ounit_id) return std::optional<std::string>();
  auto units = db::list_ounits(connection, hei_id, "en");
  if (!units) return units.status();
  for (const auto& unit : *units) {
    if (unit.ounit_id == *ounit_id) return std::optional<std::string>(unit.name);
  }
  return std::optional<std::string>();
}

Result<Mobility> nomination_for(db::Connection& connection, const db::ApplicationRecord& application,
                                const db::RoundRecord& round, const std::string& partner_hei_id,
                                const std::optional<ContactPerson>& coordinator) {
  auto student = db::find_student(connection, application.hei_id, application.student_id);
  if (!student) return student.status();
  if (!*student) return Status::not_found("the applicant is no longer a student of " + application.hei_id);
  if (!(*student)->global_id) return Status::invalid_argument("the student's record has no European Student Identifier");
  if (!(*student)->birth_date) return Status::invalid_argument("the student's record has no birth date");
  auto conditions = conditions_with(connection, application.hei_id, partner_hei_id, round.academic_year_id);
  if (!conditions) return conditions.status();
  if (conditions->spec.subject_areas.empty()) {
    return Status::invalid_argument("the agreement with " + partner_hei_id + " names no subject area for students");
  }
  auto unit_name = ounit_name(connection, application.hei_id, (*student)->ounit_id);
  if (!unit_name) return unit_name.status();
  Mobility m;
  m.student = {(*student)->given_names,
               (*student)->family_name,
               *(*student)->global_id,
               *(*student)->birth_date,
               application.citizenship.value_or(""),
               0,
               (*student)->email};
  m.nomination.sending = {application.hei_id, (*student)->ounit_id, unit_name->value_or("International Office"),
                          conditions->our_iia_id, coordinator};
  m.nomination.receiving = {partner_hei_id, conditions->spec.receiving_ounit_id, std::nullopt, conditions->partner_iia_id,
                            std::nullopt};
  m.nomination.receiving_academic_year_id = round.academic_year_id;
  m.nomination.agreement_isced_f_code = conditions->spec.subject_areas.front().isced_f_code;
  m.nomination.nominee_isced_f_code = m.nomination.agreement_isced_f_code;
  const auto& levels = conditions->spec.eqf_levels;
  m.nomination.eqf_level_at_departure = levels.empty() ? 6 : *std::min_element(levels.begin(), levels.end());
  return m;
}

}  // namespace

Result<std::map<std::string, int>> places_offered(db::Connection& connection, const std::string& hei_id,
                                                  const std::string& academic_year_id) {
  auto all = conditions_for_year(connection, hei_id, academic_year_id);
  if (!all) return all.status();
  std::map<std::string, int> places;
  for (const auto& [partner, conditions] : *all) places.emplace(partner, conditions.spec.mobilities_per_year);
  return places;
}

Result<int> remind_before_deadlines(db::Connection& connection, int days) {
  auto drafts = db::drafts_near_deadline(connection, days);
  if (!drafts) return drafts.status();
  int queued = 0;
  for (const auto& draft : *drafts) {
    auto told = tell_applicant(connection, draft.hei_id, draft.student_id, draft.round_id, "application_deadline",
                               {{"round", draft.round_title}, {"closes_at", draft.closes_at + " UTC"}},
                               "application_deadline:" + std::to_string(draft.application_id));
    if (!told) return told.status();
    queued += *told;
  }
  return queued;
}

std::vector<RuleProblem> check_application(const ApplicationForm& form, int max_choices,
                                           const std::vector<std::string>& destinations) {
  std::vector<RuleProblem> problems;
  std::vector<std::string> seen;
  for (const auto& choice : form.choices) {
    if (!listed(destinations, choice)) {
      problems.push_back({"choices", "'" + excerpt(choice, 40) + "' is not one of the destinations"});
      break;
    }
    if (listed(seen, choice)) {
      problems.push_back({"choices", choice + " is chosen twice"});
      break;
    }
    seen.push_back(choice);
  }
  if (static_cast<int>(form.choices.size()) > max_choices) {
    problems.push_back({"choices", "at most " + std::to_string(max_choices) + " destinations may be chosen"});
  }
  if (form.submit && form.choices.empty()) problems.push_back({"choices", "choose at least one destination"});
  if (form.motivation.size() > kMaxText || !is_clean_utf8(form.motivation)) {
    problems.push_back({"motivation", "must be text of at most 5000 bytes"});
  } else if (form.submit && trim_blanks(form.motivation).empty()) {
    problems.push_back({"motivation", "is needed to submit"});
  }
  if (form.citizenship && !(form.citizenship->size() == 2 && matches(*form.citizenship, "[A-Z]{2}"))) {
    problems.push_back({"citizenship", "is not a country code such as NO"});
  } else if (form.submit && !form.citizenship) {
    problems.push_back({"citizenship", "is needed to submit"});
  }
  return problems;
}

std::vector<RuleProblem> check_ranks(const Ranks& ranks) {
  std::vector<RuleProblem> problems;
  std::vector<int> seen;
  for (const auto& [application_id, rank] : ranks) {
    if (!rank) continue;
    std::string field = "rank_" + std::to_string(application_id);
    if (*rank < 1 || *rank > kMaxRank) {
      problems.push_back({field, "is not a number from 1 to " + std::to_string(kMaxRank)});
    } else if (std::find(seen.begin(), seen.end(), *rank) != seen.end()) {
      problems.push_back({field, std::to_string(*rank) + " is given to another applicant"});
    }
    seen.push_back(*rank);
  }
  return problems;
}

Result<db::SavedApplication> Applications::save(db::Connection& connection, int64_t round_id, const Applicant& applicant,
                                                const ApplicationForm& form, int expected_version) const {
  auto student = db::find_student(connection, applicant.hei_id, applicant.student_id);
  if (!student) return student.status();
  if (!*student) return Status::not_found("no student " + applicant.student_id);
  auto rounds = db::rounds_for_student(connection, applicant.hei_id, (*student)->ounit_id);
  if (!rounds) return rounds.status();
  auto round = std::find_if(rounds->begin(), rounds->end(), [&](const auto& r) { return r.round_id == round_id; });
  if (round == rounds->end()) return Status::not_found("no application round " + std::to_string(round_id));
  if (!round->open) return Status::conflict("the round is not open");
  auto published = db::list_published_destinations(connection, applicant.hei_id, {}, "en");
  if (!published) return published.status();
  std::vector<std::string> destinations;
  for (const auto& destination : *published) destinations.push_back(destination.partner_hei_id);
  auto tx = db::Transaction::begin(connection);
  if (!tx) return tx.status();
  auto before = db::find_student_application(connection, round_id, applicant.hei_id, applicant.student_id);
  if (!before) return before.status();
  // Once handed in, a change keeps it handed in (and must still be complete).
  ApplicationForm effective = form;
  effective.submit = form.submit || (*before && (*before)->state == "submitted");
  if (Status problems = problems_status(check_application(effective, round->max_choices, destinations)); !problems) {
    return problems;
  }
  db::ApplicationContent content{effective.submit ? "submitted" : "draft", form.motivation, form.citizenship, form.choices};
  auto saved = db::save_application(connection, round_id, applicant.hei_id, applicant.student_id, content, expected_version);
  if (!saved) return saved.status();
  if (effective.submit && (!*before || (*before)->state != "submitted")) {
    auto after = db::find_application(connection, saved->application_id);
    if (!after) return after.status();
    if (Status told = tell_student(connection, **after, "application_received", {{"round", round->title}}); !told) return told;
  }
  if (Status committed = tx->commit(); !committed) return committed;
  return *saved;
}

Status Applications::withdraw(db::Connection& connection, int64_t application_id, const Applicant& applicant,
                              int expected_version, const agreements::Editor& editor) const {
  auto tx = db::Transaction::begin(connection);
  if (!tx) return tx.status();
  auto application = application_at(connection, applicant.hei_id, application_id);
  if (!application) return application.status();
  if (application->student_id != applicant.student_id) {
    return Status::not_found("no application " + std::to_string(application_id));
  }
  if (Status withdrawn = db::decide_application(
          connection, application_id, expected_version, {"draft", "submitted", "selected"},
          {"withdrawn", application->selected_partner_hei_id, application->omobility_id, std::nullopt, std::nullopt});
      !withdrawn) {
    return withdrawn;
  }
  if (application->state == "selected" && application->omobility_id) {
    Status cancelled =
        OutgoingMobilities().cancel(connection, *application->omobility_id, editor, "The student withdrew the application");
    if (!cancelled && cancelled.code() != Status::Code::kConflict) return cancelled;  // kConflict: cancelled already
  }
  return tx->commit();
}

Result<std::string> Applications::select(db::Connection& connection, const std::string& hei_id, int64_t application_id,
                                         const std::string& partner_hei_id, int expected_version,
                                         const agreements::Editor& editor,
                                         const std::optional<ContactPerson>& coordinator) const {
  auto tx = db::Transaction::begin(connection);
  if (!tx) return tx.status();
  auto application = application_at(connection, hei_id, application_id);
  if (!application) return application.status();
  if (application->version != expected_version || application->state != "submitted") {
    return Status::conflict("the application changed meanwhile");
  }
  if (!listed(application->choices, partner_hei_id)) {
    return Status::invalid_argument(partner_hei_id + " is not among the student's choices");
  }
  auto round = db::find_round(connection, application->round_id);
  if (!round) return round.status();
  auto mobility = nomination_for(connection, *application, **round, partner_hei_id, coordinator);
  if (!mobility) return mobility.status();
  auto nominated = OutgoingMobilities().nominate(connection, *mobility, editor, application->student_id);
  if (!nominated) return nominated.status();
  db::ApplicationDecision decision{"selected", partner_hei_id, *nominated, std::nullopt, editor.name};
  if (Status decided = db::decide_application(connection, application_id, expected_version, {"submitted"}, decision); !decided) {
    return decided;
  }
  nlohmann::json parameters{{"decision", "selected"}, {"receiving_hei_id", partner_hei_id}, {"round", (*round)->title}};
  if (Status told = tell_student(connection, *application, "application_decided", parameters); !told) return told;
  if (Status committed = tx->commit(); !committed) return committed;
  return *nominated;
}

Result<int> Applications::rank(db::Connection& connection, const std::string& hei_id, int64_t round_id,
                               const std::string& partner_hei_id, const Ranks& ranks, int expected_version,
                               const agreements::Editor& editor) const {
  auto round = db::find_round(connection, round_id);
  if (!round) return round.status();
  if (!*round || (*round)->hei_id != hei_id) return Status::not_found("no application round " + std::to_string(round_id));
  auto applications = db::list_round_applications(connection, round_id);
  if (!applications) return applications.status();
  for (const auto& [application_id, rank] : ranks) {
    auto found = std::find_if(applications->begin(), applications->end(),
                              [&](const auto& a) { return a.application_id == application_id; });
    if (found == applications->end() || !listed(found->choices, partner_hei_id)) {
      return Status::not_found("no application " + std::to_string(application_id) + " for " + partner_hei_id);
    }
  }
  if (Status problems = problems_status(check_ranks(ranks)); !problems) return problems;
  auto tx = db::Transaction::begin(connection);
  if (!tx) return tx.status();
  auto saved = db::save_ranking(connection, round_id, partner_hei_id, ranks, expected_version, editor.name);
  if (!saved) return saved.status();
  std::string order;
  for (const auto& [application_id, rank] : ranks) {
    order += " " + std::to_string(application_id) + ":" + (rank ? std::to_string(*rank) : "-");
  }
  db::AuditEvent event{editor.account_id,
                       editor.name,
                       editor.role,
                       hei_id,
                       "applicants_ranked",
                       "application_round:" + std::to_string(round_id),
                       partner_hei_id + order,
                       ""};
  if (Status logged = db::record_audit_event(connection, event); !logged) return logged;
  if (Status committed = tx->commit(); !committed) return committed;
  return *saved;
}

Status Applications::reject(db::Connection& connection, const std::string& hei_id, int64_t application_id,
                            const std::string& reason, int expected_version, const agreements::Editor& editor) const {
  if (trim_blanks(reason).empty() || reason.size() > kMaxText || !is_clean_utf8(reason)) {
    return Status::invalid_argument("reason: must be text of 1 to 5000 bytes");
  }
  auto tx = db::Transaction::begin(connection);
  if (!tx) return tx.status();
  auto application = application_at(connection, hei_id, application_id);
  if (!application) return application.status();
  auto round = db::find_round(connection, application->round_id);
  if (!round) return round.status();
  db::ApplicationDecision decision{"rejected", std::nullopt, std::nullopt, reason, editor.name};
  if (Status decided = db::decide_application(connection, application_id, expected_version, {"submitted"}, decision); !decided) {
    return decided;
  }
  nlohmann::json parameters{{"decision", "rejected"}, {"comment", reason}, {"round", (*round)->title}};
  if (Status told = tell_student(connection, *application, "application_decided", parameters); !told) return told;
  return tx->commit();
}

}  // namespace mobility::mobilities
