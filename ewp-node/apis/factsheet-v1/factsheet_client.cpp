#include "ewp-node/apis/factsheet-v1/factsheet_client.hpp"

#include <charconv>

#include "ewp-node/xml/dom.hpp"
#include "ewp-node/xml/namespaces.hpp"
#include "ewp-node/xml/shared_types_reader.hpp"

namespace mobility::ewp {
namespace {

constexpr const char* kNs = ns::kFactsheetResponse;

std::string text_of(xmlNodePtr parent, const char* name) { return element_text(first_child_element(parent, kNs, name)); }

std::vector<db::WebsiteUrl> read_websites(xmlNodePtr parent, const char* name) {
  std::vector<db::WebsiteUrl> websites;
  for (const auto& [language, url] : read_names(parent, kNs, name)) websites.push_back({url, language});
  return websites;
}

db::PhoneNumber read_phone(xmlNodePtr parent) {
  xmlNodePtr phone = first_child_element(parent, ns::kPhoneNumber, "phone-number");
  return {optional_child_text(phone, ns::kPhoneNumber, "e164"), optional_child_text(phone, ns::kPhoneNumber, "ext"),
          optional_child_text(phone, ns::kPhoneNumber, "other-format")};
}

db::InformationEntry read_information(xmlNodePtr parent, const char* name) {
  xmlNodePtr entry = first_child_element(parent, kNs, name);
  return {text_of(entry, "email"), read_phone(entry), read_websites(entry, "website-url")};
}

// xs:gMonthDay is "--MM-DD"; we keep "MM-DD".
std::string month_day(xmlNodePtr calendar_entry, const char* term) {
  std::string text = text_of(calendar_entry, term);
  return text.starts_with("--") ? text.substr(2) : text;
}

db::CalendarEntry read_calendar_entry(xmlNodePtr factsheet, const char* name) {
  xmlNodePtr entry = first_child_element(first_child_element(factsheet, kNs, "calendar"), kNs, name);
  return {month_day(entry, "autumn-term"), month_day(entry, "spring-term")};
}

Result<int> weeks(xmlNodePtr factsheet, const char* name) {
  std::string text = text_of(factsheet, name);
  int value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) {
    return Status::invalid_argument("the factsheet's " + std::string(name) + " is not a number: " + text);
  }
  return value;
}

void read_lists(xmlNodePtr element, db::Factsheet& facts) {
  for (xmlNodePtr requirement : child_elements(element, kNs, "additional-requirement")) {
    facts.additional_requirements.push_back(
        {text_of(requirement, "name"), text_of(requirement, "details"), read_websites(requirement, "information-website")});
  }
  for (xmlNodePtr accessibility : child_elements(element, kNs, "accessibility")) {
    facts.accessibility.push_back({text_of(accessibility, "type"), text_of(accessibility, "name"),
                                   optional_child_text(accessibility, kNs, "description"),
                                   read_information(accessibility, "information")});
  }
  for (xmlNodePtr additional : child_elements(element, kNs, "additional-info")) {
    facts.additional_info.push_back({text_of(additional, "type"), read_information(additional, "info")});
  }
}

Result<db::Factsheet> read_factsheet(xmlNodePtr element) {
  db::Factsheet facts;
  facts.hei_id = text_of(element, "hei-id");
  facts.student_nominations = read_calendar_entry(element, "student-nominations");
  facts.student_applications = read_calendar_entry(element, "student-applications");
  facts.application_info = read_information(element, "application-info");
  auto decision = weeks(element, "decision-weeks-limit");
  if (!decision) return decision.status();
  auto tor = weeks(element, "tor-weeks-limit");
  if (!tor) return tor.status();
  facts.decision_weeks_limit = *decision;
  facts.tor_weeks_limit = *tor;
  facts.housing_info = read_information(element, "housing-info");
  facts.visa_info = read_information(element, "visa-info");
  facts.insurance_info = read_information(element, "insurance-info");
  read_lists(element, facts);
  return facts;
}

}  // namespace

Result<std::vector<db::Factsheet>> read_factsheet_response(std::string_view xml) {
  auto doc = parse_answer(xml, kNs, "factsheet-response", "Factsheet v1");
  if (!doc) return doc.status();
  std::vector<db::Factsheet> factsheets;
  for (xmlNodePtr element : child_elements(xmlDocGetRootElement(doc->get()), kNs, "factsheet")) {
    auto facts = read_factsheet(element);
    if (!facts) return facts.status();
    factsheets.push_back(std::move(*facts));
  }
  return factsheets;
}

Result<Answered<std::vector<db::Factsheet>>> get_factsheets(EwpClient& client, const std::string& hei_id) {
  return call_and_read<std::vector<db::Factsheet>>(
      client, {hei_id, ns::kFactsheetEntry, "factsheet", "url", "GET", {{"hei_id", hei_id}}}, read_factsheet_response);
}

}  // namespace mobility::ewp
