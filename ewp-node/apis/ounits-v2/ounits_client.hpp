// Organizational Units v2 as we call it. read_ounits_response reads a partner's <ounits-response> of Organizational Units API v2
// (2.1.1, the namespace ounits_api.hpp writes) into what our tables hold of a unit: id, code, names per language, abbreviation,
// parent, the first website URL and contacts. Other elements are skipped. invalid_argument when the body is not XML or not an
// ounits v2 response.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/status.hpp"
#include "db/ounit_details.hpp"
#include "ewp-node/client/answered.hpp"

namespace mobility::ewp {

// Every <ounit> of the answer for the HEI `hei_id` (the one the request named), in order.
Result<std::vector<db::OunitDetails>> read_ounits_response(std::string_view xml, const std::string& hei_id);

// The units `ounit_ids` of `hei_id` from its Organizational Units API, asked in batches of the
// max-ounit-ids its registry entry gives (1 when it gives none), read as above and joined in
// order. The first batch answered with a non-2xx ends the call with that status.
Result<Answered<std::vector<db::OunitDetails>>> get_ounits(EwpClient& client, const std::string& hei_id,
                                                           const std::vector<std::string>& ounit_ids);

}  // namespace mobility::ewp
