#include "db/mail_outbox.hpp"

#include "db/param.hpp"
#include "db/transaction.hpp"

namespace mobility::db {
namespace {

std::vector<int64_t> ids_of(const Rows& rows) {
  std::vector<int64_t> ids;
  for (Row row : rows) ids.push_back(row.get<int64_t>(0));
  return ids;
}

}  // namespace

Result<bool> enqueue_mail(Connection& connection, const MailRequest& request) {
  auto account =
      connection.exec("SELECT disabled_at IS NULL AND email <> '' FROM account WHERE account_id = $1", {request.account_id});
  if (!account) return account.status();
  if (account->empty()) return Status::not_found("no account " + std::to_string(request.account_id));
  if (!(*account)[0].get<bool>(0)) return false;
  auto queued = connection.exec(
      "INSERT INTO mail_outbox (kind, account_id, recipient, language, parameters, dedupe_key, state) "
      "SELECT $1, account_id, email, language, $2::jsonb, $3, "
      "       CASE WHEN $4 AND mail_digest THEN 'held' ELSE 'pending' END "
      "FROM account WHERE account_id = $5 "
      "ON CONFLICT (dedupe_key) DO NOTHING RETURNING mail_id",
      {request.kind, request.parameters_json, request.dedupe_key, request.digestible, request.account_id});
  if (!queued) return queued.status();
  return !queued->empty();
}

Result<std::vector<int64_t>> staff_to_tell(Connection& connection, const std::string& hei_id,
                                           const std::optional<std::string>& ounit_id) {
  auto rows = connection.exec(
      "WITH staff AS ("
      "  SELECT DISTINCT a.account_id, r.role FROM account a JOIN account_role r USING (account_id)"
      "  WHERE a.disabled_at IS NULL AND r.hei_id = $1"
      "    AND (r.role = 'io_admin' OR (r.role = 'coordinator' AND (r.ounit_id IS NOT DISTINCT FROM $2 OR r.ounit_id IS NULL))))"
      "SELECT account_id FROM staff WHERE role = 'coordinator'"
      " OR (role = 'io_admin' AND NOT EXISTS (SELECT 1 FROM staff WHERE role = 'coordinator'))"
      "GROUP BY account_id ORDER BY account_id",
      {hei_id, ounit_id});
  if (!rows) return rows.status();
  return ids_of(*rows);
}

Result<std::vector<int64_t>> student_accounts(Connection& connection, const std::string& hei_id, const std::string& student_id) {
  auto rows = connection.exec(
      "SELECT DISTINCT account_id FROM account_role WHERE role = 'student' AND hei_id = $1 AND student_id = $2 "
      "ORDER BY account_id",
      {hei_id, student_id});
  if (!rows) return rows.status();
  return ids_of(*rows);
}

Result<std::vector<QueuedMail>> lease_due_mail(Connection& connection, int limit, std::chrono::seconds lease) {
  auto rows = connection.exec(
      "UPDATE mail_outbox SET leased_until = now() + make_interval(secs => $2), attempts = attempts + 1 "
      "WHERE mail_id IN (SELECT mail_id FROM mail_outbox"
      "  WHERE state = 'pending' AND next_attempt_at <= now() AND (leased_until IS NULL OR leased_until < now())"
      "  ORDER BY next_attempt_at LIMIT $1 FOR UPDATE SKIP LOCKED) "
      "RETURNING mail_id, message_key::text, kind, recipient, language, parameters::text,"
      "  to_char(created_at AT TIME ZONE 'UTC', 'Dy, DD Mon YYYY HH24:MI:SS +0000'), attempts,"
      "  extract(epoch FROM now() - created_at)::float8",
      {limit, static_cast<double>(lease.count())});
  if (!rows) return rows.status();
  std::vector<QueuedMail> mails;
  for (Row row : *rows) {
    mails.push_back({row.get<int64_t>(0), row.get<std::string>(1), row.get<std::string>(2), row.get<std::string>(3),
                     row.get<std::string>(4), row.get<std::string>(5), row.get<std::string>(6), row.get<int>(7),
                     row.get<double>(8)});
  }
  return mails;
}

Status finish_mail(Connection& connection, int64_t mail_id, const std::string& state, const std::optional<std::string>& error) {
  return connection
      .exec(
          "UPDATE mail_outbox SET state = $2, finished_at = now(), leased_until = NULL, last_error = coalesce($3, last_error),"
          "  parameters = CASE WHEN kind IN ('password_reset', 'incoming_invitation') THEN parameters - 'link' ELSE parameters "
          "END "
          "WHERE mail_id = $1",
          {mail_id, state, error})
      .status();
}

Status retry_mail(Connection& connection, int64_t mail_id, std::chrono::milliseconds delay, const std::string& error) {
  return connection
      .exec(
          "UPDATE mail_outbox SET next_attempt_at = now() + make_interval(secs => $2), leased_until = NULL, last_error = $3 "
          "WHERE mail_id = $1",
          {mail_id, delay.count() / 1000.0, error})
      .status();
}

Result<int> queue_digests(Connection& connection, const std::string& day) {
  auto accounts = connection.exec("SELECT DISTINCT account_id FROM mail_outbox WHERE state = 'held' ORDER BY account_id");
  if (!accounts) return accounts.status();
  int queued = 0;
  for (int64_t account_id : ids_of(*accounts)) {
    auto tx = Transaction::begin(connection);
    if (!tx) return tx.status();
    auto digest = tx->exec(
        "WITH items AS (SELECT mail_id, kind, parameters FROM mail_outbox"
        "               WHERE account_id = $1 AND state = 'held' ORDER BY mail_id FOR UPDATE),"
        " digest AS (INSERT INTO mail_outbox (kind, account_id, recipient, language, parameters, dedupe_key)"
        "   SELECT 'digest', account_id, email, language,"
        "          jsonb_build_object('items', (SELECT jsonb_agg(jsonb_build_object('kind', kind, 'parameters', parameters)"
        "                                                        ORDER BY mail_id) FROM items)), $2"
        "   FROM account WHERE account_id = $1 AND EXISTS (SELECT 1 FROM items)"
        "   ON CONFLICT (dedupe_key) DO NOTHING RETURNING mail_id) "
        "UPDATE mail_outbox m SET state = 'digested', digest_mail_id = digest.mail_id, finished_at = now() "
        "FROM digest WHERE m.mail_id IN (SELECT mail_id FROM items) RETURNING digest.mail_id",
        {account_id, "digest:" + std::to_string(account_id) + ":" + day});
    if (!digest) return digest.status();
    if (Status committed = tx->commit(); !committed) return committed;
    if (!digest->empty()) ++queued;
  }
  return queued;
}

Status set_mail_digest(Connection& connection, int64_t account_id, bool digest) {
  auto rows =
      connection.exec("UPDATE account SET mail_digest = $2 WHERE account_id = $1 RETURNING account_id", {account_id, digest});
  if (!rows) return rows.status();
  if (rows->empty()) return Status::not_found("no account " + std::to_string(account_id));
  return Status::ok();
}

Result<bool> mail_digest(Connection& connection, int64_t account_id) {
  auto rows = connection.exec("SELECT mail_digest FROM account WHERE account_id = $1", {account_id});
  if (!rows) return rows.status();
  if (rows->empty()) return Status::not_found("no account " + std::to_string(account_id));
  return (*rows)[0].get<bool>(0);
}

Result<MailCounts> count_mail(Connection& connection) {
  auto rows = connection.exec(
      "SELECT count(*) FILTER (WHERE state IN ('pending', 'held')), count(*) FILTER (WHERE state IN ('sent', 'digested')),"
      "       count(*) FILTER (WHERE state = 'gave_up'), count(*) FILTER (WHERE state = 'not_sent') FROM mail_outbox");
  if (!rows) return rows.status();
  Row row = (*rows)[0];
  return MailCounts{row.get<int64_t>(0), row.get<int64_t>(1), row.get<int64_t>(2), row.get<int64_t>(3)};
}

}  // namespace mobility::db
