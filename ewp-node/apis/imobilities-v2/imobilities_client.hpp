// IMobilities v2 as we call it, as the sending HEI: the actual dates the receiving HEI recorded
// for one of our mobilities.
#pragma once

#include <optional>
#include <string>

#include "ewp-node/apis/imobilities-v2/imobility_xml.hpp"
#include "ewp-node/client/answered.hpp"

namespace mobility::ewp {

// `omobility_id` from `receiving_hei_id`'s IMobilities get; nullopt when the answer does not hold
// it. invalid_argument when the answer cannot be read; otherwise as Answered.
Result<Answered<std::optional<IMobilityDates>>> get_partner_imobility(EwpClient& client, const std::string& receiving_hei_id,
                                                                      const std::string& omobility_id);

}  // namespace mobility::ewp
