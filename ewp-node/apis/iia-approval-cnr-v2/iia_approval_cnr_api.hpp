// IIA Approval CNR API v2 (2.0.0): a partner tells us that its approval of our IIA `iia_id` (our
// own id) changed; the inbox then asks the partner's IIAs Approval API which hash it approved.
#pragma once

#include "db/pool.hpp"
#include "ewp-node/apis/api_descriptor.hpp"
#include "ewp-node/apis/cnr_api.hpp"

namespace mobility::ewp {

// The API itself, for both directions: what we serve (the descriptor) and how we notify a
// partner (send_cnr(client, iia_approval_cnr_v2(), partner_hei_id, iia_id)).
const CnrApi& iia_approval_cnr_v2();

ApiDescriptor iia_approval_cnr_v2_descriptor(db::Pool& pool);

}  // namespace mobility::ewp
