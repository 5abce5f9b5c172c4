// The <factsheet-response> document of the EWP Mobility Factsheet API v1 (response.xsd of
// ewp-specs-api-factsheet stable-v1): one <factsheet> per stored factsheet, in the given order.
#pragma once

#include <string>
#include <vector>

#include "db/factsheets.hpp"

namespace mobility::ewp {

std::string factsheet_response_xml(const std::vector<db::Factsheet>& factsheets);

}  // namespace mobility::ewp
