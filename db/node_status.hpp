// Figures for the operator's node status page.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "db/connection.hpp"

namespace mobility::db {

struct NodeStatus {
  int64_t accounts = 0;
  int64_t active_sessions = 0;                     // used within the last `idle_seconds`
  std::optional<std::string> registry_fetched_at;  // ISO 8601 UTC of the newest saved catalogue
};

Result<NodeStatus> node_status(Connection& connection, int64_t idle_seconds);

}  // namespace mobility::db
