// IIAs v7 as we call it: the partner's copy of one agreement, from its IIAs get.
#pragma once

#include <optional>
#include <string>

#include "agreements/partner_copies.hpp"
#include "ewp-node/client/answered.hpp"

namespace mobility::ewp {

// The partner's IIA `partner_iia_id` (its own id) from `partner_hei_id`'s IIAs get, read with our
// own computation of its hash (iia_hash.hpp) beside the hash it publishes; nullopt when the
// answer does not hold it (the partner deleted it). invalid_argument when the answer is not XML
// or the IIA cannot be read; otherwise as Answered.
Result<Answered<std::optional<agreements::FetchedCopy>>> get_partner_iia(EwpClient& client, const std::string& partner_hei_id,
                                                                         const std::string& partner_iia_id);

}  // namespace mobility::ewp
