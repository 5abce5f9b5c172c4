#include "db/notifications.hpp"

#include "db/param.hpp"

namespace mobility::db {
namespace {

// What differs between the two queues' tables; everything else is shared SQL.
struct QueueTable {
  const char* table;
  const char* id;
  const char* kind;
  const char* hosted_hei;  // a column, or an SQL literal
  const char* enqueued_at;
  const char* payload;  // a column, or NULL
};

QueueTable table_of(Queue queue) {
  if (queue == Queue::kCnrOutbox) return {"cnr_outbox", "cnr_id", "api", "sender_hei_id", "created_at", "payload::text"};
  return {"cnr_inbox", "job_id", "kind", "''::text", "received_at", "NULL::text"};
}

// On a conflict with the pending item: an item a worker holds now is marked to be done again.
std::string mark_if_held(const std::string& table) { return "again = coalesce(" + table + ".leased_until > now(), false)"; }

}  // namespace

Status enqueue_outgoing_cnr(Connection& connection, const std::string& api, const std::string& sender_hei_id,
                            const std::string& partner_hei_id, const std::string& object_id) {
  return connection
      .exec(std::string("INSERT INTO cnr_outbox (api, sender_hei_id, partner_hei_id, object_id) VALUES ($1, $2, $3, $4) "
                        "ON CONFLICT (api, sender_hei_id, partner_hei_id, object_id) WHERE state = 'pending' DO UPDATE SET ") +
                mark_if_held("cnr_outbox"),
            {api, sender_hei_id, partner_hei_id, object_id})
      .status();
}

Status enqueue_partner_update(Connection& connection, const std::string& api, const std::string& sender_hei_id,
                              const std::string& partner_hei_id, const std::string& omobility_id,
                              const std::string& payload_json) {
  return connection
      .exec(std::string("INSERT INTO cnr_outbox (api, sender_hei_id, partner_hei_id, object_id, payload) "
                        "VALUES ($1, $2, $3, $4, $5::jsonb) "
                        "ON CONFLICT (api, sender_hei_id, partner_hei_id, object_id) WHERE state = 'pending' "
                        "DO UPDATE SET payload = EXCLUDED.payload, attempts = 0, next_attempt_at = now(), last_error = NULL, ") +
                mark_if_held("cnr_outbox"),
            {api, sender_hei_id, partner_hei_id, omobility_id, payload_json})
      .status();
}

Status enqueue_incoming_cnr(Connection& connection, const std::string& kind, const std::string& partner_hei_id,
                            const std::string& object_id) {
  return connection
      .exec(std::string("INSERT INTO cnr_inbox (kind, partner_hei_id, object_id) VALUES ($1, $2, $3) "
                        "ON CONFLICT (kind, partner_hei_id, object_id) WHERE state = 'pending' "
                        "DO UPDATE SET next_attempt_at = least(cnr_inbox.next_attempt_at, now()), ") +
                mark_if_held("cnr_inbox"),
            {kind, partner_hei_id, object_id})
      .status();
}

Result<std::vector<QueuedNotification>> lease_due(Connection& connection, Queue queue, int limit, std::chrono::seconds lease) {
  QueueTable t = table_of(queue);
  std::string sql = std::string("UPDATE ") + t.table +
                    " SET leased_until = now() + make_interval(secs => $2), attempts = attempts + 1" + " WHERE " + t.id +
                    " IN (SELECT " + t.id + " FROM " + t.table +
                    "   WHERE state = 'pending' AND next_attempt_at <= now() AND (leased_until IS NULL OR leased_until < now())" +
                    "   ORDER BY next_attempt_at LIMIT $1 FOR UPDATE SKIP LOCKED)" + " RETURNING " + t.id + ", " + t.kind + ", " +
                    t.hosted_hei + ", partner_hei_id, object_id, attempts," + " extract(epoch FROM now() - " + t.enqueued_at +
                    ")::float8, " + t.payload;
  auto rows = connection.exec(sql, {limit, static_cast<double>(lease.count())});
  if (!rows) return rows.status();
  std::vector<QueuedNotification> items;
  for (Row row : *rows) {
    items.push_back({row.get<int64_t>(0), row.get<std::string>(1), row.get<std::string>(2), row.get<std::string>(3),
                     row.get<std::string>(4), row.get<int>(5), row.get<double>(6), row.get<std::optional<std::string>>(7)});
  }
  return items;
}

Status finish_notification(Connection& connection, Queue queue, int64_t id, const std::string& state,
                           const std::optional<std::string>& error) {
  QueueTable t = table_of(queue);
  return connection
      .exec(std::string("UPDATE ") + t.table +
                " SET state = CASE WHEN again THEN 'pending' ELSE $2 END, leased_until = NULL,"
                " finished_at = CASE WHEN again THEN NULL ELSE now() END,"
                " attempts = CASE WHEN again THEN 0 ELSE attempts END,"
                " next_attempt_at = CASE WHEN again THEN now() ELSE next_attempt_at END,"
                " again = false, last_error = coalesce($3, last_error) WHERE " +
                t.id + " = $1",
            {id, state, error})
      .status();
}

Status retry_notification(Connection& connection, Queue queue, int64_t id, std::chrono::milliseconds delay,
                          const std::string& error) {
  QueueTable t = table_of(queue);
  return connection
      .exec(std::string("UPDATE ") + t.table +
                " SET next_attempt_at = CASE WHEN again THEN now() ELSE now() + make_interval(secs => $2) END,"
                " attempts = CASE WHEN again THEN 0 ELSE attempts END, again = false, leased_until = NULL, last_error = $3"
                " WHERE " +
                t.id + " = $1",
            {id, delay.count() / 1000.0, error})
      .status();
}

Result<int64_t> force_retry_partner(Connection& connection, const std::string& partner_hei_id,
                                    const std::optional<std::vector<std::string>>& sender_hei_ids) {
  // A row that gave up may meet a newer pending one of the same thing: that one is retried and
  // the old one stays as it was.
  auto rows = connection.exec(R"(
    UPDATE cnr_outbox o SET state = 'pending', attempts = 0, next_attempt_at = now(), leased_until = NULL, finished_at = NULL
     WHERE o.partner_hei_id = $1 AND o.state IN ('pending', 'gave_up', 'no_cnr_api')
       AND ($2::text[] IS NULL OR o.sender_hei_id = ANY($2::text[]))
       AND NOT EXISTS (SELECT 1 FROM cnr_outbox p WHERE p.state = 'pending' AND p.cnr_id <> o.cnr_id AND p.api = o.api
                          AND p.sender_hei_id = o.sender_hei_id AND p.partner_hei_id = o.partner_hei_id AND p.object_id = o.object_id))",
                              {partner_hei_id, sender_hei_ids ? text_array(*sender_hei_ids) : Param(std::nullopt)});
  if (!rows) return rows.status();
  return rows->affected();
}

Result<QueueCounts> count_notifications(Connection& connection, Queue queue) {
  QueueTable t = table_of(queue);
  auto rows = connection.exec(
      std::string("SELECT count(*) FILTER (WHERE state = 'pending'),") +
      " count(*) FILTER (WHERE state IN ('delivered', 'done')), count(*) FILTER (WHERE state IN ('gave_up', 'no_cnr_api'))" +
      " FROM " + t.table);
  if (!rows) return rows.status();
  Row row = rows->front();
  return QueueCounts{row.get<int64_t>(0), row.get<int64_t>(1), row.get<int64_t>(2)};
}

Status record_partner_contact(Connection& connection, const std::string& partner_hei_id,
                              const std::optional<std::string>& error) {
  if (!error) {
    return connection
        .exec(
            "INSERT INTO partner_contact (partner_hei_id, last_success_at) VALUES ($1, now()) "
            "ON CONFLICT (partner_hei_id) DO UPDATE SET last_success_at = now()",
            {partner_hei_id})
        .status();
  }
  return connection
      .exec(
          "INSERT INTO partner_contact (partner_hei_id, last_error_at, last_error) VALUES ($1, now(), $2) "
          "ON CONFLICT (partner_hei_id) DO UPDATE SET last_error_at = now(), last_error = $2",
          {partner_hei_id, *error})
      .status();
}

Result<std::optional<UpdateDelivery>> find_latest_update(Connection& connection, const std::string& api,
                                                         const std::string& sender_hei_id, const std::string& partner_hei_id,
                                                         const std::string& object_id) {
  auto rows = connection.exec(
      "SELECT state, last_error, to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI'), payload::text FROM cnr_outbox"
      " WHERE api = $1 AND sender_hei_id = $2 AND partner_hei_id = $3 AND object_id = $4 ORDER BY cnr_id DESC LIMIT 1",
      {api, sender_hei_id, partner_hei_id, object_id});
  if (!rows) return rows.status();
  if (rows->empty()) return std::optional<UpdateDelivery>();
  Row row = rows->front();
  return std::optional<UpdateDelivery>(UpdateDelivery{row.get<std::string>(0), row.get<std::optional<std::string>>(1),
                                                      row.get<std::string>(2), row.get<std::optional<std::string>>(3)});
}

}  // namespace mobility::db
