// Outgoing Mobility Learning Agreements API v1 (1.2.0), served as the sending HEI: get, index,
// update and stats.
//
// Permissions: sending_hei_id must be an HEI we host (else 400, as the validator expects); a
// caller sees the shared agreements (signed by the student and the sending HEI at least once) of
// the mobilities whose receiving or sending HEI its key covers; every other id is silently left
// out, in get and index alike.
// update takes the receiving HEI's approval or comment on the current changes proposal:
//   400  the body is not an <omobility-las-update-request> (the message names the element), the
//        agreement is unknown, not of sending-hei-id, or not one the caller receives (never told
//        apart), or the signature lacks the signer's name, position or e-mail;
//   409  changes-proposal-id is not the current proposal's, with a user-message;
//   200  stored; the receiving HEI gets an LA CNR like for any other change.
#pragma once

#include "db/pool.hpp"
#include "ewp-node/apis/api_descriptor.hpp"

namespace mobility::ewp {

inline constexpr int kMaxLaOMobilityIds = 20;

ApiDescriptor omobility_las_v1_descriptor(db::Pool& pool);

}  // namespace mobility::ewp
