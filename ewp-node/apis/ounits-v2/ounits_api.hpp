// Organizational Units API v2 (2.1.1): the faculties, departments and offices of one hosted HEI.
// GET (query) or POST (form) with exactly one `hei_id` and either 1..kMaxOunitIds `ounit_id` or
// 1..kMaxOunitCodes `ounit_code` values. 400 for: no or a repeated hei_id, an HEI this node does
// not host, both ids and codes, neither, or too many. Unknown ids and codes are left out (200
// with fewer or no <ounit>).
#pragma once

#include <vector>

#include "db/ounit_details.hpp"
#include "db/pool.hpp"
#include "ewp-node/apis/api_descriptor.hpp"

namespace mobility::ewp {

inline constexpr int kMaxOunitIds = 100;
inline constexpr int kMaxOunitCodes = 100;

// The handler reads the database through `pool`, which must outlive the descriptor's endpoints.
ApiDescriptor ounits_v2_descriptor(db::Pool& pool);

// The <ounits-response> document of organizational units v2.
std::string ounits_response_xml(const std::vector<db::OunitDetails>& units);

}  // namespace mobility::ewp
