// GET /: the public start page in the visitor's language: the login form (or, signed in, the way
// to one's start page) and the institutions on this node.
#pragma once

#include "http/router.hpp"
#include "portal/web/site.hpp"

namespace mobility::portal {

// The site must outlive the router.
void add_home_route(http::Router& router, const Site& site);

}  // namespace mobility::portal
