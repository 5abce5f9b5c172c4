// Transaction: BEGIN on construction, ROLLBACK on destruction unless commit() succeeded.
//
//   auto tx = db::Transaction::begin(*conn);
//   if (!tx) return tx.status();
//   if (auto rows = tx->exec("UPDATE ...", {...}); !rows) return rows.status();  // rolled back
//   return tx->commit();
#pragma once

#include "db/connection.hpp"

namespace mobility::db {

class Transaction {
 public:
  static Result<Transaction> begin(Connection& connection);

  Transaction(Transaction&& other) noexcept : connection_(other.connection_), open_(other.open_) {
    other.open_ = false;
  }
  Transaction& operator=(Transaction&&) = delete;
  ~Transaction();

  Result<Rows> exec(std::string_view sql, const Params& params = {}) { return connection_->exec(sql, params); }
  Status commit();
  Connection& connection() { return *connection_; }

 private:
  explicit Transaction(Connection& connection) : connection_(&connection) {}

  Connection* connection_;
  bool open_ = true;
};

}  // namespace mobility::db
