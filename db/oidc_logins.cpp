#include "db/oidc_logins.hpp"

#include "base/sha256.hpp"

// bytea values travel as hex text: decode($n, 'hex').
namespace mobility::db {

Status insert_login_attempt(Connection& connection, const std::string& state_hash, const std::string& browser_hash,
                            const LoginAttempt& attempt, std::chrono::seconds lifetime) {
  auto swept = connection.exec("DELETE FROM oidc_login_attempt WHERE expires_at < now()");
  if (!swept) return swept.status();
  auto rows = connection.exec(
      "INSERT INTO oidc_login_attempt (state_hash, browser_hash, provider_id, nonce, code_verifier, expires_at) "
      "VALUES (decode($1, 'hex'), decode($2, 'hex'), $3, $4, $5, now() + make_interval(secs => $6))",
      {to_hex(state_hash), to_hex(browser_hash), attempt.provider_id, attempt.nonce, attempt.code_verifier,
       static_cast<int64_t>(lifetime.count())});
  return rows ? Status::ok() : rows.status();
}

Result<std::optional<LoginAttempt>> take_login_attempt(Connection& connection, const std::string& state_hash,
                                                       const std::string& browser_hash) {
  auto rows = connection.exec(
      "DELETE FROM oidc_login_attempt WHERE state_hash = decode($1, 'hex') "
      "RETURNING provider_id, nonce, code_verifier, expires_at > now() AND browser_hash = decode($2, 'hex')",
      {to_hex(state_hash), to_hex(browser_hash)});
  if (!rows) return rows.status();
  if (rows->empty() || !rows->front().get<bool>(3)) return std::optional<LoginAttempt>();
  const Row row = rows->front();
  return std::optional<LoginAttempt>(LoginAttempt{row.get<std::string>(0), row.get<std::string>(1), row.get<std::string>(2)});
}

Status insert_oidc_session(Connection& connection, const std::string& session_hash, const std::string& provider_id,
                           const std::string& id_token) {
  auto rows = connection.exec("INSERT INTO oidc_session (session_hash, provider_id, id_token) VALUES (decode($1, 'hex'), $2, $3)",
                              {to_hex(session_hash), provider_id, id_token});
  return rows ? Status::ok() : rows.status();
}

Result<std::optional<OidcSessionRecord>> find_oidc_session(Connection& connection, const std::string& session_hash) {
  auto rows = connection.exec("SELECT provider_id, id_token FROM oidc_session WHERE session_hash = decode($1, 'hex')",
                              {to_hex(session_hash)});
  if (!rows) return rows.status();
  if (rows->empty()) return std::optional<OidcSessionRecord>();
  return std::optional<OidcSessionRecord>(
      OidcSessionRecord{rows->front().get<std::string>(0), rows->front().get<std::string>(1)});
}

Result<std::vector<std::pair<std::string, std::string>>> nominations_of(Connection& connection,
                                                                        const std::string& receiving_hei_id,
                                                                        const std::string& global_id) {
  auto rows = connection.exec(
      "SELECT sending_hei_id, omobility_id FROM partner_omobility "
      "WHERE receiving_hei_id = $1 AND content->'student'->>'global_id' = $2 AND NOT gone AND status <> 'cancelled' "
      "ORDER BY sending_hei_id, omobility_id",
      {receiving_hei_id, global_id});
  if (!rows) return rows.status();
  std::vector<std::pair<std::string, std::string>> nominations;
  for (const auto& row : *rows) nominations.emplace_back(row.get<std::string>(0), row.get<std::string>(1));
  return nominations;
}

Status link_nomination(Connection& connection, int64_t account_id, const std::string& sending_hei_id,
                       const std::string& omobility_id) {
  auto rows = connection.exec(
      "INSERT INTO account_nomination (account_id, sending_hei_id, omobility_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
      {account_id, sending_hei_id, omobility_id});
  return rows ? Status::ok() : rows.status();
}

Result<std::vector<std::pair<std::string, std::string>>> nominations_linked_to(Connection& connection, int64_t account_id) {
  auto rows = connection.exec(
      "SELECT sending_hei_id, omobility_id FROM account_nomination WHERE account_id = $1 ORDER BY sending_hei_id, omobility_id",
      {account_id});
  if (!rows) return rows.status();
  std::vector<std::pair<std::string, std::string>> linked;
  for (Row row : *rows) linked.emplace_back(row.get<std::string>(0), row.get<std::string>(1));
  return linked;
}

}  // namespace mobility::db
