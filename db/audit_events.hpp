// The audit log: every state-changing action by a person. Append-only.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "db/connection.hpp"

namespace mobility::db {

struct AuditEvent {
  std::optional<int64_t> account_id;  // absent for the command line
  std::string actor;                  // email at the time, or "operator (command line)"
  std::optional<std::string> role;
  std::optional<std::string> hei_id;
  std::string action;                 // lower_snake_case: login, logout, password_changed, account_disabled, ...
  std::optional<std::string> record;  // "account:42"
  std::optional<std::string> detail;
  std::string at;  // ISO 8601, filled when read
};

Status record_audit_event(Connection& connection, const AuditEvent& event);

// The newest first, at most `limit`; only those of `hei_id` when given.
Result<std::vector<AuditEvent>> list_audit_events(Connection& connection, const std::optional<std::string>& hei_id, int limit);

}  // namespace mobility::db
