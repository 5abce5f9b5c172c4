#include "agreements/iia_rules.hpp"

#include "base/pattern.hpp"

namespace mobility::agreements {
namespace {

class Checker {
 public:
  void require(bool ok, std::string field, const char* key, std::string text) {
    if (!ok) problems_.push_back({std::move(field), key, std::move(text)});
  }
  std::vector<IiaProblem> take() { return std::move(problems_); }

 private:
  std::vector<IiaProblem> problems_;
};

bool is_positive_decimal(const std::string& text) {
  return matches(text, "[0-9]+(\\.[0-9]{1,2})?") && text.find_first_not_of("0.") != std::string::npos;
}

void check_subject_area(Checker& check, const SubjectArea& area, const std::string& field) {
  check.require(matches(area.isced_f_code, "[0-9]{4}"), field + ".isced_f_code", "iia_error_isced",
                "an ISCED-F code has four digits");
}

void check_spec(Checker& check, const MobilitySpec& spec, const std::string& field, const Iia& iia) {
  bool partners_known = iia.partners.size() == 2;
  auto is_partner = [&](const std::string& hei_id) {
    return partners_known && (hei_id == iia.partners[0].hei_id || hei_id == iia.partners[1].hei_id);
  };
  check.require(is_partner(spec.sending_hei_id), field + ".sending_hei_id", "iia_error_spec_partner",
                "the sending HEI must be one of the two partners");
  check.require(is_partner(spec.receiving_hei_id) && spec.receiving_hei_id != spec.sending_hei_id, field + ".receiving_hei_id",
                "iia_error_spec_partner", "the receiving HEI must be the other partner");
  bool first_ok = is_academic_year_id(spec.receiving_first_academic_year_id);
  bool last_ok = is_academic_year_id(spec.receiving_last_academic_year_id);
  check.require(first_ok, field + ".receiving_first_academic_year_id", "iia_error_year", "an academic year looks like 2026/2027");
  check.require(last_ok, field + ".receiving_last_academic_year_id", "iia_error_year", "an academic year looks like 2026/2027");
  check.require(!first_ok || !last_ok || spec.receiving_first_academic_year_id <= spec.receiving_last_academic_year_id,
                field + ".receiving_last_academic_year_id", "iia_error_years_order",
                "the last academic year must not come before the first");
  check.require(spec.mobilities_per_year >= 1, field + ".mobilities_per_year", "iia_error_mobilities",
                "at least one mobility a year");
  bool needs_language = spec.type == MobilityType::kStudentStudies || spec.type == MobilityType::kStaffTeacher;
  check.require(!needs_language || !spec.recommended_language_skills.empty(), field + ".recommended_language_skills",
                "iia_error_language_needed", "student studies and staff teaching need a recommended language skill");
  for (size_t i = 0; i < spec.recommended_language_skills.size(); ++i) {
    const LanguageSkill& skill = spec.recommended_language_skills[i];
    std::string skill_field = field + ".recommended_language_skills[" + std::to_string(i) + "]";
    check.require(matches(skill.language, kLanguageTagPattern), skill_field + ".language", "iia_error_language",
                  "a language is a code such as en or nb");
    check.require(!skill.cefr_level || matches(*skill.cefr_level, "[ABC][12]|NS"), skill_field + ".cefr_level", "iia_error_cefr",
                  "a CEFR level is A1 to C2");
    if (skill.subject_area) check_subject_area(check, *skill.subject_area, skill_field + ".subject_area");
  }
  for (size_t i = 0; i < spec.subject_areas.size(); ++i) {
    check_subject_area(check, spec.subject_areas[i], field + ".subject_areas[" + std::to_string(i) + "]");
  }
  if (is_student_mobility(spec.type)) {
    check.require(!spec.total_months_per_year || is_positive_decimal(*spec.total_months_per_year),
                  field + ".total_months_per_year", "iia_error_months", "months a year: a positive number such as 5 or 4.5");
    for (int level : spec.eqf_levels) {
      check.require(level >= 1 && level <= 8, field + ".eqf_levels", "iia_error_eqf", "EQF levels are 1 to 8");
    }
    check.require(!spec.total_days_per_year, field + ".total_days_per_year", "iia_error_days_for_staff",
                  "days a year are for staff mobilities");
  } else {
    check.require(!spec.total_days_per_year || is_positive_decimal(*spec.total_days_per_year), field + ".total_days_per_year",
                  "iia_error_days", "days a year: a positive number");
    check.require(!spec.total_months_per_year && spec.eqf_levels.empty() && !spec.blended, field + ".type",
                  "iia_error_student_fields", "months, EQF levels and blended are for student mobilities");
  }
}

}  // namespace

bool is_academic_year_id(std::string_view text) {
  if (text.size() != 9 || text[4] != '/') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 7, 8}) {
    if (text[i] < '0' || text[i] > '9') return false;
  }
  int first = std::stoi(std::string(text.substr(0, 4)));
  int second = std::stoi(std::string(text.substr(5, 4)));
  return second == first + 1 || second == first;
}

std::vector<IiaProblem> check_iia(const Iia& iia) {
  Checker check;
  check.require(iia.partners.size() == 2, "partners", "iia_error_partners", "an agreement has exactly two partners");
  if (iia.partners.size() == 2) {
    check.require(!iia.partners[1].hei_id.empty() && iia.partners[1].hei_id != iia.partners[0].hei_id, "partners[1].hei_id",
                  "iia_error_partner_same", "the partner must be another HEI");
  }
  check.require(!iia.mobility_specs.empty(), "mobility_specs", "iia_error_no_specs",
                "an agreement needs at least one cooperation condition");
  for (size_t i = 0; i < iia.mobility_specs.size(); ++i) {
    check_spec(check, iia.mobility_specs[i], "mobility_specs[" + std::to_string(i) + "]", iia);
  }
  return check.take();
}

}  // namespace mobility::agreements
