#include "ewp-node/security/replay_guard.hpp"

#include <unistd.h>

#include <algorithm>
#include <random>
#include <utility>

#include "base/log.hpp"

namespace mobility::ewp {
namespace {

// Rows recorded by a transaction that started before our last read may commit after it; reading
// again from this far back catches them (their writes are single short statements).
constexpr std::chrono::seconds kCommitMargin{1};
constexpr std::chrono::minutes kForgetPeriod{1};

// A name for this process that no other process on the database uses.
std::string unique_recorder_name() {
  std::random_device random;
  return std::to_string(::getpid()) + "-" + std::to_string(random()) + std::to_string(random());
}

std::chrono::milliseconds max_unsynced_or_default(std::chrono::milliseconds max_unsynced, std::chrono::milliseconds sync_period) {
  if (max_unsynced > std::chrono::milliseconds::zero()) return max_unsynced;
  return std::max<std::chrono::milliseconds>(10 * sync_period, std::chrono::seconds(5));
}

}  // namespace

PostgresReplayGuard::PostgresReplayGuard(const std::string& database_url, std::chrono::seconds retention,
                                         std::chrono::milliseconds sync_period, std::chrono::milliseconds max_unsynced)
    : recorder_(unique_recorder_name()),
      retention_(retention),
      max_unsynced_(max_unsynced_or_default(max_unsynced, sync_period)),
      pool_({database_url, 1, std::chrono::seconds(5)}) {
  if (auto first = sync(); !first) log::warn("replay_ids_unreadable", {{"error", first.status().message()}});
  background_ = std::thread([this, sync_period] { run_background_sync(sync_period); });
}

PostgresReplayGuard::~PostgresReplayGuard() {
  {
    std::lock_guard lock(stop_mutex_);
    stopping_ = true;
  }
  stop_requested_.notify_all();
  background_.join();
  if (auto last = sync(); !last) log::warn("replay_ids_unwritten", {{"error", last.status().message()}});
}

Result<bool> PostgresReplayGuard::first_use(const std::string& x_request_id, Clock::time_point now) {
  std::lock_guard lock(mutex_);
  if (!in_touch_) return Status::unavailable("the database of X-Request-Id values used did not answer the last exchange");
  if (std::chrono::steady_clock::now() - last_exchange_began_ > max_unsynced_) {
    return Status::unavailable("the database of X-Request-Id values used has not answered for too long");
  }
  if (!seen_.emplace(x_request_id, now).second) return false;
  unwritten_.push_back({x_request_id, now});
  latest_ = std::max(latest_, now);
  return true;
}

Result<ReplaySync> PostgresReplayGuard::sync() {
  std::lock_guard sync_lock(sync_mutex_);
  auto began = std::chrono::steady_clock::now();
  auto report = exchange();
  std::lock_guard lock(mutex_);
  in_touch_ = static_cast<bool>(report);
  if (report) last_exchange_began_ = began;
  return report;
}

Result<ReplaySync> PostgresReplayGuard::exchange() {
  // Memory is bounded by the window even while the database is away.
  if (auto cutoff = forget_expired_in_memory()) purge_before_ = *cutoff;
  ReplaySync report;
  auto connection = pool_.acquire();
  if (!connection) return connection.status();
  if (Status written = write_new_ids(**connection, report); !written) return written;
  if (Status learned = learn_others_ids(**connection, report); !learned) return learned;
  if (purge_before_) {
    if (auto purged = db::purge_request_ids(**connection, *purge_before_); !purged) return purged.status();
    purge_before_.reset();
  }
  return report;
}

Status PostgresReplayGuard::write_new_ids(db::Connection& connection, ReplaySync& report) {
  std::vector<db::SeenRequestId> batch;
  {
    std::lock_guard lock(mutex_);
    batch.swap(unwritten_);
  }
  if (batch.empty()) return Status::ok();
  auto recorded = db::record_request_ids(connection, batch, recorder_);
  if (!recorded) {
    std::lock_guard lock(mutex_);
    unwritten_.insert(unwritten_.begin(), batch.begin(), batch.end());
    return recorded.status();
  }
  for (size_t i = 0; i < batch.size(); ++i) {
    if ((*recorded)[i]) {
      ++report.written;
    } else {
      ++report.late_replays;
      log::warn("request_replayed_across_processes", {{"x_request_id", batch[i].x_request_id}});
    }
  }
  return Status::ok();
}

Status PostgresReplayGuard::learn_others_ids(db::Connection& connection, ReplaySync& report) {
  auto since = read_up_to_ == std::chrono::system_clock::time_point{} ? read_up_to_ : read_up_to_ - kCommitMargin;
  auto recorded = db::request_ids_recorded_since(connection, since, recorder_);
  if (!recorded) return recorded.status();
  read_up_to_ = recorded->as_of;
  std::lock_guard lock(mutex_);
  for (auto& id : recorded->ids) report.learned += seen_.emplace(std::move(id.x_request_id), id.seen_at).second;
  return Status::ok();
}

std::optional<Clock::time_point> PostgresReplayGuard::forget_expired_in_memory() {
  std::lock_guard lock(mutex_);
  if (latest_ - last_forgotten_ < kForgetPeriod) return std::nullopt;
  last_forgotten_ = latest_;
  Clock::time_point cutoff = latest_ - retention_;
  std::erase_if(seen_, [&](const auto& entry) { return entry.second < cutoff; });
  std::erase_if(unwritten_, [&](const db::SeenRequestId& id) { return id.seen_at < cutoff; });
  return cutoff;
}

void PostgresReplayGuard::run_background_sync(std::chrono::milliseconds period) {
  bool failing = false;
  std::unique_lock lock(stop_mutex_);
  while (!stop_requested_.wait_for(lock, period, [this] { return stopping_; })) {
    lock.unlock();
    auto synced = sync();
    if (!synced && !failing) log::warn("replay_ids_sync_failed", {{"error", synced.status().message()}});
    if (synced && failing) log::info("replay_ids_sync_recovered", {});
    failing = !synced;
    lock.lock();
  }
}

}  // namespace mobility::ewp
