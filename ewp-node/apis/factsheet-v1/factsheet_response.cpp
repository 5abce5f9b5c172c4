#include "ewp-node/apis/factsheet-v1/factsheet_response.hpp"

#include "ewp-node/xml/namespaces.hpp"
#include "ewp-node/xml/xml_writer.hpp"

namespace mobility::ewp {
namespace {

const char* const kNs = ns::kFactsheetResponse;

void add_website(XmlElement& parent, const char* name, const db::WebsiteUrl& website) {
  XmlElement element = parent.add_text(kNs, name, website.url);
  if (!website.language.empty()) element.set_language(website.language);
}

void add_phone(XmlElement& parent, const db::PhoneNumber& phone) {
  XmlElement element = parent.add(ns::kPhoneNumber, "phone-number");
  if (phone.e164) element.add_text(ns::kPhoneNumber, "e164", *phone.e164);
  if (phone.ext) element.add_text(ns::kPhoneNumber, "ext", *phone.ext);
  if (phone.other_format) element.add_text(ns::kPhoneNumber, "other-format", *phone.other_format);
}

void add_information(XmlElement& parent, const char* name, const db::InformationEntry& entry) {
  XmlElement element = parent.add(kNs, name);
  element.add_text(kNs, "email", entry.email);
  add_phone(element, entry.phone);
  for (const auto& website : entry.website_urls) add_website(element, "website-url", website);
}

// xs:gMonthDay is "--MM-DD"; we store "MM-DD".
void add_calendar_entry(XmlElement& calendar, const char* name, const db::CalendarEntry& entry) {
  XmlElement element = calendar.add(kNs, name);
  element.add_text(kNs, "autumn-term", "--" + entry.autumn_term);
  element.add_text(kNs, "spring-term", "--" + entry.spring_term);
}

void add_requirement(XmlElement& factsheet, const db::AdditionalRequirement& requirement) {
  XmlElement element = factsheet.add(kNs, "additional-requirement");
  element.add_text(kNs, "name", requirement.name);
  element.add_text(kNs, "details", requirement.details);
  for (const auto& website : requirement.information_websites) add_website(element, "information-website", website);
}

void add_accessibility(XmlElement& factsheet, const db::Accessibility& accessibility) {
  XmlElement element = factsheet.add(kNs, "accessibility");
  element.add_text(kNs, "type", accessibility.type);
  element.add_text(kNs, "name", accessibility.name);
  if (accessibility.description) element.add_text(kNs, "description", *accessibility.description);
  add_information(element, "information", accessibility.information);
}

void add_factsheet(XmlElement& root, const db::Factsheet& facts) {
  XmlElement factsheet = root.add(kNs, "factsheet");
  factsheet.add_text(kNs, "hei-id", facts.hei_id);
  XmlElement calendar = factsheet.add(kNs, "calendar");
  add_calendar_entry(calendar, "student-nominations", facts.student_nominations);
  add_calendar_entry(calendar, "student-applications", facts.student_applications);
  add_information(factsheet, "application-info", facts.application_info);
  for (const auto& requirement : facts.additional_requirements) add_requirement(factsheet, requirement);
  factsheet.add_text(kNs, "decision-weeks-limit", std::to_string(facts.decision_weeks_limit));
  factsheet.add_text(kNs, "tor-weeks-limit", std::to_string(facts.tor_weeks_limit));
  for (const auto& accessibility : facts.accessibility) add_accessibility(factsheet, accessibility);
  add_information(factsheet, "housing-info", facts.housing_info);
  add_information(factsheet, "visa-info", facts.visa_info);
  add_information(factsheet, "insurance-info", facts.insurance_info);
  for (const auto& additional : facts.additional_info) {
    XmlElement element = factsheet.add(kNs, "additional-info");
    element.add_text(kNs, "type", additional.type);
    add_information(element, "info", additional.info);
  }
}

}  // namespace

std::string factsheet_response_xml(const std::vector<db::Factsheet>& factsheets) {
  XmlDocument doc(kNs, "factsheet-response");
  doc.declare(ns::kPhoneNumber, "p");
  XmlElement root = doc.root();
  for (const auto& facts : factsheets) add_factsheet(root, facts);
  return doc.serialize();
}

}  // namespace mobility::ewp
