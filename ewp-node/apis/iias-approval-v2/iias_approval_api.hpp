// IIAs Approval API v2 (2.0.0): which of the caller's copies we approved, and with which hash.
// iia_id values are the caller's own ids; only approvals given to copies of the HEIs the
// caller's key covers are answered, others (unknown, not approved) are silently left out.
#pragma once

#include "db/pool.hpp"
#include "ewp-node/apis/api_descriptor.hpp"

namespace mobility::ewp {

inline constexpr int kMaxApprovalIiaIds = 50;

ApiDescriptor iias_approval_v2_descriptor(db::Pool& pool);

}  // namespace mobility::ewp
