// OMobility LAs v1 as we call it, as the receiving HEI: the sending HEI's learning agreement of one
// mobility, and our approval or comment (update).
#pragma once

#include <optional>
#include <string>

#include "ewp-node/apis/omobility-las-v1/la_xml.hpp"
#include "ewp-node/client/answered.hpp"

namespace mobility::ewp {

// `omobility_id`'s agreement from `sending_hei_id`'s LAs get; nullopt when the answer does not
// hold it (deleted, or not shared yet). invalid_argument when the answer cannot be read;
// otherwise as Answered.
Result<Answered<std::optional<mobilities::LearningAgreement>>> get_partner_la(EwpClient& client,
                                                                              const std::string& sending_hei_id,
                                                                              const std::string& omobility_id);

// Posts `request` to its sending HEI's LAs update. A 409 (the proposal changed since we fetched
// it) comes back as Answered with http_status 409, like any other refusal.
Result<Answered<bool>> send_la_update(EwpClient& client, const LaUpdateRequest& request);

}  // namespace mobility::ewp
