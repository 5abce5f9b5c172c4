#include "db/audit_events.hpp"

namespace mobility::db {

Status record_audit_event(Connection& connection, const AuditEvent& event) {
  auto rows = connection.exec(
      "INSERT INTO audit_event (account_id, actor, role, hei_id, action, record, detail) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7)",
      {event.account_id, event.actor, event.role, event.hei_id, event.action, event.record, event.detail});
  return rows ? Status::ok() : rows.status();
}

Result<std::vector<AuditEvent>> list_audit_events(Connection& connection, const std::optional<std::string>& hei_id, int limit) {
  auto rows = connection.exec(
      "SELECT account_id, actor, role, hei_id, action, record, detail, "
      "to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') AS at "
      "FROM audit_event WHERE $1::text IS NULL OR hei_id = $1 ORDER BY at DESC, audit_id DESC LIMIT $2",
      {hei_id, limit});
  if (!rows) return rows.status();
  std::vector<AuditEvent> events;
  for (Row row : *rows) {
    events.push_back({row.get<std::optional<int64_t>>("account_id"), row.get<std::string>("actor"),
                      row.get<std::optional<std::string>>("role"), row.get<std::optional<std::string>>("hei_id"),
                      row.get<std::string>("action"), row.get<std::optional<std::string>>("record"),
                      row.get<std::optional<std::string>>("detail"), row.get<std::string>("at")});
  }
  return events;
}

}  // namespace mobility::db
