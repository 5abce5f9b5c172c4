// Replay protection for verified EWP requests: each X-Request-Id may be used once within the
// clock-skew window (requests dated outside it are refused anyway, so older ids can be forgotten).
#pragma once

#include <atomic>
#include <chrono>
#include <string>

#include "db/pool.hpp"
#include "ewp-node/http/http_date.hpp"
#include "ops/base/status.hpp"

namespace mobility::ewp {

class ReplayGuard {
 public:
  virtual ~ReplayGuard() = default;
  // true when `x_request_id` is used for the first time; false for a replay; an error when the
  // store cannot answer (the caller must then refuse the request, failing closed).
  virtual Result<bool> first_use(const std::string& x_request_id, Clock::time_point now) = 0;
};

// Remembers ids in PostgreSQL (shared by every node process on the same database) and purges
// those older than `retention` at most once a minute.
class PostgresReplayGuard : public ReplayGuard {
 public:
  PostgresReplayGuard(db::Pool& pool, std::chrono::seconds retention) : pool_(pool), retention_(retention) {}
  Result<bool> first_use(const std::string& x_request_id, Clock::time_point now) override;

 private:
  void purge_if_due(db::Connection& connection, Clock::time_point now);

  db::Pool& pool_;
  std::chrono::seconds retention_;
  std::atomic<int64_t> last_purge_seconds_{0};
};

}  // namespace mobility::ewp
