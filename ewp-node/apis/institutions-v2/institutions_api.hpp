// Institutions API v2 (2.2.0): what partners need to know about an HEI. GET (query) or POST
// (form) with 1..kMaxHeiIds `hei_id` values; more, or none, get 400. Unknown ids are left out
// (200 with fewer or no <hei>). Hosted HEIs are answered with their names, abbreviation,
// address, links, contacts and organizational units (naming the root unit when they form one
// tree); every other HEI this node knows (partners) with what it holds, at least the names, as
// the specification recommends for HEIs a node refers to.
#pragma once

#include <vector>

#include "db/institution_details.hpp"
#include "db/pool.hpp"
#include "ewp-node/apis/api_descriptor.hpp"

namespace mobility::ewp {

inline constexpr int kMaxHeiIds = 10;

// The handler reads the database through `pool`, which must outlive the descriptor's endpoints.
ApiDescriptor institutions_v2_descriptor(db::Pool& pool);

// The <institutions-response> document of institutions v2.
std::string institutions_response_xml(const std::vector<db::InstitutionDetails>& institutions);

}  // namespace mobility::ewp
