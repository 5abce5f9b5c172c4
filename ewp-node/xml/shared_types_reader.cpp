#include "ewp-node/xml/shared_types_reader.hpp"

#include "ewp-node/xml/dom.hpp"
#include "ewp-node/xml/namespaces.hpp"

namespace mobility::ewp {
namespace {

std::optional<std::string> english_or_first(const std::vector<std::pair<std::string, std::string>>& texts) {
  for (const auto& [language, text] : texts) {
    if (language == "en") return text;
  }
  if (texts.empty()) return std::nullopt;
  return texts.front().second;
}

std::optional<std::string> first_phone_e164(xmlNodePtr contact) {
  for (xmlNodePtr phone : child_elements(contact, ns::kPhoneNumber, "phone-number")) {
    if (auto e164 = optional_child_text(phone, ns::kPhoneNumber, "e164")) return e164;
  }
  return std::nullopt;
}

}  // namespace

std::string xml_language(xmlNodePtr element) {
  xmlChar* value = xmlGetNsProp(element, reinterpret_cast<const xmlChar*>("lang"), reinterpret_cast<const xmlChar*>(ns::kXml));
  std::string language = value ? reinterpret_cast<const char*>(value) : "";
  xmlFree(value);
  return language;
}

std::optional<std::string> optional_child_text(xmlNodePtr parent, std::string_view ns_uri, std::string_view name) {
  std::string text = element_text(first_child_element(parent, ns_uri, name));
  if (text.empty()) return std::nullopt;
  return text;
}

std::vector<std::pair<std::string, std::string>> read_names(xmlNodePtr parent, std::string_view ns_uri, std::string_view name) {
  std::vector<std::pair<std::string, std::string>> names;
  for (xmlNodePtr element : child_elements(parent, ns_uri, name)) {
    std::string text = element_text(element);
    if (!text.empty()) names.emplace_back(xml_language(element), std::move(text));
  }
  return names;
}

db::StreetAddress read_street_address(xmlNodePtr parent) {
  xmlNodePtr address = first_child_element(parent, ns::kAddress, "street-address");
  return {optional_child_text(address, ns::kAddress, "addressLine"), optional_child_text(address, ns::kAddress, "postalCode"),
          optional_child_text(address, ns::kAddress, "locality"), optional_child_text(address, ns::kAddress, "country")};
}

std::vector<db::ContactRecord> read_contacts(xmlNodePtr parent, const std::string& hei_id,
                                             const std::optional<std::string>& ounit_id) {
  std::vector<db::ContactRecord> contacts;
  for (xmlNodePtr contact : child_elements(parent, ns::kContact, "contact")) {
    auto names = read_names(contact, ns::kContact, "contact-name");
    if (names.empty()) continue;  // the schema requires one; a blank one names nobody
    contacts.push_back({hei_id, ounit_id, names.front().second, optional_child_text(contact, ns::kContact, "email"),
                        first_phone_e164(contact), english_or_first(read_names(contact, ns::kContact, "role-description"))});
  }
  return contacts;
}

}  // namespace mobility::ewp
