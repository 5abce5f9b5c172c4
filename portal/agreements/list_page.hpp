// GET /agreements: every agreement of the visitor's HEIs that the visitor may handle, with the
// partner, code, stage in words, academic years and unit; searched and filtered by a GET form
// (q, partner, country, state, year, unit) that keeps its values.
#pragma once

#include "portal/web/site.hpp"

namespace mobility::agreements::pages {

http::Response agreement_list(portal::PageRequest& page);

}  // namespace mobility::agreements::pages
