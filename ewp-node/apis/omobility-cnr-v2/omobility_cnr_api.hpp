// OMobility CNR API v2 (2.0.0): a sending HEI tells us, as the receiving HEI, that its outgoing
// mobilities `omobility_id` (up to max-omobility-ids of them) were created, changed or
// cancelled; the inbox then fetches them from its OMobilities get. v2 names no HEI: the sender is
// the HEI the caller's key covers.
#pragma once

#include "db/pool.hpp"
#include "ewp-node/apis/api_descriptor.hpp"
#include "ewp-node/apis/cnr_api.hpp"

namespace mobility::ewp {

const CnrApi& omobility_cnr_v2();

ApiDescriptor omobility_cnr_v2_descriptor(db::Pool& pool);

}  // namespace mobility::ewp
