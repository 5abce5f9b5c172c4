// Readers for the EWP shared types a partner's reference data embeds, the mirror of
// shared_types_xml.hpp: names with an optional xml:lang (ewp:StringWithOptionalLang), the street
// address (types-address) and contacts (types-contact, types-phonenumber). They keep what our
// tables hold and skip the rest; they never fail (the schema was checked by the EwpClient).
#pragma once

#include <libxml/tree.h>

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "db/contacts.hpp"
#include "db/institution_details.hpp"

namespace mobility::ewp {

// The xml:lang of `element` itself (not inherited), or "".
std::string xml_language(xmlNodePtr element);

// The text of the first child `name` in `ns_uri`, nullopt when there is none or it is blank.
std::optional<std::string> optional_child_text(xmlNodePtr parent, std::string_view ns_uri, std::string_view name);

// Every child `name` in `ns_uri` as (xml:lang or "", text), in order, blank ones left out.
std::vector<std::pair<std::string, std::string>> read_names(xmlNodePtr parent, std::string_view ns_uri,
                                                            std::string_view name = "name");

// The <a:street-address> child: first address line, postal code, locality and country.
db::StreetAddress read_street_address(xmlNodePtr parent);

// Every <c:contact> child: first contact name, e-mail and E.164 phone, English (or first) role
// description. `hei_id` and `ounit_id` say whose contacts they are.
std::vector<db::ContactRecord> read_contacts(xmlNodePtr parent, const std::string& hei_id,
                                             const std::optional<std::string>& ounit_id);

}  // namespace mobility::ewp
