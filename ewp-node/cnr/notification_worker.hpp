// The background worker of the CNR outbox and inbox (db/notifications.hpp): it leases due items,
// delivers our notifications (cnr_delivery.hpp) and works off the partners' (partner_refresh.hpp),
// then finishes each item or schedules its retry (retry_policy.hpp). Everything it knows is in
// PostgreSQL, so a process killed mid-delivery loses nothing: the lease runs out and another
// try follows; several processes may work one database at once.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "agreements/partner_copies.hpp"
#include "db/notifications.hpp"
#include "db/pool.hpp"
#include "ewp-node/client/ewp_client.hpp"
#include "ewp-node/cnr/retry_policy.hpp"

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
  NotificationWorker(db::Pool& pool, EwpClient& client, const agreements::PartnerCopies& copies, NotificationWorkerOptions options);
  ~NotificationWorker();  // stops the thread

  void start();
  void stop();
  // Asks an idle worker to look for work at once (after something was queued in this process).
  void wake();

  // Works every item due now, in this thread; returns how many were tried. For tests and tools.
  Result<int> run_once();

 private:
  void loop();
  Result<int> work_queue(db::Connection& connection, db::Queue queue);

  db::Pool& pool_;
  EwpClient& client_;
  const agreements::PartnerCopies& copies_;
  NotificationWorkerOptions options_;
  std::thread thread_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  bool woken_ = false;
};

}  // namespace mobility::ewp
