// Pool: a bounded set of database connections shared by the server's threads.
//
// acquire() hands out a lease on an idle connection, opens a new one while fewer than `size`
// are open, or waits up to `acquire_timeout` for a lease to come back; after that it returns
// kUnavailable. Every connection is health-checked when it is handed out (without a round trip)
// and reconnected if the server dropped it, so the pool recovers by itself after PostgreSQL
// restarts. A lease returned in the middle of a transaction is rolled back before reuse; one
// whose connection broke is closed.
//
// The Pool must outlive every lease it handed out. Thread-safe.
#pragma once

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "base/status.hpp"
#include "db/connection.hpp"

namespace mobility::db {

struct PoolOptions {
  std::string url;
  int size = 8;
  std::chrono::milliseconds acquire_timeout{5000};
};

struct PoolStats {
  int open = 0;  // connections that exist (idle + leased)
  int idle = 0;
  int waiting = 0;  // callers blocked in acquire()
};

class Pool;

// A leased connection; returns to its pool when destroyed. Move-only.
class PooledConnection {
 public:
  PooledConnection(Pool* pool, std::unique_ptr<Connection> connection) : pool_(pool), connection_(std::move(connection)) {}
  PooledConnection(PooledConnection&&) noexcept = default;
  PooledConnection& operator=(PooledConnection&&) noexcept;
  ~PooledConnection();

  Connection& operator*() { return *connection_; }
  Connection* operator->() { return connection_.get(); }

 private:
  void give_back();

  Pool* pool_;
  std::unique_ptr<Connection> connection_;
};

class Pool {
 public:
  explicit Pool(PoolOptions options) : options_(std::move(options)) {}
  Pool(const Pool&) = delete;
  Pool& operator=(const Pool&) = delete;

  Result<PooledConnection> acquire();
  PoolStats stats() const;
  const PoolOptions& options() const { return options_; }

 private:
  friend class PooledConnection;
  void release(std::unique_ptr<Connection> connection);
  Result<std::unique_ptr<Connection>> make_usable(std::unique_ptr<Connection> connection);

  PoolOptions options_;
  mutable std::mutex mutex_;
  std::condition_variable returned_;
  std::vector<std::unique_ptr<Connection>> idle_;
  int open_ = 0;
  int waiting_ = 0;
};

}  // namespace mobility::db
