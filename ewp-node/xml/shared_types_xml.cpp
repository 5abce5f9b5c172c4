#include "ewp-node/xml/shared_types_xml.hpp"

#include "ewp-node/xml/namespaces.hpp"

namespace mobility::ewp {
void add_optional_text(XmlElement& parent, std::string_view ns_uri, std::string_view name,
                       const std::optional<std::string>& text) {
  if (text) parent.add_text(ns_uri, name, *text);
}

void declare_shared_types(XmlDocument& doc) {
  doc.declare(ns::kAddress, "a");
  doc.declare(ns::kContact, "c");
  doc.declare(ns::kPhoneNumber, "p");
}

void add_names(XmlElement& parent, std::string_view ns_uri, const std::vector<std::pair<std::string, std::string>>& names,
               std::string_view fallback) {
  if (names.empty()) parent.add_text(ns_uri, "name", fallback);
  for (const auto& [language, name] : names) {
    XmlElement element = parent.add_text(ns_uri, "name", name);
    if (!language.empty()) element.set_language(language);
  }
}

void add_street_address(XmlElement& parent, const db::StreetAddress& address) {
  if (!address.street_line && !address.postal_code && !address.locality && !address.country_code) return;
  XmlElement element = parent.add(ns::kAddress, "street-address");
  add_optional_text(element, ns::kAddress, "addressLine", address.street_line);
  add_optional_text(element, ns::kAddress, "postalCode", address.postal_code);
  add_optional_text(element, ns::kAddress, "locality", address.locality);
  add_optional_text(element, ns::kAddress, "country", address.country_code);
}

void add_contact(XmlElement& parent, const db::ContactRecord& contact) {
  XmlElement element = parent.add(ns::kContact, "contact");
  element.add_text(ns::kContact, "contact-name", contact.contact_name);
  if (contact.phone_e164) element.add(ns::kPhoneNumber, "phone-number").add_text(ns::kPhoneNumber, "e164", *contact.phone_e164);
  add_optional_text(element, ns::kContact, "email", contact.email);
  if (contact.role_description) element.add_text(ns::kContact, "role-description", *contact.role_description).set_language("en");
}

}  // namespace mobility::ewp
