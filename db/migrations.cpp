#include "db/migrations.hpp"

#include <algorithm>
#include <cctype>
#include <map>

#include "base/sha256.hpp"
#include "db/transaction.hpp"

namespace mobility::embedded {
const std::vector<EmbeddedFile>& migration_files();
}

namespace mobility::db {
namespace {

// Arbitrary but fixed: the ASCII bytes of "MOBILITY".
constexpr int64_t kMigrationLockKey = 0x4d4f42494c495459;

constexpr const char* kCreateTable = R"(
CREATE TABLE IF NOT EXISTS schema_migrations (
  version    integer PRIMARY KEY,
  name       text NOT NULL,
  checksum   text NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now()
))";

// Holds the advisory lock for the lifetime of the object; the server also drops it if the
// connection dies, so a crashed migrator never blocks the next one.
class MigrationLock {
 public:
  explicit MigrationLock(Connection& connection) : connection_(connection) {}
  Status acquire() {
    auto locked = connection_.exec("SELECT pg_advisory_lock($1)", {kMigrationLockKey});
    held_ = locked.is_ok();
    return locked.status().with_context("taking the migration lock");
  }
  ~MigrationLock() {
    // A failed unlock ends with the session, which releases the lock anyway.
    if (held_) static_cast<void>(connection_.exec("SELECT pg_advisory_unlock($1)", {kMigrationLockKey}));
  }

 private:
  Connection& connection_;
  bool held_ = false;
};

struct Recorded {
  std::string name;
  std::string checksum;
  std::string applied_at;
};

Result<std::map<int, Recorded>> read_recorded(Connection& connection) {
  auto rows = connection.exec("SELECT version, name, checksum, applied_at::text FROM schema_migrations ORDER BY version");
  if (!rows) return rows.status().with_context("reading schema_migrations");
  std::map<int, Recorded> recorded;
  for (Row row : *rows) {
    recorded[row.get<int>("version")] = {row.get<std::string>("name"), row.get<std::string>("checksum"),
                                         row.get<std::string>("applied_at")};
  }
  return recorded;
}

const Migration* find_version(const std::vector<Migration>& migrations, int version) {
  for (const auto& migration : migrations) {
    if (migration.version == version) return &migration;
  }
  return nullptr;
}

// Every applied migration must be one this program ships, unchanged.
Status verify_recorded(const std::map<int, Recorded>& recorded, const std::vector<Migration>& migrations) {
  for (const auto& [version, applied] : recorded) {
    const Migration* known = find_version(migrations, version);
    if (known == nullptr) {
      return Status::conflict("the database has migration " + applied.name +
                              " which this program does not know; is the program older than the database?");
    }
    if (known->name != applied.name || known->checksum != applied.checksum) {
      return Status::conflict("migration " + known->name + " differs from the one applied on " + applied.applied_at +
                              " (applied as " + applied.name + ", checksum " + applied.checksum.substr(0, 12) + "…, now " +
                              known->checksum.substr(0, 12) + "…); never edit an applied migration, add a new one instead");
    }
  }
  return Status::ok();
}

// Pending migrations must all come after the newest applied one, so every database sees the same order.
Status verify_order(const std::map<int, Recorded>& recorded, const std::vector<Migration>& migrations) {
  if (recorded.empty()) return Status::ok();
  int newest = recorded.rbegin()->first;
  for (const auto& migration : migrations) {
    if (!recorded.count(migration.version) && migration.version < newest) {
      return Status::conflict("migration " + migration.name + " is not applied but " + recorded.rbegin()->second.name +
                              " already is; give it a number after " + std::to_string(newest));
    }
  }
  return Status::ok();
}

Status apply(Connection& connection, const Migration& migration) {
  auto tx = Transaction::begin(connection);
  if (!tx) return tx.status();
  if (auto done = connection.exec_script(migration.sql); !done) return done.status().with_context(migration.name);
  auto recorded = tx->exec("INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)",
                           {migration.version, migration.name, migration.checksum});
  if (!recorded) return recorded.status().with_context("recording " + migration.name);
  return tx->commit().with_context(migration.name);
}

Result<std::map<int, Recorded>> lock_and_verify(Connection& connection, const std::vector<Migration>& migrations) {
  if (auto created = connection.exec_script(kCreateTable); !created) {
    return created.status().with_context("creating schema_migrations");
  }
  auto recorded = read_recorded(connection);
  if (!recorded) return recorded;
  if (Status status = verify_recorded(*recorded, migrations); !status) return status;
  if (Status status = verify_order(*recorded, migrations); !status) return status;
  return recorded;
}

}  // namespace

Result<std::vector<Migration>> migrations_from_files(const std::vector<EmbeddedFile>& files) {
  std::vector<Migration> migrations;
  for (const auto& file : files) {
    std::string name(file.name);
    size_t slash = name.rfind('/');
    if (slash != std::string::npos) name = name.substr(slash + 1);
    bool well_formed =
        name.size() > 9 && std::all_of(name.begin(), name.begin() + 4, ::isdigit) && name[4] == '_' && name.ends_with(".sql");
    if (!well_formed) return Status::invalid_argument("migration file '" + name + "' is not named NNNN_name.sql");
    int version = std::stoi(name.substr(0, 4));
    if (version == 0) return Status::invalid_argument("migration file '" + name + "': versions start at 0001");
    if (find_version(migrations, version)) {
      return Status::invalid_argument("two migration files have version " + name.substr(0, 4));
    }
    std::string sql(file.content);
    migrations.push_back({version, name, sql, sha256_hex(sql)});
  }
  std::sort(migrations.begin(), migrations.end(), [](const auto& a, const auto& b) { return a.version < b.version; });
  return migrations;
}

Result<std::vector<Migration>> builtin_migrations() { return migrations_from_files(embedded::migration_files()); }

Result<MigrationReport> migrate(Connection& connection, const std::vector<Migration>& migrations) {
  MigrationLock lock(connection);
  if (Status status = lock.acquire(); !status) return status;
  auto recorded = lock_and_verify(connection, migrations);
  if (!recorded) return recorded.status();

  MigrationReport report;
  for (const auto& migration : migrations) {
    if (recorded->count(migration.version)) {
      ++report.already_applied;
      continue;
    }
    if (Status status = apply(connection, migration); !status) return status;
    report.applied_now.push_back(migration.name);
  }
  return report;
}

Result<std::vector<MigrationState>> migration_status(Connection& connection, const std::vector<Migration>& migrations) {
  MigrationLock lock(connection);
  if (Status status = lock.acquire(); !status) return status;
  auto recorded = lock_and_verify(connection, migrations);
  if (!recorded) return recorded.status();
  std::vector<MigrationState> states;
  for (const auto& migration : migrations) {
    auto found = recorded->find(migration.version);
    bool applied = found != recorded->end();
    states.push_back({migration, applied, applied ? found->second.applied_at : ""});
  }
  return states;
}

}  // namespace mobility::db
