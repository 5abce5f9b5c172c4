// OMobilities v3 as we call it, as the receiving HEI: the sending HEI's copy of one mobility, and
// our decision on its nomination (update).
#pragma once

#include <optional>
#include <string>

#include "ewp-node/apis/omobilities-v3/omobility_xml.hpp"
#include "ewp-node/client/answered.hpp"

namespace mobility::ewp {

// `omobility_id` from `sending_hei_id`'s OMobilities get; nullopt when the answer does not hold
// it (cancelled for us, or never ours). invalid_argument when the answer cannot be read;
// otherwise as Answered.
Result<Answered<std::optional<PartnerMobility>>> get_partner_omobility(EwpClient& client, const std::string& sending_hei_id,
                                                                       const std::string& omobility_id);

// Posts `request` to `sending_hei_id`'s OMobilities update. A 409 (the nomination changed since we
// fetched it) comes back as Answered with http_status 409, like any other refusal.
Result<Answered<bool>> send_omobility_update(EwpClient& client, const std::string& sending_hei_id,
                                             const OMobilityUpdateRequest& request);

}  // namespace mobility::ewp
