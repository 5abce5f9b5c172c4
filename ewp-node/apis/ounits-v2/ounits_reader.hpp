// Reads a partner's <ounits-response> of Organizational Units API v2 (2.1.1, the namespace
// ounits_api.hpp writes) into what our tables hold of a unit: id, code, names per language,
// abbreviation, parent, the first website URL and contacts. Other elements are skipped.
// invalid_argument when the body is not XML or not an ounits v2 response.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/status.hpp"
#include "db/ounit_details.hpp"

namespace mobility::ewp {

// Every <ounit> of the answer for the HEI `hei_id` (the one the request named), in order.
Result<std::vector<db::OunitDetails>> read_ounits_response(std::string_view xml, const std::string& hei_id);

}  // namespace mobility::ewp
