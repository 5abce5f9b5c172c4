// GET /agreements/{iia_id}/history: every version of our copy (who, when, why) and the
// differences between any two of them, chosen with a GET form (from, to; by default the last
// change).
#pragma once

#include <string>

#include "portal/web/site.hpp"

namespace mobility::agreements::pages {

http::Response agreement_history(portal::PageRequest& page, const std::string& iia_id);

}  // namespace mobility::agreements::pages
