// Replay protection for verified EWP requests: each X-Request-Id may be used once within the
// clock-skew window (requests dated outside it are refused anyway, so older ids can be forgotten).
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

#include "base/status.hpp"
#include "db/pool.hpp"
#include "db/request_ids.hpp"
#include "http/http_date.hpp"

namespace mobility::ewp {

class ReplayGuard {
 public:
  virtual ~ReplayGuard() = default;
  // true when `x_request_id` is used for the first time; false for a replay; an error when the
  // guard cannot answer (the caller must then refuse the request, failing closed).
  virtual Result<bool> first_use(const std::string& x_request_id, Clock::time_point now) = 0;
};

// What one exchange with the database did.
struct ReplaySync {
  size_t written = 0;       // ids first used by this process, now recorded
  size_t learned = 0;       // ids other processes recorded, now known here
  size_t late_replays = 0;  // ids this process accepted although another process had them first
};

// Memory first, PostgreSQL behind (docs/decisions.md §9). first_use() answers from this
// process's memory without a database round trip (one per request would cost a quarter of the
// node's signed throughput).
// A background thread, every `sync_period`, records the new ids in PostgreSQL in one statement,
// reads the ids that other node processes on the same database recorded meanwhile, and forgets
// ids older than `retention` (memory and database, once a minute).
//
// So a replay to the same process is always refused; a replay to another process is refused
// once both have synced (within two sync periods), and one that slips in earlier is logged as
// `request_replayed_across_processes`. Ids used during the last sync period before a crash are
// lost.
//
// first_use() is an error (fail closed) while the guard is out of touch with the database, so
// that memory alone never answers for longer than the window above:
// - until the first exchange succeeds (a restarted process reads the whole window first);
// - from an exchange that failed (at most one sync period after the database went away) until
//   one succeeds again;
// - when the last successful exchange began more than `max_unsynced` ago (an exchange that hangs).
//   Zero means ten sync periods, at least 5 s.
// Thread-safe.
class PostgresReplayGuard : public ReplayGuard {
 public:
  PostgresReplayGuard(const std::string& database_url, std::chrono::seconds retention,
                      std::chrono::milliseconds sync_period = std::chrono::milliseconds(500),
                      std::chrono::milliseconds max_unsynced = std::chrono::milliseconds::zero());
  // Stops the background thread and writes what is still unwritten.
  ~PostgresReplayGuard() override;

  Result<bool> first_use(const std::string& x_request_id, Clock::time_point now) override;

  // One exchange with the database, as the background thread does it; tests call it to avoid
  // waiting. An error leaves the unwritten ids queued for the next attempt, and first_use()
  // failing until an exchange succeeds.
  Result<ReplaySync> sync();

 private:
  Result<ReplaySync> exchange();  // sync() without the bookkeeping of success
  void run_background_sync(std::chrono::milliseconds period);
  Status write_new_ids(db::Connection& connection, ReplaySync& report);
  Status learn_others_ids(db::Connection& connection, ReplaySync& report);
  // Drops ids older than the window from memory, at most once a minute; returns the cutoff used.
  std::optional<Clock::time_point> forget_expired_in_memory();

  const std::string recorder_;  // names this process in the database
  const std::chrono::seconds retention_;
  const std::chrono::milliseconds max_unsynced_;
  db::Pool pool_;  // one connection, used under sync_mutex_

  std::mutex mutex_;  // guards the members below up to sync_mutex_
  std::unordered_map<std::string, Clock::time_point> seen_;
  std::vector<db::SeenRequestId> unwritten_;
  Clock::time_point latest_ = {};  // the latest `now` given to first_use()
  // The last exchange succeeded (so the ids recorded before this process started are known), and
  // when it began.
  bool in_touch_ = false;
  std::chrono::steady_clock::time_point last_exchange_began_ = {};

  Clock::time_point last_forgotten_ = {};

  std::mutex sync_mutex_;                                  // one sync() at a time; guards the members below
  std::chrono::system_clock::time_point read_up_to_ = {};  // database time of the last read
  std::optional<Clock::time_point> purge_before_;          // a database purge still to do

  std::mutex stop_mutex_;
  std::condition_variable stop_requested_;
  bool stopping_ = false;  // guarded by stop_mutex_
  std::thread background_;
};

}  // namespace mobility::ewp
