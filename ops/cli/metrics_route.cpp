#include "ops/cli/metrics_route.hpp"

#include <algorithm>

#include "base/metrics.hpp"
#include "db/queue_metrics.hpp"

namespace mobility::http {
namespace {

using metrics::Labels;

bool is_loopback(const std::string& address) {
  return address.starts_with("127.") || address == "::1" || address.starts_with("::ffff:127.");
}

bool is_local_scraper(const Request& request, const std::vector<std::string>& trusted_proxies) {
  bool proxy = std::find(trusted_proxies.begin(), trusted_proxies.end(), request.peer_address) != trusted_proxies.end();
  return is_loopback(request.peer_address) && !proxy && !request.header("X-Forwarded-For");
}

std::string pool_figures(db::Pool& pool) {
  db::PoolStats stats = pool.stats();
  return metrics::render_gauge("mobility_db_pool_connections", "database connections of this process by state",
                               {{{{"state", "idle"}}, static_cast<double>(stats.idle)},
                                {{{"state", "leased"}}, static_cast<double>(stats.open - stats.idle)},
                                {{{"state", "waiting_callers"}}, static_cast<double>(stats.waiting)}});
}

std::string database_up(bool up) {
  return metrics::render_gauge("mobility_database_up", "1 when the database answered this scrape", {{{}, up ? 1.0 : 0.0}});
}

// The figures read from the database; "mobility_database_up 0" alone when it does not answer.
std::string database_figures(db::Pool& pool) {
  std::string down = database_up(false);
  auto connection = pool.acquire();
  if (!connection) return down;
  auto depths = db::queue_depths(**connection);
  auto failures = db::recent_login_failures(**connection);
  if (!depths || !failures) return down;
  std::vector<std::pair<Labels, double>> pending, oldest, failed;
  for (const db::QueueDepth& depth : *depths) {
    pending.push_back({{{"queue", depth.queue}}, static_cast<double>(depth.pending)});
    oldest.push_back({{{"queue", depth.queue}}, depth.oldest_seconds});
  }
  for (const db::LoginFailures& failure : *failures)
    failed.push_back({{{"scope", failure.scope}}, static_cast<double>(failure.failures)});
  return database_up(true) + metrics::render_gauge("mobility_queue_pending", "items waiting in each durable queue", pending) +
         metrics::render_gauge("mobility_queue_oldest_seconds", "age of the oldest waiting item of each queue", oldest) +
         metrics::render_gauge("mobility_login_failures_recent", "failed logins of the last 15 minutes, by throttle scope",
                               failed);
}

}  // namespace

void add_metrics_route(Router& router, db::Pool& pool, std::vector<std::string> trusted_proxies) {
  metrics::describe("mobility_http_requests_total", "HTTP requests answered, by route, method and status");
  metrics::describe("mobility_http_request_duration_seconds", "time to answer an HTTP request, by route");
  metrics::describe("mobility_partner_calls_total", "signed calls to partners' EWP APIs, by partner, API and outcome");
  metrics::describe("mobility_partner_call_duration_seconds", "time of a signed call to a partner, by API");
  router.add("GET", "/metrics", [&pool, trusted_proxies](const Request& request) {
    if (!is_local_scraper(request, trusted_proxies)) return Response::text(404, "Not found: no page or API at this address.\n");
    Response response = Response::text(200, metrics::render() + pool_figures(pool) + database_figures(pool));
    response.content_type = "text/plain; version=0.0.4; charset=utf-8";
    return response;
  });
}

}  // namespace mobility::http
