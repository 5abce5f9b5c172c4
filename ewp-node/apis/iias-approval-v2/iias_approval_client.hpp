// IIAs Approval v2 as we call it: which hash of our agreement the partner approved.
#pragma once

#include <optional>
#include <string>

#include "ewp-node/client/answered.hpp"

namespace mobility::ewp {

// The hash of our IIA `iia_id` that `partner_hei_id` approved, from its IIAs Approval API;
// nullopt when it approves none. invalid_argument when the answer is not XML; otherwise as Answered.
Result<Answered<std::optional<std::string>>> get_approved_hash(EwpClient& client, const std::string& partner_hei_id,
                                                               const std::string& iia_id);

}  // namespace mobility::ewp
