// GET /: the public start page, listing the institutions on this node, in the visitor's language.
#pragma once

#include "ewp-node/http/router.hpp"
#include "portal/web/site.hpp"

namespace mobility::portal {

// The site must outlive the router.
void add_home_route(http::Router& router, const Site& site);

}  // namespace mobility::portal
