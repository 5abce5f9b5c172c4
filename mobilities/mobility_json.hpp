// The stored forms of mobilities and learning-agreement versions: JSON with the EWP element names
// in snake_case, absent optionals as null. Mobilities (db/mobilities.hpp) and every LA version
// (db/learning_agreements.hpp) are stored this way; proposal ids hash this form's canonical text
// (keys sorted, no blanks), so it must stay stable: add fields, never rename them.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "base/status.hpp"
#include "mobilities/learning_agreement.hpp"
#include "mobilities/mobility.hpp"

namespace mobility::mobilities {

nlohmann::json to_json_value(const Mobility& mobility);
nlohmann::json to_json_value(const Nomination& nomination);
nlohmann::json to_json_value(const LaVersion& version);
nlohmann::json to_json_value(const Signature& signature);
// Throws nlohmann::json::exception when `value` is not a signature.
Signature signature_from_json_value(const nlohmann::json& value);

// The value of a stored document, or kInvalidArgument naming what does not fit.
Result<Mobility> mobility_from_json_text(std::string_view text);
Result<LaVersion> la_version_from_json_text(std::string_view text);

// The canonical text of a JSON value: keys sorted, no blanks.
std::string canonical_text(const nlohmann::json& value);

}  // namespace mobility::mobilities
