// Incoming Mobilities API v2 (2.0.0), served as the receiving HEI: get, by the sending HEI's
// omobility_id, of the actual arrival and departure dates we recorded.
//
// Permissions: a caller sees the mobilities whose sending or receiving HEI its key covers; other
// ids (unknown, gone, another HEI's) are silently left out.
#pragma once

#include "db/pool.hpp"
#include "ewp-node/apis/api_descriptor.hpp"

namespace mobility::ewp {

inline constexpr int kMaxIMobilityIds = 20;

ApiDescriptor imobilities_v2_descriptor(db::Pool& pool);

}  // namespace mobility::ewp
