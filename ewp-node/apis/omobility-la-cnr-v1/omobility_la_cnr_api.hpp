// OMobility LA CNR API v1 (1.1.0): a sending HEI (named by sending_hei_id, which the caller's key
// must cover) tells us, as the receiving HEI, that the learning agreements of its mobilities
// `omobility_id` changed; the inbox then fetches them from its OMobility LAs get.
#pragma once

#include "db/pool.hpp"
#include "ewp-node/apis/api_descriptor.hpp"
#include "ewp-node/apis/cnr_api.hpp"

namespace mobility::ewp {

const CnrApi& omobility_la_cnr_v1();

ApiDescriptor omobility_la_cnr_v1_descriptor(db::Pool& pool);

}  // namespace mobility::ewp
