#include "db/transaction.hpp"

namespace mobility::db {

namespace {

constexpr const char* kSavepoint = "mobility_nested";

}  // namespace

Result<Transaction> Transaction::begin(Connection& connection) {
  bool nested = PQtransactionStatus(connection.native()) != PQTRANS_IDLE;
  std::string statement = nested ? std::string("SAVEPOINT ") + kSavepoint : "BEGIN";
  if (auto begun = connection.exec_script(statement); !begun) return begun.status().with_context(statement);
  return Transaction(connection, nested);
}

Transaction::~Transaction() {
  if (!open_) return;
  // A rollback that fails leaves the connection in a transaction; the pool drops such a one.
  if (nested_) {
    static_cast<void>(
        connection_->exec_script(std::string("ROLLBACK TO SAVEPOINT ") + kSavepoint + "; RELEASE SAVEPOINT " + kSavepoint));
  } else {
    static_cast<void>(connection_->exec_script("ROLLBACK"));
  }
}

Status Transaction::commit() {
  if (!open_) return Status::internal("commit() on a transaction that is no longer open");
  open_ = false;
  if (nested_) {
    auto released = connection_->exec_script(std::string("RELEASE SAVEPOINT ") + kSavepoint);
    return released ? Status::ok() : released.status().with_context("RELEASE SAVEPOINT");
  }
  auto tag = connection_->exec_script("COMMIT");
  if (!tag) return tag.status().with_context("COMMIT");
  // PostgreSQL answers COMMIT of a transaction in which a statement failed with ROLLBACK.
  if (*tag == "ROLLBACK") return Status::conflict("the transaction was rolled back because a statement in it failed");
  return Status::ok();
}

}  // namespace mobility::db
