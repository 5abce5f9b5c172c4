#include "ewp-node/apis/iias-v7/iia_xml.hpp"

#include <string_view>

#include "ewp-node/apis/iias-v7/iia_hash.hpp"
#include "ewp-node/xml/dom.hpp"
#include "ewp-node/xml/namespaces.hpp"
#include "ewp-node/xml/shared_types_xml.hpp"

namespace mobility::ewp {
namespace {

using agreements::Contact;
using agreements::Iia;
using agreements::IiaPartner;
using agreements::LanguageSkill;
using agreements::MobilitySpec;
using agreements::SubjectArea;

constexpr const char* kIia = ns::kIiasGetResponse;

// ---- writing ----

// The children of a c:Contact element, in the schema's order.
void write_contact(XmlElement contact, const Contact& person) {
  contact.add_text(ns::kContact, "contact-name", person.name);
  add_optional_text(contact, ns::kContact, "person-given-names", person.given_names);
  add_optional_text(contact, ns::kContact, "person-family-name", person.family_name);
  if (person.phone_e164) contact.add(ns::kPhoneNumber, "phone-number").add_text(ns::kPhoneNumber, "e164", *person.phone_e164);
  add_optional_text(contact, ns::kContact, "email", person.email);
  add_optional_text(contact, ns::kContact, "role-description", person.role_description);
}

void write_partner(XmlElement& iia_element, const IiaPartner& partner) {
  XmlElement element = iia_element.add(kIia, "partner");
  element.add_text(kIia, "hei-id", partner.hei_id);
  add_optional_text(element, kIia, "ounit-id", partner.ounit_id);
  add_optional_text(element, kIia, "iia-id", partner.iia_id);
  add_optional_text(element, kIia, "iia-code", partner.iia_code);
  if (partner.signing_contact) write_contact(element.add(kIia, "signing-contact"), *partner.signing_contact);
  add_optional_text(element, kIia, "signing-date", partner.signing_date);
  for (const Contact& contact : partner.contacts) write_contact(element.add(ns::kContact, "contact"), contact);
}

void write_subject_area(XmlElement area_element, const SubjectArea& area) {
  XmlElement code = area_element.add_text(kIia, "isced-f-code", area.isced_f_code);
  if (area.v6_value) code.set_attribute("v6-value", *area.v6_value);
  add_optional_text(area_element, kIia, "isced-clarification", area.isced_clarification);
}

void write_language_skill(XmlElement& spec_element, const LanguageSkill& skill) {
  XmlElement element = spec_element.add(kIia, "recommended-language-skill");
  if (skill.not_yet_defined) element.set_attribute("not-yet-defined", "true");
  element.add_text(kIia, "language", skill.language);
  add_optional_text(element, kIia, "cefr-level", skill.cefr_level);
  if (skill.subject_area) write_subject_area(element.add(kIia, "subject-area"), *skill.subject_area);
}

std::string spec_element_name(agreements::MobilityType type) {
  return std::string(agreements::mobility_type_name(type)) + "-mobility-spec";
}

void write_spec(XmlElement& conditions, const MobilitySpec& spec) {
  XmlElement element = conditions.add(kIia, spec_element_name(spec.type));
  element.add_text(kIia, "sending-hei-id", spec.sending_hei_id);
  add_optional_text(element, kIia, "sending-ounit-id", spec.sending_ounit_id);
  for (const Contact& contact : spec.sending_contacts) write_contact(element.add(kIia, "sending-contact"), contact);
  element.add_text(kIia, "receiving-hei-id", spec.receiving_hei_id);
  add_optional_text(element, kIia, "receiving-ounit-id", spec.receiving_ounit_id);
  for (const Contact& contact : spec.receiving_contacts) write_contact(element.add(kIia, "receiving-contact"), contact);
  element.add_text(kIia, "receiving-first-academic-year-id", spec.receiving_first_academic_year_id);
  element.add_text(kIia, "receiving-last-academic-year-id", spec.receiving_last_academic_year_id);
  XmlElement per_year = element.add_text(kIia, "mobilities-per-year", std::to_string(spec.mobilities_per_year));
  if (spec.mobilities_per_year_not_yet_defined) per_year.set_attribute("not-yet-defined", "true");
  for (const LanguageSkill& skill : spec.recommended_language_skills) write_language_skill(element, skill);
  for (const SubjectArea& area : spec.subject_areas) write_subject_area(element.add(kIia, "subject-area"), area);
  add_optional_text(element, kIia, "other-info-terms", spec.other_info_terms);
  if (agreements::is_student_mobility(spec.type)) {
    add_optional_text(element, kIia, "total-months-per-year", spec.total_months_per_year);
    element.add_text(kIia, "blended", spec.blended ? "true" : "false");
    for (int level : spec.eqf_levels) element.add_text(kIia, "eqf-level", std::to_string(level));
  } else {
    add_optional_text(element, kIia, "total-days-per-year", spec.total_days_per_year);
  }
}

XmlDocument new_get_response() {
  XmlDocument doc(kIia, "iias-get-response");
  doc.declare(ns::kContact, "c");
  doc.declare(ns::kPhoneNumber, "p");
  return doc;
}

// ---- reading ----

std::optional<std::string> optional_text(xmlNodePtr parent, const char* ns_uri, const char* name) {
  xmlNodePtr child = first_child_element(parent, ns_uri, name);
  if (child == nullptr) return std::nullopt;
  return element_text(child);
}

std::string required_text(xmlNodePtr parent, const char* ns_uri, const char* name) {
  return optional_text(parent, ns_uri, name).value_or("");
}

// The raw text of a leaf, untrimmed: the hash reads it so, and so must our copy of it.
std::string raw_text(xmlNodePtr node) {
  xmlChar* content = xmlNodeGetContent(node);
  std::string text = content ? reinterpret_cast<const char*>(content) : "";
  xmlFree(content);
  return text;
}

std::optional<std::string> optional_raw(xmlNodePtr parent, const char* name) {
  xmlNodePtr child = first_child_element(parent, kIia, name);
  if (child == nullptr) return std::nullopt;
  return raw_text(child);
}

bool is_true(const std::string& value) { return value == "true" || value == "1"; }

Contact read_contact(xmlNodePtr element) {
  Contact contact;
  contact.name = required_text(element, ns::kContact, "contact-name");
  contact.given_names = optional_text(element, ns::kContact, "person-given-names");
  contact.family_name = optional_text(element, ns::kContact, "person-family-name");
  if (xmlNodePtr phone = first_child_element(element, ns::kPhoneNumber, "phone-number")) {
    contact.phone_e164 = optional_text(phone, ns::kPhoneNumber, "e164");
  }
  contact.email = optional_text(element, ns::kContact, "email");
  contact.role_description = optional_text(element, ns::kContact, "role-description");
  return contact;
}

std::vector<Contact> read_contacts(xmlNodePtr parent, const char* ns_uri, const char* name) {
  std::vector<Contact> contacts;
  for (xmlNodePtr element : child_elements(parent, ns_uri, name)) contacts.push_back(read_contact(element));
  return contacts;
}

IiaPartner read_partner(xmlNodePtr element) {
  IiaPartner partner;
  partner.hei_id = required_text(element, kIia, "hei-id");
  partner.ounit_id = optional_text(element, kIia, "ounit-id");
  partner.iia_id = optional_text(element, kIia, "iia-id");
  partner.iia_code = optional_text(element, kIia, "iia-code");
  if (xmlNodePtr signing = first_child_element(element, kIia, "signing-contact")) partner.signing_contact = read_contact(signing);
  partner.signing_date = optional_text(element, kIia, "signing-date");
  partner.contacts = read_contacts(element, ns::kContact, "contact");
  return partner;
}

SubjectArea read_subject_area(xmlNodePtr element) {
  SubjectArea area;
  xmlNodePtr code = first_child_element(element, kIia, "isced-f-code");
  area.isced_f_code = code ? raw_text(code) : "";
  if (code != nullptr && xmlHasProp(code, reinterpret_cast<const xmlChar*>("v6-value"))) {
    area.v6_value = attribute_value(code, "v6-value");
  }
  area.isced_clarification = optional_raw(element, "isced-clarification");
  return area;
}

LanguageSkill read_language_skill(xmlNodePtr element) {
  LanguageSkill skill;
  skill.not_yet_defined = is_true(attribute_value(element, "not-yet-defined"));
  skill.language = optional_raw(element, "language").value_or("");
  skill.cefr_level = optional_raw(element, "cefr-level");
  if (xmlNodePtr area = first_child_element(element, kIia, "subject-area")) skill.subject_area = read_subject_area(area);
  return skill;
}

Result<MobilitySpec> read_spec(xmlNodePtr element, agreements::MobilityType type) {
  MobilitySpec spec;
  spec.type = type;
  spec.sending_hei_id = required_text(element, kIia, "sending-hei-id");
  spec.sending_ounit_id = optional_text(element, kIia, "sending-ounit-id");
  spec.sending_contacts = read_contacts(element, kIia, "sending-contact");
  spec.receiving_hei_id = required_text(element, kIia, "receiving-hei-id");
  spec.receiving_ounit_id = optional_text(element, kIia, "receiving-ounit-id");
  spec.receiving_contacts = read_contacts(element, kIia, "receiving-contact");
  spec.receiving_first_academic_year_id = optional_raw(element, "receiving-first-academic-year-id").value_or("");
  spec.receiving_last_academic_year_id = optional_raw(element, "receiving-last-academic-year-id").value_or("");
  xmlNodePtr per_year = first_child_element(element, kIia, "mobilities-per-year");
  try {
    spec.mobilities_per_year = per_year ? std::stoi(element_text(per_year)) : 0;
  } catch (const std::exception&) {
    return Status::invalid_argument("mobilities-per-year is not a number");
  }
  spec.mobilities_per_year_not_yet_defined = per_year && is_true(attribute_value(per_year, "not-yet-defined"));
  for (xmlNodePtr skill : child_elements(element, kIia, "recommended-language-skill")) {
    spec.recommended_language_skills.push_back(read_language_skill(skill));
  }
  for (xmlNodePtr area : child_elements(element, kIia, "subject-area")) spec.subject_areas.push_back(read_subject_area(area));
  spec.other_info_terms = optional_raw(element, "other-info-terms");
  spec.total_months_per_year = optional_raw(element, "total-months-per-year");
  spec.blended = is_true(required_text(element, kIia, "blended"));
  for (xmlNodePtr level : child_elements(element, kIia, "eqf-level")) {
    try {
      spec.eqf_levels.push_back(std::stoi(element_text(level)));
    } catch (const std::exception&) {
      return Status::invalid_argument("eqf-level is not a number");
    }
  }
  spec.total_days_per_year = optional_raw(element, "total-days-per-year");
  return spec;
}

}  // namespace

std::string write_iia(XmlElement& parent, const Iia& iia) {
  XmlElement element = parent.add(kIia, "iia");
  for (const IiaPartner& partner : iia.partners) write_partner(element, partner);
  element.add_text(kIia, "in-effect", iia.in_effect ? "true" : "false");
  XmlElement conditions = element.add(kIia, "cooperation-conditions");
  if (iia.terminated_as_a_whole) conditions.set_attribute("terminated-as-a-whole", "true");
  for (const MobilitySpec& spec : iia.mobility_specs) write_spec(conditions, spec);
  std::string hash = iia_hash(element.native());
  element.add_text(kIia, "iia-hash", hash);
  add_optional_text(element, kIia, "pdf-file", iia.pdf_file);
  return hash;
}

std::string iias_get_response_xml(const std::vector<Iia>& iias) {
  XmlDocument doc = new_get_response();
  XmlElement root = doc.root();
  for (const Iia& iia : iias) write_iia(root, iia);
  return doc.serialize();
}

std::string served_iia_hash(const Iia& iia) {
  XmlDocument doc = new_get_response();
  XmlElement root = doc.root();
  return write_iia(root, iia);
}

Result<Iia> read_iia(xmlNodePtr element) {
  if (!is_element(element, kIia, "iia")) return Status::invalid_argument("not an IIAs v7 <iia> element");
  Iia iia;
  for (xmlNodePtr partner : child_elements(element, kIia, "partner")) iia.partners.push_back(read_partner(partner));
  if (iia.partners.size() != 2) return Status::invalid_argument("an <iia> has exactly two <partner> elements");
  iia.in_effect = is_true(required_text(element, kIia, "in-effect"));
  xmlNodePtr conditions = first_child_element(element, kIia, "cooperation-conditions");
  iia.terminated_as_a_whole = conditions && is_true(attribute_value(conditions, "terminated-as-a-whole"));
  for (xmlNodePtr child = conditions ? conditions->children : nullptr; child != nullptr; child = child->next) {
    if (child->type != XML_ELEMENT_NODE || child->ns == nullptr ||
        std::string_view(reinterpret_cast<const char*>(child->ns->href)) != kIia)
      continue;
    std::string_view name = reinterpret_cast<const char*>(child->name);
    if (!name.ends_with("-mobility-spec")) continue;
    auto type = agreements::mobility_type_from_name(name.substr(0, name.size() - std::string_view("-mobility-spec").size()));
    if (!type) continue;
    auto spec = read_spec(child, *type);
    if (!spec) return spec.status();
    iia.mobility_specs.push_back(std::move(*spec));
  }
  iia.pdf_file = optional_text(element, kIia, "pdf-file");
  return iia;
}

}  // namespace mobility::ewp
