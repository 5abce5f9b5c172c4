#include "agreements/agreement_information.hpp"

namespace mobility::agreements {

NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(StudyPlaces, level, subject_area, isced_f_code, unit, places, months)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(LanguageRequirement, language, cefr_level)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(InformationLink, title, url)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(StudentReport, author, semester, text)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(AgreementInformation, city, country_code, study_places, visa_and_residence,
                                                tuition_fees, autumn_deadline, spring_deadline, language_requirements, links,
                                                student_reports)

nlohmann::json information_to_json(const AgreementInformation& information) { return information; }

Result<AgreementInformation> information_from_json_text(std::string_view text) {
  auto document = nlohmann::json::parse(text, nullptr, false);
  if (!document.is_object()) return Status::invalid_argument("agreement information is not a JSON object");
  try {
    return document.get<AgreementInformation>();
  } catch (const nlohmann::json::exception& wrong_type) {
    return Status::invalid_argument(std::string("agreement information does not fit: ") + wrong_type.what());
  }
}

AgreementInformation information_or_empty(std::string_view text) {
  auto information = information_from_json_text(text);
  return information ? *information : AgreementInformation{};
}

}  // namespace mobility::agreements
