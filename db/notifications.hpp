// The CNR outbox and inbox (db/migrations/0010_notifications.sql) as two durable work queues
// with the same rules: enqueue coalesces with a pending item of the same thing; lease_due hands
// due items to one worker at a time (FOR UPDATE SKIP LOCKED, so several node processes can work
// one database) for `lease`, after which an unfinished item is due again (its worker died); the
// worker then finishes it or asks for a retry later. A notification that comes while a worker
// holds its item is never lost to that worker's outcome: the item is due again at once when the
// worker finishes or retries it (the worker read what stood before the news).
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "db/connection.hpp"

namespace mobility::db {

enum class Queue { kCnrOutbox, kCnrInbox };

struct QueuedNotification {
  int64_t id = 0;
  // outbox: the API called ("iia-cnr", "omobility-la-cnr", "omobilities-update", ...);
  // inbox: what to refresh ("iia", "iia-approval", "omobility", "omobility-la", "imobility")
  std::string kind;
  std::string hosted_hei_id;  // outbox: the sender; inbox: ""
  std::string partner_hei_id;
  std::string object_id;               // the id the call carries: an iia_id or an omobility_id
  int attempts = 0;                    // including the one just leased
  double age_seconds = 0;              // since it was enqueued
  std::optional<std::string> payload;  // outbox updates: the decision, as JSON text
};

// Our notification to a partner; a pending one of the same (api, sender, partner, object_id) is
// kept instead of adding another.
Status enqueue_outgoing_cnr(Connection& connection, const std::string& api, const std::string& sender_hei_id,
                            const std::string& partner_hei_id, const std::string& object_id);

// Our decision on a partner's mobility or learning agreement, to be sent by calling its update
// API (`api`: "omobilities-update" or "omobility-las-update"); the decision (`payload_json`) of a
// pending call about the same mobility is replaced by this newer one.
Status enqueue_partner_update(Connection& connection, const std::string& api, const std::string& sender_hei_id,
                              const std::string& partner_hei_id, const std::string& omobility_id,
                              const std::string& payload_json);

// A partner's notification to us, to be worked off later; coalesced the same way, but an item
// waiting for a retry is due at once (the partner that notifies us is up).
Status enqueue_incoming_cnr(Connection& connection, const std::string& kind, const std::string& partner_hei_id,
                            const std::string& object_id);

// Where our latest update call (api "omobilities-update" or "omobility-las-update") about
// `object_id` to `partner_hei_id` stands: pending, delivered, conflict (the partner answered 409),
// gave_up; nullopt when we never made one.
struct UpdateDelivery {
  std::string state;
  std::optional<std::string> last_error;
  std::string created_at;  // UTC, "YYYY-MM-DD HH:MM"
  std::optional<std::string> payload;
};
Result<std::optional<UpdateDelivery>> find_latest_update(Connection& connection, const std::string& api,
                                                         const std::string& sender_hei_id, const std::string& partner_hei_id,
                                                         const std::string& object_id);

// Up to `limit` due items, oldest due first, leased for `lease`.
Result<std::vector<QueuedNotification>> lease_due(Connection& connection, Queue queue, int limit, std::chrono::seconds lease);

// Ends an item: outbox states delivered, no_cnr_api, gave_up, conflict (an update the partner
// refused with 409); inbox states done, gave_up.
Status finish_notification(Connection& connection, Queue queue, int64_t id, const std::string& state,
                           const std::optional<std::string>& error = std::nullopt);

// Makes the item due again after `delay`, remembering why.
Status retry_notification(Connection& connection, Queue queue, int64_t id, std::chrono::milliseconds delay,
                          const std::string& error);

// Every outgoing notification to `partner_hei_id` that did not go through (pending, gave up, or
// no CNR API when it was tried) is due now again, its attempts counted afresh. Only those sent by
// `sender_hei_ids` (nullopt: by any hosted HEI). Returns how many.
Result<int64_t> force_retry_partner(Connection& connection, const std::string& partner_hei_id,
                                    const std::optional<std::vector<std::string>>& sender_hei_ids);

struct QueueCounts {
  int64_t pending = 0;
  int64_t finished_ok = 0;  // delivered / done
  int64_t failed = 0;       // gave up, or the partner has no CNR API
};
Result<QueueCounts> count_notifications(Connection& connection, Queue queue);

// The outcome of our last call to a partner, for the partner health page.
Status record_partner_contact(Connection& connection, const std::string& partner_hei_id, const std::optional<std::string>& error);

}  // namespace mobility::db
