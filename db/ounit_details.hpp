// Organizational unit details repository: what the Organizational Units API publishes about the
// units (faculties, departments, offices) of one HEI.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "db/connection.hpp"
#include "db/contacts.hpp"

namespace mobility::db {

struct OunitDetails {
  std::string ounit_id;
  std::string ounit_code;
  std::vector<std::pair<std::string, std::string>> names;  // (language tag or "", name)
  std::optional<std::string> abbreviation;
  std::optional<std::string> parent_ounit_id;
  std::optional<std::string> website_url;
  std::vector<ContactRecord> contacts;
  bool operator==(const OunitDetails&) const = default;
};

// The units of `hei_id` whose ounit_id is among `ounit_ids` or whose ounit_code is among
// `ounit_codes` (unknown values are left out), by ounit_id, each once: a fixed number of queries
// whatever the number of values.
Result<std::vector<OunitDetails>> find_ounit_details(Connection& connection, const std::string& hei_id,
                                                     const std::vector<std::string>& ounit_ids,
                                                     const std::vector<std::string>& ounit_codes);

}  // namespace mobility::db
