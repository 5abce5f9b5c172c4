// The background worker of the CNR outbox and inbox (db/notifications.hpp): it leases due items,
// delivers our notifications (cnr_delivery.hpp) and works off the partners' (partner_refresh.hpp),
// then finishes each item or schedules its retry (retry_policy.hpp). Everything it knows is in
// PostgreSQL, so a process killed mid-delivery loses nothing: the lease runs out and another
// try follows; several processes may work one database at once.
#pragma once

#include <atomic>
#include <chrono>

#include "agreements/partner_copies.hpp"
#include "base/background_loop.hpp"
#include "base/retry_policy.hpp"
#include "db/notifications.hpp"
#include "db/pool.hpp"
#include "ewp-node/client/ewp_client.hpp"

namespace mobility::ewp {

struct NotificationWorkerOptions {
  RetryPolicy retry;
  std::chrono::milliseconds idle_poll{500};  // how often an idle worker looks for due items
  int batch = 50;                            // items leased at once
  std::chrono::seconds lease{60};            // longer than one call may take (http_timeout_ms)
};

class NotificationWorker {
 public:
  // All references must outlive the worker.
  NotificationWorker(db::Pool& pool, EwpClient& client, const agreements::PartnerCopies& copies,
                     NotificationWorkerOptions options);
  ~NotificationWorker();  // stops the thread

  void start() { loop_.start(); }
  void stop() { loop_.stop(); }
  // Asks an idle worker to look for work at once (after something was queued in this process).
  void wake() { loop_.wake(); }

  // Works every item due now, in this thread; returns how many were tried. For tests and tools.
  // Without a usable registry catalogue nothing can be sent or fetched: no item is tried (none
  // spends an attempt), and the pause and its end are logged once each, not once per item.
  Result<int> run_once();

 private:
  Result<int> work_queue(db::Connection& connection, db::Queue queue);

  db::Pool& pool_;
  EwpClient& client_;
  const agreements::PartnerCopies& copies_;
  NotificationWorkerOptions options_;
  std::atomic<bool> paused_{false};  // the catalogue was missing at the last run
  BackgroundLoop loop_;              // last: its thread uses the members above
};

}  // namespace mobility::ewp
