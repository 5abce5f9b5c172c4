// Interinstitutional Agreements API v7 (7.0.0): get, index and stats of our shared copies.
//
// Permissions: a requester sees the shared copies whose partner is one of the HEIs its key
// covers; every other id (unknown, a draft, deleted, another partner's) is silently left out, in
// get and index alike, so index lists exactly what get returns. Parameter errors are 400 with an
// <error-response> naming the parameter, as the validator expects.
#pragma once

#include "db/pool.hpp"
#include "ewp-node/apis/api_descriptor.hpp"

namespace mobility::ewp {

inline constexpr int kMaxIiaIds = 50;

ApiDescriptor iias_v7_descriptor(db::Pool& pool);

}  // namespace mobility::ewp
