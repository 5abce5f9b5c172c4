// The stored form of an IIA's content: JSON with the EWP element names in snake_case
// ("receiving_first_academic_year_id"), absent optionals left out. Every version of an agreement
// is stored this way (db/iias.hpp), and versions are compared on it (iia_diff.hpp).
#pragma once

#include <nlohmann/json.hpp>

#include "agreements/iia.hpp"
#include "base/status.hpp"

namespace mobility::agreements {

nlohmann::json iia_to_json(const Iia& iia);

// The IIA of a stored document, or invalid_argument naming the first field that does not fit.
Result<Iia> iia_from_json(const nlohmann::json& json);
Result<Iia> iia_from_json_text(std::string_view text);

}  // namespace mobility::agreements
