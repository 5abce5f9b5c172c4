// IIA Approval CNR API v2 (2.0.0): a partner tells us that its approval of our IIA `iia_id` (our
// own id) changed; the inbox then asks the partner's IIAs Approval API which hash it approved.
#pragma once

#include "db/pool.hpp"
#include "ewp-node/apis/api_descriptor.hpp"

namespace mobility::ewp {

ApiDescriptor iia_approval_cnr_v2_descriptor(db::Pool& pool);

}  // namespace mobility::ewp
