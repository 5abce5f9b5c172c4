#include "db/login_failures.hpp"

namespace mobility::db {

Status record_login_failure(Connection& connection, const std::vector<std::string>& scopes) {
  auto rows = connection.exec("INSERT INTO login_failure (scope) SELECT unnest($1::text[])", {text_array(scopes)});
  return rows ? Status::ok() : rows.status();
}

Result<int64_t> recent_login_failures(Connection& connection, const std::string& scope, std::chrono::seconds window) {
  auto rows =
      connection.exec("SELECT count(*) FROM login_failure WHERE scope = $1 AND failed_at > now() - make_interval(secs => $2)",
                      {scope, static_cast<int64_t>(window.count())});
  if (!rows) return rows.status();
  return rows->front().get<int64_t>(0);
}

Status clear_login_failures(Connection& connection, const std::string& scope, std::chrono::seconds window) {
  auto rows = connection.exec("DELETE FROM login_failure WHERE scope = $1 OR failed_at <= now() - make_interval(secs => $2)",
                              {scope, static_cast<int64_t>(window.count())});
  return rows ? Status::ok() : rows.status();
}

}  // namespace mobility::db
