// Repository of the X-Request-Id values already used by verified EWP requests (replay
// protection), shared by every node process on the database. See
// db/migrations/0002_request_replay.sql and 0004_request_replay_sharing.sql.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "base/status.hpp"
#include "db/connection.hpp"

namespace mobility::db {

struct SeenRequestId {
  std::string x_request_id;
  std::chrono::system_clock::time_point seen_at;
};

// Records every id of `seen` in one statement on behalf of the process `recorded_by`. The answer
// has one entry per element of `seen`, in order: true when that element recorded its id; false
// when the id was recorded before (by anyone) or by an earlier element of `seen`.
Result<std::vector<bool>> record_request_ids(Connection& connection, const std::vector<SeenRequestId>& seen,
                                             const std::string& recorded_by);

struct RecordedRequestIds {
  std::vector<SeenRequestId> ids;
  // The database time just before reading: ids recorded from then on come with the next read.
  std::chrono::system_clock::time_point as_of;
};

// The ids that processes other than `excluded_recorder` recorded at or after `since` (database
// time).
Result<RecordedRequestIds> request_ids_recorded_since(Connection& connection, std::chrono::system_clock::time_point since,
                                                      const std::string& excluded_recorder);

// Forgets ids seen before `cutoff`; returns how many were removed.
Result<int64_t> purge_request_ids(Connection& connection, std::chrono::system_clock::time_point cutoff);

}  // namespace mobility::db
