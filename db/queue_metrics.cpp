#include "db/queue_metrics.hpp"

namespace mobility::db {

Result<std::vector<QueueDepth>> queue_depths(Connection& connection) {
  auto rows = connection.exec(
      "SELECT 'cnr_outbox', count(*), coalesce(extract(epoch FROM now() - min(created_at)), 0)::float8"
      "  FROM cnr_outbox WHERE state = 'pending' "
      "UNION ALL SELECT 'cnr_inbox', count(*), coalesce(extract(epoch FROM now() - min(received_at)), 0)::float8"
      "  FROM cnr_inbox WHERE state = 'pending' "
      "UNION ALL SELECT 'mail_outbox', count(*), coalesce(extract(epoch FROM now() - min(created_at)), 0)::float8"
      "  FROM mail_outbox WHERE state IN ('pending', 'held')");
  if (!rows) return rows.status();
  std::vector<QueueDepth> depths;
  for (Row row : *rows) depths.push_back({row.get<std::string>(0), row.get<int64_t>(1), row.get<double>(2)});
  return depths;
}

Result<std::vector<LoginFailures>> recent_login_failures(Connection& connection) {
  auto rows = connection.exec(
      "SELECT kind, count(f.scope) FROM (VALUES ('account'), ('address')) AS k (kind) "
      "LEFT JOIN login_failure f ON f.scope LIKE k.kind || ':%' AND f.failed_at > now() - interval '15 minutes' "
      "GROUP BY kind ORDER BY kind");
  if (!rows) return rows.status();
  std::vector<LoginFailures> failures;
  for (Row row : *rows) failures.push_back({row.get<std::string>(0), row.get<int64_t>(1)});
  return failures;
}

}  // namespace mobility::db
