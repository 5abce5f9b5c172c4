// Failed logins, counted per scope ("account:<email>", "address:<ip>") for throttling.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "db/connection.hpp"

namespace mobility::db {

Status record_login_failure(Connection& connection, const std::vector<std::string>& scopes);
// Failures of `scope` within the last `window`.
Result<int64_t> recent_login_failures(Connection& connection, const std::string& scope, std::chrono::seconds window);
// Forgets the failures of `scope` (after a successful login) and every failure older than `window`.
Status clear_login_failures(Connection& connection, const std::string& scope, std::chrono::seconds window);

}  // namespace mobility::db
