// Mobility Factsheet v1 as we call it. read_factsheet_response reads a partner's <factsheet-response> of the Mobility Factsheet
// API v1 (1.2.0, the namespace factsheet_response.hpp writes) into the same facts we serve (db::Factsheet): the calendar
// ("MM-DD", without xs:gMonthDay's leading "--"), information entries, requirements,
// accessibility and additional information. invalid_argument when the body is not XML, not a
// factsheet v1 response, or a week limit is not a number.
#pragma once

#include <string_view>
#include <vector>

#include "base/status.hpp"
#include "db/factsheets.hpp"
#include "ewp-node/client/answered.hpp"

namespace mobility::ewp {

// Every <factsheet> of the answer, in document order.
Result<std::vector<db::Factsheet>> read_factsheet_response(std::string_view xml);

// `hei_id`'s Factsheet API asked about `hei_id` itself; the answer read as above.
Result<Answered<std::vector<db::Factsheet>>> get_factsheets(EwpClient& client, const std::string& hei_id);

}  // namespace mobility::ewp
