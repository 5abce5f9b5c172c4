#include "db/password_resets.hpp"

#include "base/sha256.hpp"

namespace mobility::db {

Status insert_password_reset(Connection& connection, const std::string& token_hash, int64_t account_id,
                             std::chrono::seconds lifetime) {
  auto rows = connection.exec(
      "INSERT INTO password_reset (token_hash, account_id, expires_at) "
      "VALUES (decode($1, 'hex'), $2, now() + make_interval(secs => $3))",
      {to_hex(token_hash), account_id, static_cast<int64_t>(lifetime.count())});
  return rows ? Status::ok() : rows.status();
}

Result<bool> password_reset_usable(Connection& connection, const std::string& token_hash) {
  auto rows = connection.exec(
      "SELECT 1 FROM password_reset WHERE token_hash = decode($1, 'hex') AND used_at IS NULL AND expires_at > now()",
      {to_hex(token_hash)});
  if (!rows) return rows.status();
  return !rows->empty();
}

Result<std::optional<int64_t>> consume_password_reset(Connection& connection, const std::string& token_hash) {
  auto rows = connection.exec(
      "UPDATE password_reset SET used_at = now() "
      "WHERE token_hash = decode($1, 'hex') AND used_at IS NULL AND expires_at > now() RETURNING account_id",
      {to_hex(token_hash)});
  if (!rows) return rows.status();
  if (rows->empty()) return std::optional<int64_t>();
  return std::optional<int64_t>(rows->front().get<int64_t>(0));
}

}  // namespace mobility::db
