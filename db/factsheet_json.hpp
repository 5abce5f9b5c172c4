// A Factsheet (db/factsheets.hpp) as JSON, the form partner_factsheet caches it in: one object
// per struct, keys named after the fields, absent optionals left out.
#pragma once

#include <nlohmann/json.hpp>

#include "base/status.hpp"
#include "db/factsheets.hpp"

namespace mobility::db {

nlohmann::json factsheet_to_json(const Factsheet& factsheet);

// kInvalidArgument when `json` is not what factsheet_to_json writes.
Result<Factsheet> factsheet_from_json(const nlohmann::json& json);

}  // namespace mobility::db
