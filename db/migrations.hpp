// Schema migrations: numbered SQL files in db/migrations/ (NNNN_what_it_does.sql), compiled into
// the binary and applied in version order.
//
// migrate() takes a session-level advisory lock, so two processes migrating the same database at
// once apply each migration exactly once. Each migration runs in its own transaction together with
// its row in schema_migrations (version, name, SHA-256 checksum, applied_at); a failing migration
// leaves no trace. Before applying anything, every recorded migration must match the binary's
// copy byte for byte: an edited, renamed or unknown applied migration is an error and nothing
// is applied.
#pragma once

#include <string>
#include <vector>

#include "base/embedded_file.hpp"
#include "db/connection.hpp"

namespace mobility::db {

struct Migration {
  int version = 0;
  std::string name;  // file name, e.g. "0001_institutions.sql"
  std::string sql;
  std::string checksum;  // lower-case hex SHA-256 of sql
};

// Parses and orders embedded files named NNNN_name.sql; rejects malformed names and duplicate versions.
Result<std::vector<Migration>> migrations_from_files(const std::vector<EmbeddedFile>& files);

// The migrations shipped in db/migrations/.
Result<std::vector<Migration>> builtin_migrations();

struct MigrationState {
  Migration migration;
  bool applied = false;
  std::string applied_at;  // empty when pending
};

struct MigrationReport {
  std::vector<std::string> applied_now;  // names, in order
  int already_applied = 0;
};

Result<MigrationReport> migrate(Connection& connection, const std::vector<Migration>& migrations);

// Every known migration with whether it is applied; verifies checksums like migrate().
Result<std::vector<MigrationState>> migration_status(Connection& connection, const std::vector<Migration>& migrations);

}  // namespace mobility::db
