#include "agreements/agreement_information_rules.hpp"

#include "base/pattern.hpp"

namespace mobility::agreements {
namespace {

constexpr size_t kMaxShortText = 200;
constexpr size_t kMaxLongText = 10000;
constexpr int kMaxPlaces = 999;
constexpr int kMaxMonths = 12;

std::string item(const char* list, size_t index, const char* field) {
  return std::string(list) + "[" + std::to_string(index) + "]." + field;
}

void check_places(FieldChecks& check, const StudyPlaces& places, size_t i) {
  check.require(places.level == "bachelor" || places.level == "master" || places.level == "doctoral",
                item("study_places", i, "level"), "info_error_level");
  check.line(item("study_places", i, "subject_area"), places.subject_area, kMaxShortText, true);
  check.require(places.isced_f_code.empty() || matches(places.isced_f_code, "[0-9]{4}"), item("study_places", i, "isced_f_code"),
                "info_error_isced");
  check.line(item("study_places", i, "unit"), places.unit, kMaxShortText, false);
  check.number(item("study_places", i, "places"), places.places, 1, kMaxPlaces, "info_error_places");
  check.number(item("study_places", i, "months"), places.months, 1, kMaxMonths, "info_error_months");
}

void check_language(FieldChecks& check, const LanguageRequirement& requirement, size_t i) {
  check.require(matches(requirement.language, "[a-z]{2,3}"), item("language_requirements", i, "language"), "info_error_language");
  check.require(matches(requirement.cefr_level, "[ABC][12]"), item("language_requirements", i, "cefr_level"), "info_error_cefr");
}

void check_link(FieldChecks& check, const InformationLink& link, size_t i) {
  check.line(item("links", i, "title"), link.title, kMaxShortText, true);
  check.url(item("links", i, "url"), link.url);
}

void check_report(FieldChecks& check, const StudentReport& report, size_t i) {
  check.line(item("student_reports", i, "author"), report.author, kMaxShortText, true);
  check.line(item("student_reports", i, "semester"), report.semester, kMaxShortText, true);
  check.text(item("student_reports", i, "text"), report.text, kMaxLongText, true);
}

}  // namespace

std::vector<FieldProblem> check_information(const AgreementInformation& information) {
  FieldChecks check;
  check.line("city", information.city, kMaxShortText, true);
  check.require(matches(information.country_code, "[A-Z]{2}"), "country_code", "info_error_country");
  for (size_t i = 0; i < information.study_places.size(); ++i) check_places(check, information.study_places[i], i);
  check.text("visa_and_residence", information.visa_and_residence, kMaxLongText, false);
  check.text("tuition_fees", information.tuition_fees, kMaxLongText, false);
  check.month_day("autumn_deadline", information.autumn_deadline, false);
  check.month_day("spring_deadline", information.spring_deadline, false);
  for (size_t i = 0; i < information.language_requirements.size(); ++i) {
    check_language(check, information.language_requirements[i], i);
  }
  for (size_t i = 0; i < information.links.size(); ++i) check_link(check, information.links[i], i);
  for (size_t i = 0; i < information.student_reports.size(); ++i) check_report(check, information.student_reports[i], i);
  return check.take();
}

}  // namespace mobility::agreements
