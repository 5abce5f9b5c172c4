#include "db/web_sessions.hpp"

#include "base/sha256.hpp"

// bytea values travel as hex text: decode($n, 'hex').
namespace mobility::db {
namespace {

int64_t seconds(std::chrono::seconds duration) { return duration.count(); }

Result<int64_t> count_of(const Result<Rows>& rows) {
  if (!rows) return rows.status();
  return rows->front().get<int64_t>(0);
}

}  // namespace

Status insert_session(Connection& connection, const std::string& session_hash, int64_t account_id,
                      const std::string& csrf_token) {
  auto rows = connection.exec("INSERT INTO web_session (session_hash, account_id, csrf_token) VALUES (decode($1, 'hex'), $2, $3)",
                              {to_hex(session_hash), account_id, csrf_token});
  return rows ? Status::ok() : rows.status();
}

Result<std::optional<SessionRecord>> use_session(Connection& connection, const std::string& session_hash,
                                                 const SessionLimits& limits) {
  auto rows = connection.exec(std::string(R"(
    WITH live AS (
      SELECT s.session_hash, s.account_id, s.csrf_token, s.last_seen_at
        FROM web_session s JOIN account a ON a.account_id = s.account_id
       WHERE s.session_hash = decode($1, 'hex') AND a.disabled_at IS NULL
         AND s.last_seen_at > now() - make_interval(secs => $2)
         AND s.created_at > now() - make_interval(secs => $3)),
    touched AS (
      UPDATE web_session SET last_seen_at = now()
       WHERE session_hash = (SELECT session_hash FROM live WHERE last_seen_at < now() - interval '1 minute'))
    SELECT live.csrf_token, )") + kAccountColumns +
                                  R"(
      FROM live JOIN account a ON a.account_id = live.account_id
      LEFT JOIN account_role r ON r.account_id = a.account_id
     ORDER BY r.role, r.hei_id, r.ounit_id)",
                              {to_hex(session_hash), seconds(limits.idle), seconds(limits.absolute)});
  if (!rows) return rows.status();
  auto accounts = accounts_from_rows(*rows);
  if (accounts.empty()) return std::optional<SessionRecord>();
  return std::optional<SessionRecord>(SessionRecord{rows->front().get<std::string>("csrf_token"), std::move(accounts.front())});
}

Status delete_session(Connection& connection, const std::string& session_hash) {
  auto rows = connection.exec("DELETE FROM web_session WHERE session_hash = decode($1, 'hex')", {to_hex(session_hash)});
  return rows ? Status::ok() : rows.status();
}

Result<int64_t> delete_sessions_of(Connection& connection, int64_t account_id) {
  return count_of(connection.exec(
      "WITH gone AS (DELETE FROM web_session WHERE account_id = $1 RETURNING 1) SELECT count(*) FROM gone", {account_id}));
}

Result<int64_t> delete_expired_sessions(Connection& connection, const SessionLimits& limits) {
  return count_of(
      connection.exec("WITH gone AS (DELETE FROM web_session WHERE last_seen_at <= now() - make_interval(secs => $1) "
                      "OR created_at <= now() - make_interval(secs => $2) RETURNING 1) SELECT count(*) FROM gone",
                      {seconds(limits.idle), seconds(limits.absolute)}));
}

}  // namespace mobility::db
