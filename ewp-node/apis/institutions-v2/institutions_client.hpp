// Institutions v2 as we call it. read_institutions_response reads a partner's <institutions-response> of Institutions API v2
// (2.2.0, the namespace institutions_api.hpp writes) into what our tables hold of an HEI: names per language, abbreviation,
// street address, the first website, logo and factsheet URLs, contacts, and the organizational units it lists (ounit-id,
// root-ounit-id). Other elements are skipped. invalid_argument when the body is not XML or not an institutions v2 response.
#pragma once

#include <string_view>
#include <vector>

#include "base/status.hpp"
#include "db/institution_details.hpp"
#include "ewp-node/client/answered.hpp"

namespace mobility::ewp {

// Every <hei> of the answer, in document order; `hosted` is false in each.
Result<std::vector<db::InstitutionDetails>> read_institutions_response(std::string_view xml);

// `hei_id`'s Institutions API asked about `hei_id` itself; the answer read as above.
Result<Answered<std::vector<db::InstitutionDetails>>> get_institutions(EwpClient& client, const std::string& hei_id);

}  // namespace mobility::ewp
