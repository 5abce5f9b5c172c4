// The per-agreement information students read about one partner destination, and its stored JSON
// form: every version of it is kept this way (db/agreement_information.hpp) and two versions are
// compared on it (agreements/version_diff.hpp). The JSON keys are the field names below; a key
// missing from a stored document reads as empty, so older versions stay readable.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "base/status.hpp"

namespace mobility::agreements {

// Places for our students at the partner, for one level of study and subject.
struct StudyPlaces {
  std::string level;         // bachelor, master or doctoral
  std::string subject_area;  // "Computer science"
  std::string isced_f_code;  // "0613", or "" when not given
  std::string unit;          // the partner's unit that takes them, or ""
  int places = 0;            // students a year
  int months = 0;            // length of each stay
  bool operator==(const StudyPlaces&) const = default;
};

struct LanguageRequirement {
  std::string language;    // "fr", "en"
  std::string cefr_level;  // "B2"
  bool operator==(const LanguageRequirement&) const = default;
};

struct InformationLink {
  std::string title;
  std::string url;  // http:// or https://
  bool operator==(const InformationLink&) const = default;
};

// What a returning student wrote; published only with a reviewed version, like everything else.
struct StudentReport {
  std::string author;
  std::string semester;  // "Autumn 2025"
  std::string text;
  bool operator==(const StudentReport&) const = default;
};

struct AgreementInformation {
  std::string city;
  std::string country_code;  // ISO 3166-1 alpha-2, "FR"
  std::vector<StudyPlaces> study_places;
  std::string visa_and_residence;
  std::string tuition_fees;
  std::string autumn_deadline;  // our students apply by this day, "MM-DD"; "" when not set
  std::string spring_deadline;
  std::vector<LanguageRequirement> language_requirements;
  std::vector<InformationLink> links;
  std::vector<StudentReport> student_reports;
  bool operator==(const AgreementInformation&) const = default;
};

nlohmann::json information_to_json(const AgreementInformation& information);

// The information of a stored document, or invalid_argument when it is not one.
Result<AgreementInformation> information_from_json_text(std::string_view text);
// For showing a stored version: the information, or empty information if the document is not one
// (the repository only stores what information_to_json wrote, so that is never expected).
AgreementInformation information_or_empty(std::string_view text);

}  // namespace mobility::agreements
