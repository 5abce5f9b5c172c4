#include "mobilities/mobility_rules.hpp"

#include <chrono>

#include "agreements/iia_rules.hpp"
#include "base/pattern.hpp"
#include "base/sha256.hpp"
#include "base/text.hpp"
#include "mobilities/mobility_json.hpp"
#include "mobilities/problem_list.hpp"

namespace mobility::mobilities {
namespace {

constexpr size_t kMaxCommentLength = 5000;

bool is_isced_f_code(const std::string& text) { return text.size() == 4 && matches(text, "[0-9]{4}"); }

bool is_day_or_month(const std::string& text) {
  return is_date(text) || (text.size() == 7 && matches(text, "[0-9]{4}-(0[1-9]|1[0-2])"));
}

void check_student(ProblemList& problems, const Student& student) {
  problems.line("student.given_names", student.given_names);
  problems.line("student.family_name", student.family_name);
  problems.require(is_esi(student.global_id), "student.global_id",
                   "'" + excerpt(student.global_id, 40) +
                       "' is not a European Student Identifier such as "
                       "urn:schac:personalUniqueCode:int:esi:uio.no:12345");
  problems.require(is_date(student.birth_date), "student.birth_date",
                   "'" + excerpt(student.birth_date, 40) + "' is not a date such as 2003-04-17");
  problems.pattern("student.citizenship", student.citizenship, "[A-Z][A-Z]", 2, "a country code such as NO");
  problems.require(student.gender == 0 || student.gender == 1 || student.gender == 2 || student.gender == 9, "student.gender",
                   "must be 0, 1, 2 or 9 (ISO/IEC 5218)");
  problems.pattern("student.email", student.email, kEmailPattern, kMaxNameLength, "an e-mail address");
}

void check_party(ProblemList& problems, const MobilityParty& party, const std::string& field) {
  problems.pattern(field + ".hei_id", party.hei_id, kHeiIdPattern, 255, "an HEI id such as uio.no");
  for (const auto* id : {&party.ounit_id, &party.iia_id}) {
    if (*id && (id->value().empty() || id->value().size() > 64 || !matches(id->value(), "[\\x21-\\x7e]+"))) {
      problems.add(field + (id == &party.ounit_id ? ".ounit_id" : ".iia_id"), "is not an EWP identifier");
    }
  }
  if (party.ounit_name) problems.line(field + ".ounit_name", *party.ounit_name);
  if (party.contact) {
    problems.line(field + ".contact.given_names", party.contact->given_names);
    problems.line(field + ".contact.family_name", party.contact->family_name);
    problems.pattern(field + ".contact.email", party.contact->email, kEmailPattern, kMaxNameLength, "an e-mail address");
  }
}

void check_nomination(ProblemList& problems, const Nomination& nomination) {
  check_party(problems, nomination.sending, "nomination.sending");
  check_party(problems, nomination.receiving, "nomination.receiving");
  problems.require(nomination.sending.hei_id != nomination.receiving.hei_id, "nomination.receiving.hei_id",
                   "must not be the sending HEI");
  if (nomination.sending_academic_term_id) {
    problems.require(is_academic_term_id(*nomination.sending_academic_term_id), "nomination.sending_academic_term_id",
                     "'" + excerpt(*nomination.sending_academic_term_id, 40) + "' is not a term such as 2026/2027-1/2");
  }
  problems.require(agreements::is_academic_year_id(nomination.receiving_academic_year_id),
                   "nomination.receiving_academic_year_id",
                   "'" + excerpt(nomination.receiving_academic_year_id, 40) + "' is not an academic year such as 2026/2027");
  problems.require(is_isced_f_code(nomination.agreement_isced_f_code), "nomination.agreement_isced_f_code",
                   "is not a four-digit ISCED-F code such as 0613");
  problems.require(is_isced_f_code(nomination.nominee_isced_f_code), "nomination.nominee_isced_f_code",
                   "is not a four-digit ISCED-F code such as 0613");
  problems.require(nomination.eqf_level_at_departure >= 1 && nomination.eqf_level_at_departure <= 8,
                   "nomination.eqf_level_at_departure", "must be an EQF level from 1 to 8");
  if (nomination.comment && (nomination.comment->size() > kMaxCommentLength || !is_clean_utf8(*nomination.comment))) {
    problems.add("nomination.comment", "must be text of at most 5000 bytes");
  }
}

void check_dates(ProblemList& problems, const std::optional<std::string>& from, const std::optional<std::string>& to,
                 const std::string& from_field, const std::string& to_field) {
  if (from && !is_day_or_month(*from)) problems.add(from_field, "'" + excerpt(*from, 40) + "' is not a date such as 2026-08-15");
  if (to && !is_day_or_month(*to)) problems.add(to_field, "'" + excerpt(*to, 40) + "' is not a date such as 2026-12-20");
  if (from && to && is_day_or_month(*from) && is_day_or_month(*to) && *to < *from) {
    problems.add(to_field, "is before " + from_field);
  }
}

}  // namespace

bool is_academic_term_id(std::string_view text) {
  if (text.size() > 16 || !matches(text, "[0-9]{4}/[0-9]{4}-[1-9]/[1-9]")) return false;
  if (!agreements::is_academic_year_id(text.substr(0, 9))) return false;
  return text[10] <= text[12];
}

bool is_date(std::string_view text) {
  if (text.size() != 10 || !matches(text, "[0-9]{4}-[0-9]{2}-[0-9]{2}")) return false;
  auto number = [&](size_t at, size_t length) { return std::stoi(std::string(text.substr(at, length))); };
  std::chrono::year_month_day day{std::chrono::year(number(0, 4)), std::chrono::month(number(5, 2)),
                                  std::chrono::day(number(8, 2))};
  return day.ok();
}

bool is_esi(std::string_view text) {
  return text.size() <= 255 && matches(text, "urn:schac:personalUniqueCode:int:esi:[a-z0-9.-]+\\.[a-z]+:[\\x21-\\x7e]+");
}

std::vector<RuleProblem> check_mobility(const Mobility& mobility) {
  ProblemList problems;
  problems.require(
      !mobility.omobility_id.empty() && mobility.omobility_id.size() <= 64 && matches(mobility.omobility_id, "[\\x21-\\x7e]+"),
      "omobility_id", "is not an EWP identifier (1 to 64 printable ASCII characters)");
  check_student(problems, mobility.student);
  check_nomination(problems, mobility.nomination);
  check_dates(problems, mobility.planned_arrival_date, mobility.planned_departure_date, "planned_arrival_date",
              "planned_departure_date");
  check_dates(problems, mobility.actual_arrival_date, mobility.actual_departure_date, "actual_arrival_date",
              "actual_departure_date");
  if (mobility.language_skill) {
    problems.pattern("language_skill.language", mobility.language_skill->language, kLanguageTagPattern, 35,
                     "a language tag such as en");
    problems.pattern("language_skill.cefr_level", mobility.language_skill->cefr_level, "[ABC][12]|NS", 2,
                     "a CEFR level such as B2");
  }
  for (const auto* url : {&mobility.learning_outcomes_url, &mobility.provisions_url}) {
    if (*url && (url->value().size() > 2048 || !matches(url->value(), "https?://[^\\s]+"))) {
      problems.add(url == &mobility.learning_outcomes_url ? "learning_outcomes_url" : "provisions_url",
                   "is not an http:// or https:// address");
    }
  }
  if (mobility.decision_comment &&
      (mobility.decision_comment->size() > kMaxCommentLength || !is_clean_utf8(*mobility.decision_comment))) {
    problems.add("decision_comment", "must be text of at most 5000 bytes");
  }
  return problems.take();
}

std::vector<RuleProblem> check_mobility_change(const Mobility& before, const Mobility& after) {
  ProblemList problems;
  problems.require(before.omobility_id == after.omobility_id, "omobility_id", "never changes");
  problems.require(before.nomination.sending.hei_id == after.nomination.sending.hei_id, "nomination.sending.hei_id",
                   "never changes for a mobility");
  problems.require(before.nomination.receiving.hei_id == after.nomination.receiving.hei_id, "nomination.receiving.hei_id",
                   "never changes for a mobility; nominate again instead");
  problems.require(before.student.global_id == after.student.global_id, "student.global_id",
                   "never changes for a mobility: another student is another nomination");
  return problems.take();
}

Status problems_status(const std::vector<RuleProblem>& problems) {
  if (problems.empty()) return Status::ok();
  std::string text;
  for (const RuleProblem& problem : problems) {
    if (!text.empty()) text += "; ";
    text += problem.field + ": " + problem.text;
  }
  return Status::invalid_argument(text);
}

std::vector<std::string> problem_fields(const Status& status) {
  std::vector<std::string> fields;
  if (status.code() != Status::Code::kInvalidArgument) return fields;
  std::string_view rest = status.message();
  while (!rest.empty()) {
    size_t colon = rest.find(": ");
    if (colon == std::string_view::npos) break;
    fields.emplace_back(rest.substr(0, colon));
    size_t next = rest.find("; ", colon);
    rest = next == std::string_view::npos ? std::string_view() : rest.substr(next + 2);
  }
  return fields;
}

std::string nomination_proposal_id(const Nomination& nomination) {
  return "p-" + sha256_hex(canonical_text(to_json_value(nomination))).substr(0, 40);
}

}  // namespace mobility::mobilities
