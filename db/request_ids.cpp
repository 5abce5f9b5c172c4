#include "db/request_ids.hpp"

namespace mobility::db {
namespace {

// Seconds since the epoch with microseconds, for to_timestamp().
double epoch_seconds(std::chrono::system_clock::time_point time) {
  return std::chrono::duration<double>(time.time_since_epoch()).count();
}

}  // namespace

Result<bool> record_request_id(Connection& connection, const std::string& x_request_id,
                               std::chrono::system_clock::time_point seen_at) {
  auto rows = connection.exec(
      "INSERT INTO http_request_id (x_request_id, seen_at) VALUES ($1, to_timestamp($2)) "
      "ON CONFLICT (x_request_id) DO NOTHING RETURNING 1",
      {x_request_id, epoch_seconds(seen_at)});
  if (!rows) return rows.status();
  return rows->size() == 1;
}

Result<int64_t> purge_request_ids(Connection& connection, std::chrono::system_clock::time_point cutoff) {
  auto rows = connection.exec("WITH gone AS (DELETE FROM http_request_id WHERE seen_at < to_timestamp($1) RETURNING 1) "
                              "SELECT count(*) FROM gone",
                              {epoch_seconds(cutoff)});
  if (!rows) return rows.status();
  return rows->front().get<int64_t>(0);
}

}  // namespace mobility::db
