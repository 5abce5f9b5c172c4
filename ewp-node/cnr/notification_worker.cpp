#include "ewp-node/cnr/notification_worker.hpp"

#include <random>

#include "base/log.hpp"
#include "ewp-node/cnr/cnr_delivery.hpp"
#include "ewp-node/cnr/partner_refresh.hpp"
#include "ewp-node/cnr/update_delivery.hpp"

namespace mobility::ewp {
namespace {

double jitter() {
  thread_local std::mt19937 generator{std::random_device{}()};
  return std::uniform_real_distribution<double>(0.0, 1.0)(generator);
}

const char* done_state(db::Queue queue) { return queue == db::Queue::kCnrOutbox ? "delivered" : "done"; }

// Ends or reschedules `item` after a try, and remembers how the partner answered.
Status settle(db::Connection& connection, db::Queue queue, const db::QueuedNotification& item, const WorkOutcome& outcome,
              const RetryPolicy& retry) {
  using Kind = WorkOutcome::Kind;
  // A partner without the API (or without a node) was not called: no contact to record. A 409 is
  // the partner answering as it should (its data changed): a successful contact.
  if (outcome.kind != Kind::kNoApi) {
    std::optional<std::string> contact_error;
    if (outcome.kind != Kind::kDone && outcome.kind != Kind::kConflict) contact_error = outcome.detail;
    if (Status recorded = db::record_partner_contact(connection, item.partner_hei_id, contact_error); !recorded) return recorded;
  }
  log::info("cnr_tried", {{"queue", queue == db::Queue::kCnrOutbox ? "outbox" : "inbox"},
                          {"kind", item.kind},
                          {"partner", item.partner_hei_id},
                          {"object_id", item.object_id},
                          {"attempt", std::to_string(item.attempts)},
                          {"outcome", outcome.detail.empty() ? "done" : outcome.detail}});
  switch (outcome.kind) {
    case Kind::kDone: return db::finish_notification(connection, queue, item.id, done_state(queue));
    case Kind::kNoApi:
      return db::finish_notification(connection, queue, item.id, queue == db::Queue::kCnrOutbox ? "no_cnr_api" : "gave_up",
                                     outcome.detail);
    case Kind::kGiveUp: return db::finish_notification(connection, queue, item.id, "gave_up", outcome.detail);
    case Kind::kConflict: return db::finish_notification(connection, queue, item.id, "conflict", outcome.detail);
    case Kind::kRetry:
      if (retry.gives_up(item.age_seconds)) {
        return db::finish_notification(connection, queue, item.id, "gave_up",
                                       "still failing after the retry limit: " + outcome.detail);
      }
      return db::retry_notification(connection, queue, item.id, retry.delay_after(item.attempts, jitter()), outcome.detail);
  }
  return Status::ok();
}

}  // namespace

NotificationWorker::NotificationWorker(db::Pool& pool, EwpClient& client, const agreements::PartnerCopies& copies,
                                       NotificationWorkerOptions options)
    : pool_(pool), client_(client), copies_(copies), options_(options), loop_("cnr_worker_failed", options.idle_poll, [this] {
        return run_once();
      }) {}

NotificationWorker::~NotificationWorker() { stop(); }

Result<int> NotificationWorker::work_queue(db::Connection& connection, db::Queue queue) {
  auto items = db::lease_due(connection, queue, options_.batch, options_.lease);
  if (!items) return items.status();
  for (const auto& item : *items) {
    WorkOutcome outcome = queue == db::Queue::kCnrInbox  ? refresh_from_partner(client_, connection, copies_, item)
                          : is_partner_update(item.kind) ? deliver_update(client_, connection, item)
                                                         : deliver_cnr(client_, item);
    if (Status settled = settle(connection, queue, item, outcome, options_.retry); !settled) return settled;
  }
  return static_cast<int>(items->size());
}

Result<int> NotificationWorker::run_once() {
  if (!client_.has_catalogue()) {
    if (!paused_.exchange(true)) {
      log::warn("cnr_paused", {{"reason", "no usable registry catalogue: notifications wait until there is one"}});
    }
    return 0;
  }
  if (paused_.exchange(false)) log::info("cnr_resumed", {});
  auto connection = pool_.acquire();
  if (!connection) return connection.status();
  int tried = 0;
  for (db::Queue queue : {db::Queue::kCnrInbox, db::Queue::kCnrOutbox}) {
    auto worked = work_queue(**connection, queue);
    if (!worked) return worked.status();
    tried += *worked;
  }
  return tried;
}

}  // namespace mobility::ewp
