// Outgoing Mobilities API v3 (3.0.0), served as the sending HEI: get, index and update.
//
// Permissions: a caller sees the mobilities whose receiving or sending HEI its key covers; every
// other id (unknown, withdrawn, another HEI's) is silently left out, in get and index alike.
// update takes the receiving HEI's decision on the current nomination:
//   400  the body is not an <omobilities-update-request> (the message names the element), or the
//        mobility is unknown or not one the caller receives (never told apart);
//   409  the proposal-id is not the current nomination's, or the nomination was cancelled, with a
//        user-message the partner's staff can act on;
//   200  stored; the receiving HEI gets an OMobility CNR like for any other change.
#pragma once

#include "db/pool.hpp"
#include "ewp-node/apis/api_descriptor.hpp"

namespace mobility::ewp {

inline constexpr int kMaxOMobilityIds = 20;

ApiDescriptor omobilities_v3_descriptor(db::Pool& pool);

}  // namespace mobility::ewp
