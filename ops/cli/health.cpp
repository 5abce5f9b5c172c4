#include "ops/cli/health.hpp"

#include "base/log.hpp"

namespace mobility::http {
namespace {

Status ping(db::Pool& pool) {
  auto connection = pool.acquire();
  if (!connection) return connection.status();
  return (*connection)->exec("SELECT 1").status();
}

}  // namespace

void add_health_route(Router& router, db::Pool& pool) {
  router.add("GET", "/healthz", [&pool](const Request& request) {
    Status database = ping(pool);
    if (database)
      return Response::json(200, R"({"status":"ok","database":"ok"})"
                                 "\n");
    log::warn("health_check_failed", {{"id", request.request_id}, {"error", database.to_string()}});
    Response response = Response::json(503, R"({"status":"unavailable","database":"unreachable"})"
                                            "\n");
    response.headers.emplace_back("Retry-After", "5");
    return response;
  });
}

}  // namespace mobility::http
