// GET /healthz: 200 {"status":"ok","database":"ok"} when a database round trip succeeds,
// 503 {"status":"unavailable","database":"unreachable"} otherwise (details go to the log only).
#pragma once

#include "db/pool.hpp"
#include "http/router.hpp"

namespace mobility::http {

// The pool must outlive the router.
void add_health_route(Router& router, db::Pool& pool);

}  // namespace mobility::http
