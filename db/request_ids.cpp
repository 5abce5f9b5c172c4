#include "db/request_ids.hpp"

#include <unordered_set>

namespace mobility::db {
namespace {

using std::chrono::system_clock;

// Seconds since the epoch with microseconds, for to_timestamp().
double epoch_seconds(system_clock::time_point time) { return std::chrono::duration<double>(time.time_since_epoch()).count(); }

system_clock::time_point from_epoch_seconds(double seconds) {
  return system_clock::time_point(std::chrono::duration_cast<system_clock::duration>(std::chrono::duration<double>(seconds)));
}

}  // namespace

Result<std::vector<bool>> record_request_ids(Connection& connection, const std::vector<SeenRequestId>& seen,
                                             const std::string& recorded_by) {
  std::vector<std::string> ids;
  std::vector<double> times;
  std::unordered_set<std::string> distinct;
  for (const auto& entry : seen) {
    if (!distinct.insert(entry.x_request_id).second) continue;  // a later use in the same batch replays
    ids.push_back(entry.x_request_id);
    times.push_back(epoch_seconds(entry.seen_at));
  }
  auto rows = connection.exec(
      "INSERT INTO http_request_id (x_request_id, seen_at, recorded_by) "
      "SELECT id, to_timestamp(at), $3 FROM unnest($1::text[], $2::float8[]) AS t(id, at) "
      "ON CONFLICT (x_request_id) DO NOTHING RETURNING x_request_id",
      {text_array(ids), number_array(times), recorded_by});
  if (!rows) return rows.status();
  std::unordered_set<std::string> recorded;
  for (const auto& row : *rows) recorded.insert(row.get<std::string>(0));
  std::vector<bool> first_use;
  first_use.reserve(seen.size());
  for (const auto& entry : seen) first_use.push_back(recorded.erase(entry.x_request_id) == 1);
  return first_use;
}

Result<RecordedRequestIds> request_ids_recorded_since(Connection& connection, system_clock::time_point since,
                                                      const std::string& excluded_recorder) {
  auto clock = connection.exec("SELECT extract(epoch FROM statement_timestamp())::float8");
  if (!clock) return clock.status();
  RecordedRequestIds result{{}, from_epoch_seconds(clock->front().get<double>(0))};
  auto rows = connection.exec(
      "SELECT x_request_id, extract(epoch FROM seen_at)::float8 FROM http_request_id "
      "WHERE recorded_at >= to_timestamp($1) AND recorded_by <> $2",
      {epoch_seconds(since), excluded_recorder});
  if (!rows) return rows.status();
  result.ids.reserve(rows->size());
  for (const auto& row : *rows) result.ids.push_back({row.get<std::string>(0), from_epoch_seconds(row.get<double>(1))});
  return result;
}

Result<int64_t> purge_request_ids(Connection& connection, system_clock::time_point cutoff) {
  auto rows = connection.exec(
      "WITH gone AS (DELETE FROM http_request_id WHERE seen_at < to_timestamp($1) RETURNING 1) "
      "SELECT count(*) FROM gone",
      {epoch_seconds(cutoff)});
  if (!rows) return rows.status();
  return rows->front().get<int64_t>(0);
}

}  // namespace mobility::db
