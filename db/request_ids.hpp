// Repository of the X-Request-Id values already used by verified EWP requests (replay
// protection). See db/migrations/0002_request_replay.sql.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

#include "db/connection.hpp"
#include "ops/base/status.hpp"

namespace mobility::db {

// Records `x_request_id` as seen at `seen_at`. true when it was new; false when it had been
// recorded before (a replay). One statement, so concurrent callers cannot both get true.
Result<bool> record_request_id(Connection& connection, const std::string& x_request_id,
                               std::chrono::system_clock::time_point seen_at);

// Forgets ids seen before `cutoff`; returns how many were removed.
Result<int64_t> purge_request_ids(Connection& connection, std::chrono::system_clock::time_point cutoff);

}  // namespace mobility::db
