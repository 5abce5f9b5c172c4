#include "db/pool.hpp"

namespace mobility::db {

PooledConnection& PooledConnection::operator=(PooledConnection&& other) noexcept {
  if (this != &other) {
    give_back();
    pool_ = other.pool_;
    connection_ = std::move(other.connection_);
  }
  return *this;
}

PooledConnection::~PooledConnection() { give_back(); }

void PooledConnection::give_back() {
  if (connection_) pool_->release(std::move(connection_));
}

Result<PooledConnection> Pool::acquire() {
  std::unique_lock lock(mutex_);
  ++waiting_;
  bool available = returned_.wait_for(lock, options_.acquire_timeout, [&] { return !idle_.empty() || open_ < options_.size; });
  --waiting_;
  if (!available) {
    return Status::unavailable("all " + std::to_string(options_.size) + " database connections stayed busy for " +
                               std::to_string(options_.acquire_timeout.count()) + " ms");
  }
  std::unique_ptr<Connection> connection;
  if (!idle_.empty()) {
    connection = std::move(idle_.back());
    idle_.pop_back();
  } else {
    ++open_;  // reserve the slot for the connection opened below
  }
  lock.unlock();

  auto usable = make_usable(std::move(connection));
  if (!usable) {
    std::lock_guard relock(mutex_);
    --open_;
    returned_.notify_one();
    return usable.status();
  }
  return PooledConnection(this, std::move(usable.value()));
}

// Opens a connection when there is none, or repairs one the server dropped while it was idle.
Result<std::unique_ptr<Connection>> Pool::make_usable(std::unique_ptr<Connection> connection) {
  if (!connection) return Connection::open(options_.url);
  if (connection->is_healthy()) return connection;
  if (Status reset = connection->reset(); !reset) return reset;
  return connection;
}

void Pool::release(std::unique_ptr<Connection> connection) {
  if (PQstatus(connection->native()) == CONNECTION_OK && PQtransactionStatus(connection->native()) != PQTRANS_IDLE) {
    // A lease abandoned mid-transaction must not leak its state; if even this fails, the check
    // below finds the connection not idle and drops it.
    static_cast<void>(connection->exec_script("ROLLBACK"));
  }
  bool reusable = PQstatus(connection->native()) == CONNECTION_OK && PQtransactionStatus(connection->native()) == PQTRANS_IDLE;
  std::lock_guard lock(mutex_);
  if (reusable) {
    idle_.push_back(std::move(connection));
  } else {
    --open_;
  }
  returned_.notify_one();
}

PoolStats Pool::stats() const {
  std::lock_guard lock(mutex_);
  return {open_, static_cast<int>(idle_.size()), waiting_};
}

}  // namespace mobility::db
