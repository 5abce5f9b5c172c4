// Institution details repository: what the Institutions API publishes about the HEIs this node
// knows. Hosted HEIs come with their organizational units; partner HEIs with what we hold about
// them (at least their names, as the API recommends for every HEI a node refers to).
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "db/connection.hpp"
#include "db/contacts.hpp"

namespace mobility::db {

struct StreetAddress {
  std::optional<std::string> street_line;  // "Fjordgaten 1"
  std::optional<std::string> postal_code;
  std::optional<std::string> locality;      // the city
  std::optional<std::string> country_code;  // ISO 3166-1 alpha-2
  bool operator==(const StreetAddress&) const = default;
};

struct InstitutionDetails {
  std::string hei_id;
  bool hosted = false;
  std::vector<std::pair<std::string, std::string>> names;  // (language tag or "", name)
  std::optional<std::string> abbreviation;
  StreetAddress street_address;
  std::optional<std::string> website_url;
  std::optional<std::string> logo_url;
  std::optional<std::string> mobility_factsheet_url;
  std::vector<ContactRecord> contacts;
  // Units of hosted HEIs only (the Organizational Units API serves no others), by ounit_id.
  std::vector<std::string> ounit_ids;
  // The one unit without a parent, when the units form a single tree.
  std::optional<std::string> root_ounit_id;
  bool operator==(const InstitutionDetails&) const = default;
};

// The known HEIs among `hei_ids` (others are left out), by hei_id, each once: a fixed number of
// queries whatever the number of ids.
Result<std::vector<InstitutionDetails>> find_institution_details(Connection& connection, const std::vector<std::string>& hei_ids);

}  // namespace mobility::db
