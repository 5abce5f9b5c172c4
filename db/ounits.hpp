// Organizational units of a hosted HEI as staff pages need them: each unit with its parent and
// a display name, so that pages can offer units to choose from and find the units above one
// (a unit-scoped coordinator reaches a record of their unit or of any unit below it).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "db/connection.hpp"

namespace mobility::db {

struct OunitRecord {
  std::string ounit_id;
  std::optional<std::string> parent_ounit_id;
  std::string name;  // in `language`, else English, else any, else the ounit_id
};

// Every unit of `hei_id`, by name.
Result<std::vector<OunitRecord>> list_ounits(Connection& connection, const std::string& hei_id, const std::string& language);

}  // namespace mobility::db
