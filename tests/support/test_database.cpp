#include "tests/support/test_database.hpp"

#include <libpq-fe.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <mutex>
#include <stdexcept>
#include <vector>

#include "agreements/demo_agreements.hpp"
#include "base/sha256.hpp"
#include "db/connection.hpp"
#include "db/demo_seed.hpp"
#include "db/migrations.hpp"
#include "ewp-node/apis/iias-v7/iia_xml.hpp"

namespace mobility::testing {
namespace {

namespace fs = std::filesystem;

// Serialises template building and copying across test processes sharing one server.
constexpr int64_t kTemplateLockKey = 0x4d4f42544553542d;

std::string postgres_bin() {
  std::string best;
  for (const auto& entry : fs::directory_iterator("/usr/lib/postgresql")) {
    std::string version = entry.path().filename().string();
    if (fs::exists(entry.path() / "bin" / "initdb") && (best.empty() || std::stoi(version) > std::stoi(best))) {
      best = version;
    }
  }
  if (best.empty()) throw std::runtime_error("no PostgreSQL server under /usr/lib/postgresql; run ops/install-deps");
  return "/usr/lib/postgresql/" + best + "/bin/";
}

// Runs a PostgreSQL server program as the unprivileged postgres user when we are root.
Status run_as_postgres(const std::string& command) {
  std::string line = (geteuid() == 0 ? "runuser -u postgres -- " : "") + command;
  int code = std::system(line.c_str());
  if (code != 0) return Status::internal("command failed (" + std::to_string(code) + "): " + line);
  return Status::ok();
}

db::Connection& must(Result<std::unique_ptr<db::Connection>>& connection, const std::string& what) {
  if (!connection) throw std::runtime_error(what + ": " + connection.status().to_string());
  return **connection;
}

void must_exec(db::Connection& connection, const std::string& sql, const db::Params& params = {}) {
  auto rows = connection.exec(sql, params);
  if (!rows) throw std::runtime_error(sql + ": " + rows.status().to_string());
}

std::string quote_identifier(db::Connection& connection, const std::string& name) {
  char* quoted = PQescapeIdentifier(connection.native(), name.c_str(), name.size());
  std::string result = quoted;
  PQfreemem(quoted);
  return result;
}

bool database_exists(db::Connection& admin, const std::string& name) {
  auto rows = admin.exec("SELECT 1 FROM pg_database WHERE datname = $1", {name});
  return rows && !rows->empty();
}

// Databases this process created, dropped at exit; and the private cluster, if one was started.
struct Resources {
  std::mutex mutex;
  std::unique_ptr<TestCluster> private_cluster;
  std::string admin_url;
  std::vector<std::string> databases;
  std::atomic<int> counter{0};

  ~Resources() {
    if (private_cluster || databases.empty()) return;  // a private cluster is deleted whole
    auto admin = db::Connection::open(admin_url);
    if (!admin) return;
    for (const auto& name : databases) {
      // Clean-up at exit: a database left behind is dropped by the next ops/test.
      static_cast<void>((*admin)->exec_script("DROP DATABASE IF EXISTS " + quote_identifier(**admin, name) + " WITH (FORCE)"));
    }
  }
};

Resources& resources() {
  static Resources instance;
  return instance;
}

void remember_for_cleanup(const std::string& database) {
  std::lock_guard lock(resources().mutex);
  resources().databases.push_back(database);
}

std::string next_database_name() {
  return "mobility_t_" + std::to_string(getpid()) + "_" + std::to_string(++resources().counter);
}

std::string template_name(const std::vector<db::Migration>& migrations) {
  std::string checksums;
  for (const auto& migration : migrations) checksums += migration.checksum;
  return "mobility_t_template_" + sha256_hex(checksums).substr(0, 12);
}

void build_template(db::Connection& admin, const std::string& name, const std::vector<db::Migration>& migrations) {
  std::string partial = name + "_partial";
  must_exec(admin, "DROP DATABASE IF EXISTS " + quote_identifier(admin, partial) + " WITH (FORCE)");
  must_exec(admin, "CREATE DATABASE " + quote_identifier(admin, partial));
  {
    auto connection = db::Connection::open(with_database(admin_url(), partial));
    auto report = db::migrate(must(connection, "connecting to the template"), migrations);
    if (!report) throw std::runtime_error("migrating the test template: " + report.status().to_string());
  }
  must_exec(admin, "ALTER DATABASE " + quote_identifier(admin, partial) + " RENAME TO " + quote_identifier(admin, name));
}

// The demo data (and, when `demo_agreements`, the demo agreements) in the migrated database `url`.
void seed_demo_data(const std::string& url, bool demo_agreements) {
  auto opened = db::Connection::open(url);
  db::Connection& connection = must(opened, "connecting to the demo database");
  if (auto seeded = db::seed_demo(connection); !seeded)
    throw std::runtime_error("seeding the demo data: " + seeded.status().to_string());
  if (demo_agreements) {
    auto seeded = agreements::seed_demo_agreements(connection, ewp::served_iia_hash);
    if (!seeded) throw std::runtime_error("seeding the demo agreements: " + seeded.status().to_string());
  }
}

}  // namespace

Result<std::unique_ptr<TestCluster>> TestCluster::start() {
  char pattern[] = "/tmp/mobility-pg-XXXXXX";
  if (mkdtemp(pattern) == nullptr) return Status::internal("mkdtemp failed");
  std::unique_ptr<TestCluster> cluster(new TestCluster(pattern));
  if (geteuid() == 0) std::system(("chown postgres:postgres " + cluster->directory_).c_str());
  Status initialised =
      run_as_postgres(postgres_bin() + "initdb -D " + cluster->directory_ +
                      "/data -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >" + cluster->directory_ + "/initdb.log 2>&1");
  if (!initialised) return initialised;
  if (Status started = cluster->resume(); !started) return started;
  return cluster;
}

TestCluster::~TestCluster() {
  if (running_) static_cast<void>(stop());  // at exit; nothing is left to tell
  std::error_code ignored;
  fs::remove_all(directory_, ignored);
}

std::string TestCluster::url(const std::string& database) const {
  return "host=" + directory_ + " port=5432 user=postgres dbname=" + database;
}

Status TestCluster::pg_ctl(const std::string& action) const {
  return run_as_postgres(postgres_bin() + "pg_ctl -D " + directory_ + "/data -l " + directory_ + "/server.log -w " + "-o \"-k " +
                         directory_ + " -p 5432 -c listen_addresses=''\" " + action + " >/dev/null");
}

Status TestCluster::stop() {
  Status status = pg_ctl("-m fast stop");
  if (status) running_ = false;
  return status;
}

Status TestCluster::resume() {
  Status status = pg_ctl("start");
  if (status) running_ = true;
  return status;
}

const std::string& admin_url() {
  Resources& shared = resources();
  std::lock_guard lock(shared.mutex);
  if (shared.admin_url.empty()) {
    if (const char* url = std::getenv("MOBILITY_TEST_DATABASE_URL"); url != nullptr && *url != '\0') {
      shared.admin_url = url;
    } else {
      auto cluster = TestCluster::start();
      if (!cluster) throw std::runtime_error("cannot start a test PostgreSQL: " + cluster.status().to_string());
      shared.private_cluster = std::move(cluster.value());
      shared.admin_url = shared.private_cluster->url();
    }
  }
  return shared.admin_url;
}

std::string with_database(const std::string& url, const std::string& database) {
  char* error = nullptr;
  PQconninfoOption* options = PQconninfoParse(url.c_str(), &error);
  if (options == nullptr) {
    PQfreemem(error);
    throw std::runtime_error("cannot parse database URL");
  }
  auto quote = [](const std::string& value) {
    std::string quoted = "'";
    for (char c : value) {
      if (c == '\'' || c == '\\') quoted += '\\';
      quoted += c;
    }
    return quoted + "'";
  };
  std::string conninfo;
  for (PQconninfoOption* option = options; option->keyword != nullptr; ++option) {
    if (option->val == nullptr || std::string(option->keyword) == "dbname") continue;
    conninfo += std::string(option->keyword) + "=" + quote(option->val) + " ";
  }
  PQconninfoFree(options);
  return conninfo + "dbname=" + quote(database);
}

std::string create_empty_database() {
  auto admin = db::Connection::open(admin_url());
  db::Connection& connection = must(admin, "connecting to the test server");
  std::string name = next_database_name();
  must_exec(connection, "CREATE DATABASE " + quote_identifier(connection, name));
  remember_for_cleanup(name);
  return with_database(admin_url(), name);
}

std::string create_migrated_database() {
  auto migrations = db::builtin_migrations();
  if (!migrations) throw std::runtime_error(migrations.status().to_string());
  auto admin = db::Connection::open(admin_url());
  db::Connection& connection = must(admin, "connecting to the test server");
  must_exec(connection, "SELECT pg_advisory_lock($1)", {kTemplateLockKey});
  std::string template_db = template_name(*migrations);
  if (!database_exists(connection, template_db)) build_template(connection, template_db, *migrations);
  std::string name = next_database_name();
  must_exec(connection,
            "CREATE DATABASE " + quote_identifier(connection, name) + " TEMPLATE " + quote_identifier(connection, template_db));
  must_exec(connection, "SELECT pg_advisory_unlock($1)", {kTemplateLockKey});
  remember_for_cleanup(name);
  return with_database(admin_url(), name);
}

std::string create_demo_database(bool demo_agreements) {
  std::string url = create_migrated_database();
  seed_demo_data(url, demo_agreements);
  return url;
}

std::string create_database_on(const TestCluster& cluster, bool demo) {
  std::string name = next_database_name();
  {
    auto admin = db::Connection::open(cluster.url());
    db::Connection& connection = must(admin, "connecting to the private test server");
    must_exec(connection, "CREATE DATABASE " + quote_identifier(connection, name));
  }
  auto migrations = db::builtin_migrations();
  if (!migrations) throw std::runtime_error(migrations.status().to_string());
  auto opened = db::Connection::open(cluster.url(name));
  auto report = db::migrate(must(opened, "connecting to the new database"), *migrations);
  if (!report) throw std::runtime_error("migrating the new database: " + report.status().to_string());
  if (demo) seed_demo_data(cluster.url(name), /*demo_agreements=*/true);
  return cluster.url(name);
}

Result<std::unique_ptr<db::Connection>> open_demo_database() {
  auto opened = db::Connection::open(create_migrated_database());
  if (!opened) return opened.status();
  if (auto seeded = db::seed_demo(**opened); !seeded) return seeded.status();
  return opened;
}

}  // namespace mobility::testing
