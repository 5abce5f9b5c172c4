// Transaction: BEGIN on construction, ROLLBACK on destruction unless commit() succeeded.
// Begun on a connection that is already in a transaction, it is a savepoint inside it instead
// (commit releases the savepoint, destruction rolls back to it), so an operation that runs in a
// transaction of its own can also be one step of a larger one.
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

  Transaction(Transaction&& other) noexcept : connection_(other.connection_), open_(other.open_), nested_(other.nested_) {
    other.open_ = false;
  }
  Transaction& operator=(Transaction&&) = delete;
  ~Transaction();

  Result<Rows> exec(std::string_view sql, const Params& params = {}) { return connection_->exec(sql, params); }
  Status commit();
  Connection& connection() { return *connection_; }

 private:
  Transaction(Connection& connection, bool nested) : connection_(&connection), nested_(nested) {}

  Connection* connection_;
  bool open_ = true;
  bool nested_ = false;  // a savepoint in an enclosing transaction
};

}  // namespace mobility::db
