#include "mobilities/mobility_json.hpp"

#include "base/json_fields.hpp"

namespace mobility::mobilities {

NLOHMANN_JSON_SERIALIZE_ENUM(ActivityAttributes, {{ActivityAttributes::kLongTerm, "long-term"},
                                                  {ActivityAttributes::kShortTermBlended, "short-term-blended"},
                                                  {ActivityAttributes::kShortTermDoctoral, "short-term-doctoral"}})
NLOHMANN_JSON_SERIALIZE_ENUM(NominationStatus, {{NominationStatus::kPending, "pending"},
                                                {NominationStatus::kApproved, "approved"},
                                                {NominationStatus::kRejected, "rejected"},
                                                {NominationStatus::kCancelled, "cancelled"}})
NLOHMANN_JSON_SERIALIZE_ENUM(ComponentTable, {{ComponentTable::kStudied, "studied"},
                                              {ComponentTable::kRecognized, "recognized"},
                                              {ComponentTable::kVirtual, "virtual"},
                                              {ComponentTable::kBlended, "blended"},
                                              {ComponentTable::kDoctoral, "doctoral"}})
NLOHMANN_JSON_SERIALIZE_ENUM(ChangeStatus, {{ChangeStatus::kUnchanged, "unchanged"},
                                            {ChangeStatus::kInserted, "inserted"},
                                            {ChangeStatus::kDeleted, "deleted"}})

NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Student, given_names, family_name, global_id, birth_date, citizenship, gender,
                                                email)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(ContactPerson, given_names, family_name, email)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(MobilityParty, hei_id, ounit_id, ounit_name, iia_id, contact)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(LanguageSkill, language, cefr_level)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Nomination, sending, receiving, sending_academic_term_id,
                                                receiving_academic_year_id, activity_attributes, agreement_isced_f_code,
                                                eqf_level_at_departure, nominee_isced_f_code, comment)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Mobility, omobility_id, student, nomination, status, decision_comment,
                                                planned_arrival_date, planned_departure_date, actual_arrival_date,
                                                actual_departure_date, language_skill, isced_clarification, learning_outcomes_url,
                                                provisions_url)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Credit, scheme, value)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(TermId, term_number, total_terms)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Component, los_id, los_code, title, loi_id, term, credits, recognition_conditions,
                                                short_description, change, reason_code, reason_text)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(ComponentList, table, components)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Signature, signer_name, signer_position, signer_email, timestamp, signer_app)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(StudentChanges, given_names, family_name, global_id, birth_date, citizenship,
                                                gender, email)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(LaVersion, tables, student_changes, student_signature, sending_signature,
                                                receiving_signature)

namespace {

template <typename T>
Result<T> parse(std::string_view text, const char* what) {
  try {
    return nlohmann::json::parse(text).get<T>();
  } catch (const nlohmann::json::exception& error) {
    return Status::invalid_argument(std::string("stored ") + what + " does not read: " + error.what());
  }
}

}  // namespace

nlohmann::json to_json_value(const Mobility& mobility) { return mobility; }
nlohmann::json to_json_value(const Nomination& nomination) { return nomination; }
nlohmann::json to_json_value(const LaVersion& version) { return version; }
nlohmann::json to_json_value(const Signature& signature) { return signature; }
Signature signature_from_json_value(const nlohmann::json& value) { return value.get<Signature>(); }

Result<Mobility> mobility_from_json_text(std::string_view text) { return parse<Mobility>(text, "mobility"); }
Result<LaVersion> la_version_from_json_text(std::string_view text) {
  return parse<LaVersion>(text, "learning agreement version");
}

std::string canonical_text(const nlohmann::json& value) { return value.dump(); }

}  // namespace mobility::mobilities
