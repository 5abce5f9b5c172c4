// Writers for the EWP shared types that the reference-data responses (Institutions,
// Organizational Units) embed: names with an optional xml:lang (ewp:StringWithOptionalLang),
// street addresses (types-address) and contacts (types-contact, types-phonenumber).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "db/contacts.hpp"
#include "db/institution_details.hpp"
#include "ewp-node/xml/xml_writer.hpp"

namespace mobility::ewp {

// <name>text</name> in `ns_uri` when there is a text; nothing otherwise.
void add_optional_text(XmlElement& parent, std::string_view ns_uri, std::string_view name,
                       const std::optional<std::string>& text);

// Declares the address, contact and phone-number namespaces (prefixes a, c, p) on `doc`.
void declare_shared_types(XmlDocument& doc);

// One <name> (in `ns_uri`) per (language, name), xml:lang only where the language is known; the
// schemas require at least one, so `fallback` (an id or code, without language) when there is none.
void add_names(XmlElement& parent, std::string_view ns_uri, const std::vector<std::pair<std::string, std::string>>& names,
               std::string_view fallback);

// <a:street-address> with what is known of it; nothing when nothing is.
void add_street_address(XmlElement& parent, const db::StreetAddress& address);

// <c:contact>: name, phone, e-mail and role description (English).
void add_contact(XmlElement& parent, const db::ContactRecord& contact);

}  // namespace mobility::ewp
