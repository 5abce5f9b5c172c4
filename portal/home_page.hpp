// GET /: the public start page, listing the institutions on this node. The signed-in pages of
// the exchange portal grow from here.
#pragma once

#include "db/pool.hpp"
#include "ewp-node/http/router.hpp"

namespace mobility::portal {

// The pool must outlive the router.
void add_home_route(http::Router& router, db::Pool& pool);

}  // namespace mobility::portal
