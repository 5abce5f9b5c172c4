// GET /metrics: the node's figures in the Prometheus text format, for a scraper on the same
// machine. Answered only to a peer on loopback that is not one of `trusted_proxies` and sends no
// X-Forwarded-For, so the public TLS site (nginx) cannot reach it: every other caller gets 404.
//
// Counters and histograms kept in the process (base/metrics.hpp): HTTP requests by route, method
// and status, with latency per route; signed calls to partners by partner, API and outcome, with
// latency per API. Read at scrape time: the database pool's use, the depth and oldest age of the
// CNR outbox and inbox and the mail outbox, failed logins in the throttle's window, and whether
// the database answered (mobility_database_up).
#pragma once

#include <string>
#include <vector>

#include "db/pool.hpp"
#include "http/router.hpp"

namespace mobility::http {

// The pool must outlive the router.
void add_metrics_route(Router& router, db::Pool& pool, std::vector<std::string> trusted_proxies);

}  // namespace mobility::http
