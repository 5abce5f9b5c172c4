// IMobility CNR API v2 (2.0.0): a receiving HEI tells us, as the sending HEI, that its data of our
// mobilities `omobility_id` (the actual dates) changed; the inbox then fetches them from its
// IMobilities get. v2 names no HEI: the receiver is the HEI the caller's key covers.
#pragma once

#include "db/pool.hpp"
#include "ewp-node/apis/api_descriptor.hpp"
#include "ewp-node/apis/cnr_api.hpp"

namespace mobility::ewp {

const CnrApi& imobility_cnr_v2();

ApiDescriptor imobility_cnr_v2_descriptor(db::Pool& pool);

}  // namespace mobility::ewp
