#include "ewp-node/security/replay_guard.hpp"

#include "db/request_ids.hpp"
#include "ops/base/log.hpp"

namespace mobility::ewp {

Result<bool> PostgresReplayGuard::first_use(const std::string& x_request_id, Clock::time_point now) {
  auto connection = pool_.acquire();
  if (!connection) return connection.status();
  purge_if_due(**connection, now);
  return db::record_request_id(**connection, x_request_id, now);
}

void PostgresReplayGuard::purge_if_due(db::Connection& connection, Clock::time_point now) {
  int64_t seconds = std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count();
  int64_t last = last_purge_seconds_.load();
  if (seconds - last < 60 || !last_purge_seconds_.compare_exchange_strong(last, seconds)) return;
  auto purged = db::purge_request_ids(connection, now - retention_);
  if (!purged) log::warn("request_id_purge_failed", {{"error", purged.status().message()}});
}

}  // namespace mobility::ewp
