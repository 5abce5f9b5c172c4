// Contacts repository (table hei_contact): the contacts the Institutions and Organizational Units
// APIs publish, of an HEI as a whole or of one of its units, most important first.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "db/connection.hpp"

namespace mobility::db {

struct ContactRecord {
  std::string hei_id;
  std::optional<std::string> ounit_id;  // nullopt: a contact of the HEI as a whole
  std::string contact_name;
  std::optional<std::string> email;
  std::optional<std::string> phone_e164;
  std::optional<std::string> role_description;  // in English
  bool operator==(const ContactRecord&) const = default;
};

// The contacts of these HEIs as a whole (not those of their units), by hei_id, then sort_order.
Result<std::vector<ContactRecord>> find_hei_contacts(Connection& connection, const std::vector<std::string>& hei_ids);

// The contacts of these units of `hei_id`, by ounit_id, then sort_order.
Result<std::vector<ContactRecord>> find_ounit_contacts(Connection& connection, const std::string& hei_id,
                                                       const std::vector<std::string>& ounit_ids);

}  // namespace mobility::db
