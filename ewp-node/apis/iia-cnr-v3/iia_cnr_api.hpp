// IIA CNR API v3 (3.0.0): a partner tells us that its IIA `iia_id` (its own id) was created,
// changed or deleted; the inbox then fetches it from the partner's IIAs get.
#pragma once

#include "db/pool.hpp"
#include "ewp-node/apis/api_descriptor.hpp"
#include "ewp-node/apis/cnr_api.hpp"

namespace mobility::ewp {

// The API itself, for both directions: what we serve (the descriptor) and how we notify a
// partner (send_cnr(client, iia_cnr_v3(), partner_hei_id, iia_id)).
const CnrApi& iia_cnr_v3();

ApiDescriptor iia_cnr_v3_descriptor(db::Pool& pool);

}  // namespace mobility::ewp
