#include "agreements/iia_json.hpp"

#include "base/json_fields.hpp"

namespace mobility::agreements {
namespace {

using json_fields::put;
using json_fields::take;
using nlohmann::json;

json contact_json(const Contact& contact) {
  json out = {{"name", contact.name}};
  put(out, "given_names", contact.given_names);
  put(out, "family_name", contact.family_name);
  put(out, "email", contact.email);
  put(out, "phone_e164", contact.phone_e164);
  put(out, "role_description", contact.role_description);
  return out;
}

Contact contact_of(const json& in) {
  Contact contact;
  take(in, "name", contact.name);
  take(in, "given_names", contact.given_names);
  take(in, "family_name", contact.family_name);
  take(in, "email", contact.email);
  take(in, "phone_e164", contact.phone_e164);
  take(in, "role_description", contact.role_description);
  return contact;
}

json contacts_json(const std::vector<Contact>& contacts) {
  json out = json::array();
  for (const auto& contact : contacts) out.push_back(contact_json(contact));
  return out;
}

std::vector<Contact> contacts_of(const json& in, const char* key) {
  std::vector<Contact> contacts;
  if (auto found = in.find(key); found != in.end()) {
    for (const auto& item : *found) contacts.push_back(contact_of(item));
  }
  return contacts;
}

json subject_area_json(const SubjectArea& area) {
  json out = {{"isced_f_code", area.isced_f_code}};
  put(out, "v6_value", area.v6_value);
  put(out, "isced_clarification", area.isced_clarification);
  return out;
}

SubjectArea subject_area_of(const json& in) {
  SubjectArea area;
  take(in, "isced_f_code", area.isced_f_code);
  take(in, "v6_value", area.v6_value);
  take(in, "isced_clarification", area.isced_clarification);
  return area;
}

json language_skill_json(const LanguageSkill& skill) {
  json out = {{"language", skill.language}};
  put(out, "cefr_level", skill.cefr_level);
  if (skill.subject_area) out["subject_area"] = subject_area_json(*skill.subject_area);
  if (skill.not_yet_defined) out["not_yet_defined"] = true;
  return out;
}

LanguageSkill language_skill_of(const json& in) {
  LanguageSkill skill;
  take(in, "language", skill.language);
  take(in, "cefr_level", skill.cefr_level);
  if (auto found = in.find("subject_area"); found != in.end()) skill.subject_area = subject_area_of(*found);
  take(in, "not_yet_defined", skill.not_yet_defined);
  return skill;
}

json spec_json(const MobilitySpec& spec) {
  json out = {{"type", mobility_type_name(spec.type)},
              {"sending_hei_id", spec.sending_hei_id},
              {"sending_contacts", contacts_json(spec.sending_contacts)},
              {"receiving_hei_id", spec.receiving_hei_id},
              {"receiving_contacts", contacts_json(spec.receiving_contacts)},
              {"receiving_first_academic_year_id", spec.receiving_first_academic_year_id},
              {"receiving_last_academic_year_id", spec.receiving_last_academic_year_id},
              {"mobilities_per_year", spec.mobilities_per_year},
              {"recommended_language_skills", json::array()},
              {"subject_areas", json::array()},
              {"blended", spec.blended},
              {"eqf_levels", spec.eqf_levels}};
  put(out, "sending_ounit_id", spec.sending_ounit_id);
  put(out, "receiving_ounit_id", spec.receiving_ounit_id);
  if (spec.mobilities_per_year_not_yet_defined) out["mobilities_per_year_not_yet_defined"] = true;
  for (const auto& skill : spec.recommended_language_skills)
    out["recommended_language_skills"].push_back(language_skill_json(skill));
  for (const auto& area : spec.subject_areas) out["subject_areas"].push_back(subject_area_json(area));
  put(out, "other_info_terms", spec.other_info_terms);
  put(out, "total_months_per_year", spec.total_months_per_year);
  put(out, "total_days_per_year", spec.total_days_per_year);
  return out;
}

Result<MobilitySpec> spec_of(const json& in) {
  MobilitySpec spec;
  std::string type = in.value("type", "");
  auto known = mobility_type_from_name(type);
  if (!known) return Status::invalid_argument("unknown mobility type '" + type + "'");
  spec.type = *known;
  take(in, "sending_hei_id", spec.sending_hei_id);
  take(in, "sending_ounit_id", spec.sending_ounit_id);
  spec.sending_contacts = contacts_of(in, "sending_contacts");
  take(in, "receiving_hei_id", spec.receiving_hei_id);
  take(in, "receiving_ounit_id", spec.receiving_ounit_id);
  spec.receiving_contacts = contacts_of(in, "receiving_contacts");
  take(in, "receiving_first_academic_year_id", spec.receiving_first_academic_year_id);
  take(in, "receiving_last_academic_year_id", spec.receiving_last_academic_year_id);
  take(in, "mobilities_per_year", spec.mobilities_per_year);
  take(in, "mobilities_per_year_not_yet_defined", spec.mobilities_per_year_not_yet_defined);
  if (auto found = in.find("recommended_language_skills"); found != in.end()) {
    for (const auto& item : *found) spec.recommended_language_skills.push_back(language_skill_of(item));
  }
  if (auto found = in.find("subject_areas"); found != in.end()) {
    for (const auto& item : *found) spec.subject_areas.push_back(subject_area_of(item));
  }
  take(in, "other_info_terms", spec.other_info_terms);
  take(in, "total_months_per_year", spec.total_months_per_year);
  take(in, "blended", spec.blended);
  take(in, "eqf_levels", spec.eqf_levels);
  take(in, "total_days_per_year", spec.total_days_per_year);
  return spec;
}

json partner_json(const IiaPartner& partner) {
  json out = {{"hei_id", partner.hei_id}, {"contacts", contacts_json(partner.contacts)}};
  put(out, "ounit_id", partner.ounit_id);
  put(out, "iia_id", partner.iia_id);
  put(out, "iia_code", partner.iia_code);
  if (partner.signing_contact) out["signing_contact"] = contact_json(*partner.signing_contact);
  put(out, "signing_date", partner.signing_date);
  return out;
}

IiaPartner partner_of(const json& in) {
  IiaPartner partner;
  take(in, "hei_id", partner.hei_id);
  take(in, "ounit_id", partner.ounit_id);
  take(in, "iia_id", partner.iia_id);
  take(in, "iia_code", partner.iia_code);
  if (auto found = in.find("signing_contact"); found != in.end()) partner.signing_contact = contact_of(*found);
  take(in, "signing_date", partner.signing_date);
  partner.contacts = contacts_of(in, "contacts");
  return partner;
}

}  // namespace

json iia_to_json(const Iia& iia) {
  json out = {{"partners", json::array()},
              {"in_effect", iia.in_effect},
              {"terminated_as_a_whole", iia.terminated_as_a_whole},
              {"mobility_specs", json::array()}};
  for (const auto& partner : iia.partners) out["partners"].push_back(partner_json(partner));
  for (const auto& spec : iia.mobility_specs) out["mobility_specs"].push_back(spec_json(spec));
  put(out, "pdf_file", iia.pdf_file);
  return out;
}

Result<Iia> iia_from_json(const json& in) {
  try {
    if (!in.is_object()) return Status::invalid_argument("a stored IIA must be a JSON object");
    for (const char* list : {"partners", "mobility_specs"}) {
      if (!in.contains(list) || !in[list].is_array())
        return Status::invalid_argument(std::string("stored IIA has no list ") + list);
      for (const auto& item : in[list]) {
        if (!item.is_object()) return Status::invalid_argument(std::string("stored IIA has a non-object in ") + list);
      }
    }
    Iia iia;
    for (const auto& partner : in.at("partners")) iia.partners.push_back(partner_of(partner));
    take(in, "in_effect", iia.in_effect);
    take(in, "terminated_as_a_whole", iia.terminated_as_a_whole);
    for (const auto& item : in.at("mobility_specs")) {
      auto spec = spec_of(item);
      if (!spec) return spec.status();
      iia.mobility_specs.push_back(std::move(*spec));
    }
    take(in, "pdf_file", iia.pdf_file);
    return iia;
  } catch (const json::exception& error) {
    return Status::invalid_argument(std::string("stored IIA does not fit the model: ") + error.what());
  }
}

Result<Iia> iia_from_json_text(std::string_view text) {
  json parsed = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (parsed.is_discarded()) return Status::invalid_argument("stored IIA is not JSON");
  return iia_from_json(parsed);
}

}  // namespace mobility::agreements
