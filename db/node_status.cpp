#include "db/node_status.hpp"

namespace mobility::db {

Result<NodeStatus> node_status(Connection& connection, int64_t idle_seconds) {
  auto rows = connection.exec(R"(
    SELECT (SELECT count(*) FROM account) AS accounts,
           (SELECT count(*) FROM web_session WHERE last_seen_at > now() - make_interval(secs => $1)) AS sessions,
           (SELECT to_char(max(fetched_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') FROM registry_catalogue)
             AS registry_fetched_at)",
                              {idle_seconds});
  if (!rows) return rows.status();
  Row row = rows->front();
  return NodeStatus{row.get<int64_t>("accounts"), row.get<int64_t>("sessions"),
                    row.get<std::optional<std::string>>("registry_fetched_at")};
}

}  // namespace mobility::db
