// Real PostgreSQL for tests.
//
// The shared server is the one named by MOBILITY_TEST_DATABASE_URL (ops/test starts it and sets
// the variable: a superuser URL to the maintenance database). Without it, the first call starts a
// private TestCluster for this process, so `ctest` also works on its own.
//
// Each test process gets fresh databases named mobility_t_<pid>_<n>, dropped when the process
// ends. Migrated databases are copied from a template built once per set of migrations.
#pragma once

#include <memory>
#include <string>

#include "base/status.hpp"
#include "db/connection.hpp"

namespace mobility::testing {

// A throwaway PostgreSQL cluster in a temporary directory, reachable only through its Unix
// socket; stopped and deleted on destruction. Start one directly to stop and restart a server
// without disturbing other tests.
class TestCluster {
 public:
  static Result<std::unique_ptr<TestCluster>> start();
  ~TestCluster();

  // Superuser URL for database `database`.
  std::string url(const std::string& database = "postgres") const;
  Status stop();
  Status resume();  // start again after stop()

 private:
  explicit TestCluster(std::string directory) : directory_(std::move(directory)) {}
  Status pg_ctl(const std::string& action) const;

  std::string directory_;
  bool running_ = false;
};

// Superuser URL of the maintenance database of the shared test server.
const std::string& admin_url();

// URL of `url` with its database name replaced.
std::string with_database(const std::string& url, const std::string& database);

// A new, empty database on the shared server; returns its URL.
std::string create_empty_database();

// A new database with every built-in migration applied; returns its URL.
std::string create_migrated_database();

// A new migrated database with the demo data (db/demo_seed.hpp) and, when `demo_agreements`, the
// demo agreements (agreements/demo_agreements.hpp, hashed as the node serves them); returns its
// URL. Throws std::runtime_error when seeding fails.
std::string create_demo_database(bool demo_agreements = false);

// A new database on `cluster` (a private server the test may stop) with every built-in migration
// applied and, when `demo`, the demo data and agreements as create_demo_database(true) seeds
// them; returns its URL. Throws std::runtime_error when that fails.
std::string create_database_on(const TestCluster& cluster, bool demo = false);

// A connection to a fresh migrated database with the demo data (db/demo_seed.hpp).
Result<std::unique_ptr<db::Connection>> open_demo_database();

}  // namespace mobility::testing
