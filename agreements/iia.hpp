// The content of an Inter-Institutional Agreement (IIA) as both partners agree on it: the two
// partners and the cooperation conditions, in the terms of EWP IIAs v7 but free of XML.
//
// Values that the EWP hash reads by their exact text (decimals such as total-months-per-year,
// academic year ids, codes) are kept as the strings the user entered, so the text we serve is the
// text that was stored. Validation rules live in iia_rules.hpp.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace mobility::agreements {

// A person or office to contact (a subset of EWP's types-contact that our pages edit).
struct Contact {
  std::string name;                        // contact-name: a person's or an office's name
  std::optional<std::string> given_names;  // person-given-names
  std::optional<std::string> family_name;  // person-family-name
  std::optional<std::string> email;
  std::optional<std::string> phone_e164;  // "+4755000000"
  std::optional<std::string> role_description;

  bool operator==(const Contact&) const = default;
};

// One side of the agreement. partners[0] is the HEI that serves this copy.
struct IiaPartner {
  std::string hei_id;
  std::optional<std::string> ounit_id;
  std::optional<std::string> iia_id;    // this partner's own id of its copy (absent until mapped)
  std::optional<std::string> iia_code;  // human-readable code
  std::optional<Contact> signing_contact;
  std::optional<std::string> signing_date;  // YYYY-MM-DD of the first signing
  std::vector<Contact> contacts;

  bool operator==(const IiaPartner&) const = default;
};

// ISCED-F field of education with an optional free-text clarification.
struct SubjectArea {
  std::string isced_f_code;             // 4 digits ("0314")
  std::optional<std::string> v6_value;  // the code approved under IIAs v6, for legacy agreements
  std::optional<std::string> isced_clarification;

  bool operator==(const SubjectArea&) const = default;
};

struct LanguageSkill {
  std::string language;                   // "en", "nb"
  std::optional<std::string> cefr_level;  // "B2"
  std::optional<SubjectArea> subject_area;
  bool not_yet_defined = false;  // legacy v6 agreements that had no language skill

  bool operator==(const LanguageSkill&) const = default;
};

enum class MobilityType { kStudentStudies, kStudentTraineeship, kStaffTeacher, kStaffTraining };

// The spec's words: "student-studies", "student-traineeship", "staff-teacher", "staff-training".
const char* mobility_type_name(MobilityType type);
std::optional<MobilityType> mobility_type_from_name(std::string_view name);
bool is_student_mobility(MobilityType type);

// One direction of one kind of mobility ("2 students a year from A to B, 5 months each").
struct MobilitySpec {
  MobilityType type = MobilityType::kStudentStudies;
  std::string sending_hei_id;
  std::optional<std::string> sending_ounit_id;
  std::vector<Contact> sending_contacts;
  std::string receiving_hei_id;
  std::optional<std::string> receiving_ounit_id;
  std::vector<Contact> receiving_contacts;
  std::string receiving_first_academic_year_id;  // "2025/2026"
  std::string receiving_last_academic_year_id;
  int mobilities_per_year = 1;
  bool mobilities_per_year_not_yet_defined = false;  // legacy v6 agreements
  std::vector<LanguageSkill> recommended_language_skills;
  std::vector<SubjectArea> subject_areas;
  std::optional<std::string> other_info_terms;
  // Student mobilities only:
  std::optional<std::string> total_months_per_year;  // decimal text: "5", "4.5"
  bool blended = false;
  std::vector<int> eqf_levels;
  // Staff mobilities only:
  std::optional<std::string> total_days_per_year;

  bool operator==(const MobilitySpec&) const = default;
};

struct Iia {
  std::vector<IiaPartner> partners;  // exactly two: ours first
  bool in_effect = false;
  bool terminated_as_a_whole = false;
  std::vector<MobilitySpec> mobility_specs;  // kept in the spec's order: by type, then as entered
  std::optional<std::string> pdf_file;

  bool operator==(const Iia&) const = default;
};

// The specs sorted into the order EWP serves them (student studies, traineeships, staff teacher,
// staff training), keeping the entered order within each type (the hash depends on it).
void sort_mobility_specs(Iia& iia);

}  // namespace mobility::agreements
