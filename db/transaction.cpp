#include "db/transaction.hpp"

namespace mobility::db {

Result<Transaction> Transaction::begin(Connection& connection) {
  if (auto begun = connection.exec_script("BEGIN"); !begun) return begun.status().with_context("BEGIN");
  return Transaction(connection);
}

Transaction::~Transaction() {
  if (open_) connection_->exec_script("ROLLBACK");
}

Status Transaction::commit() {
  if (!open_) return Status::internal("commit() on a transaction that is no longer open");
  open_ = false;
  auto tag = connection_->exec_script("COMMIT");
  if (!tag) return tag.status().with_context("COMMIT");
  // PostgreSQL answers COMMIT of a transaction in which a statement failed with ROLLBACK.
  if (*tag == "ROLLBACK") return Status::conflict("the transaction was rolled back because a statement in it failed");
  return Status::ok();
}

}  // namespace mobility::db
