// GET /mobilities: the outgoing and incoming mobilities of the visitor's HEIs that the visitor
// may see, newest change first, each with what it waits for.
#pragma once

#include "portal/web/site.hpp"

namespace mobility::portal::mobility_pages {

http::Response mobility_list(PageRequest& page);

}  // namespace mobility::portal::mobility_pages
