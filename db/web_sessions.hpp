// Web sessions repository. Sessions are found by the SHA-256 of the cookie value (the value itself
// is never stored). See db/migrations/0005_accounts.sql.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

#include "db/accounts.hpp"
#include "db/connection.hpp"

namespace mobility::db {

struct SessionLimits {
  std::chrono::seconds idle;      // unused this long: over
  std::chrono::seconds absolute;  // this old: over, however busy
};

struct SessionRecord {
  std::string csrf_token;
  AccountRecord account;  // with its roles
};

// `session_hash`: 32 raw bytes.
Status insert_session(Connection& connection, const std::string& session_hash, int64_t account_id, const std::string& csrf_token);

// The live session with this hash and its (enabled) account, in one round trip; nullopt when
// there is none. Marks it used (at most one write a minute per session, so browsing costs no
// write per page).
Result<std::optional<SessionRecord>> use_session(Connection& connection, const std::string& session_hash,
                                                 const SessionLimits& limits);

Status delete_session(Connection& connection, const std::string& session_hash);
// Every session of the account ("log out everywhere", disabling an account); how many.
Result<int64_t> delete_sessions_of(Connection& connection, int64_t account_id);
// Sessions past their limits; how many.
Result<int64_t> delete_expired_sessions(Connection& connection, const SessionLimits& limits);

}  // namespace mobility::db
