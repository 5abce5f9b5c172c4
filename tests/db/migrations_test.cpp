// Migrations against real, empty databases: order, checksums, atomicity, concurrency; and a
// migration that fills in what rows stored before it lack.
#include "db/migrations.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <thread>

#include "tests/support/test_database.hpp"

namespace mobility::db {
namespace {

std::vector<Migration> make(const std::vector<std::pair<std::string, std::string>>& files) {
  std::vector<EmbeddedFile> embedded;
  for (const auto& [name, sql] : files) embedded.push_back({name, sql});
  auto migrations = migrations_from_files(embedded);
  EXPECT_TRUE(migrations) << migrations.status().to_string();
  return migrations ? *migrations : std::vector<Migration>{};
}

std::unique_ptr<Connection> fresh_database() {
  auto connection = Connection::open(testing::create_empty_database());
  EXPECT_TRUE(connection) << connection.status().to_string();
  return connection ? std::move(connection.value()) : nullptr;
}

std::vector<std::string> applied_names(Connection& connection) {
  std::vector<std::string> names;
  auto rows = connection.exec("SELECT name FROM schema_migrations ORDER BY applied_at, version");
  for (Row row : *rows) names.push_back(row.get<std::string>(0));
  return names;
}

const std::pair<std::string, std::string> kFirst = {"0001_log.sql", "CREATE TABLE log (entry text NOT NULL);"};
const std::pair<std::string, std::string> kSecond = {"0002_first_entry.sql", "INSERT INTO log VALUES ('second');"};
const std::pair<std::string, std::string> kThird = {"0003_more.sql",
                                                    "ALTER TABLE log ADD COLUMN at int; INSERT INTO log VALUES ('third', 3);"};

TEST(Migrations, BuiltinMigrationsAreWellFormedAndApply) {
  auto builtin = builtin_migrations();
  ASSERT_TRUE(builtin) << builtin.status().to_string();
  ASSERT_FALSE(builtin->empty());
  EXPECT_EQ(builtin->front().version, 1);
  auto connection = fresh_database();
  auto report = migrate(*connection, *builtin);
  ASSERT_TRUE(report) << report.status().to_string();
  EXPECT_EQ(report->applied_now.size(), builtin->size());
  EXPECT_TRUE(connection->exec("SELECT hei_id FROM hosted_hei"));
}

TEST(Migrations, FileNamesAreCheckedAndSortedByVersion) {
  auto sorted = make({kThird, kFirst, kSecond});
  ASSERT_EQ(sorted.size(), 3u);
  EXPECT_EQ(sorted[0].name, "0001_log.sql");
  EXPECT_EQ(sorted[2].name, "0003_more.sql");
  EXPECT_FALSE(migrations_from_files({{"1_short.sql", ""}}));
  EXPECT_FALSE(migrations_from_files({{"0001_no_extension", ""}}));
  EXPECT_FALSE(migrations_from_files({{"0000_zero.sql", ""}}));
  auto duplicate = migrations_from_files({{"0001_a.sql", ""}, {"0001_b.sql", ""}});
  EXPECT_NE(duplicate.status().message().find("two migration files have version 0001"), std::string::npos);
}

TEST(Migrations, AppliesInOrderOnceAndRecordsChecksums) {
  auto connection = fresh_database();
  auto migrations = make({kThird, kSecond, kFirst});
  auto report = migrate(*connection, migrations);
  ASSERT_TRUE(report) << report.status().to_string();
  EXPECT_EQ(report->applied_now, (std::vector<std::string>{"0001_log.sql", "0002_first_entry.sql", "0003_more.sql"}));

  auto again = migrate(*connection, migrations);
  ASSERT_TRUE(again);
  EXPECT_TRUE(again->applied_now.empty());
  EXPECT_EQ(again->already_applied, 3);
  EXPECT_EQ(connection->exec("SELECT count(*) FROM log")->front().get<int64_t>(0), 2);

  auto checksum = connection->exec("SELECT checksum FROM schema_migrations WHERE version = 1");
  EXPECT_EQ(checksum->front().get<std::string>(0), migrations[0].checksum);
  EXPECT_EQ(migrations[0].checksum.size(), 64u);
}

TEST(Migrations, AppliesOnlyWhatIsNew) {
  auto connection = fresh_database();
  ASSERT_TRUE(migrate(*connection, make({kFirst})));
  auto report = migrate(*connection, make({kFirst, kSecond}));
  ASSERT_TRUE(report);
  EXPECT_EQ(report->applied_now, std::vector<std::string>{"0002_first_entry.sql"});
  EXPECT_EQ(report->already_applied, 1);
}

TEST(Migrations, EditedAppliedMigrationIsAnErrorAndAppliesNothing) {
  auto connection = fresh_database();
  ASSERT_TRUE(migrate(*connection, make({kFirst})));
  auto edited = make({{"0001_log.sql", "CREATE TABLE log (entry text);"}, kSecond});
  auto report = migrate(*connection, edited);
  ASSERT_FALSE(report);
  EXPECT_EQ(report.status().code(), Status::Code::kConflict);
  EXPECT_NE(report.status().message().find("0001_log.sql differs"), std::string::npos) << report.status().message();
  EXPECT_EQ(applied_names(*connection), std::vector<std::string>{"0001_log.sql"});
}

TEST(Migrations, UnknownAppliedMigrationMeansTheProgramIsOlder) {
  auto connection = fresh_database();
  ASSERT_TRUE(migrate(*connection, make({kFirst, kSecond})));
  auto report = migrate(*connection, make({kFirst}));
  ASSERT_FALSE(report);
  EXPECT_NE(report.status().message().find("program older than the database"), std::string::npos);
}

TEST(Migrations, PendingMigrationOlderThanAnAppliedOneIsRefused) {
  auto connection = fresh_database();
  ASSERT_TRUE(migrate(*connection, make({kFirst, kThird})));
  auto report = migrate(*connection, make({kFirst, kSecond, kThird}));
  ASSERT_FALSE(report);
  EXPECT_NE(report.status().message().find("0002_first_entry.sql is not applied"), std::string::npos);
}

TEST(Migrations, FailingMigrationLeavesNoTrace) {
  auto connection = fresh_database();
  auto migrations = make({kFirst, {"0002_broken.sql", "INSERT INTO log VALUES ('half'); INSERT INTO nowhere VALUES (1);"}});
  auto report = migrate(*connection, migrations);
  ASSERT_FALSE(report);
  EXPECT_NE(report.status().message().find("0002_broken.sql"), std::string::npos);
  EXPECT_EQ(report.status().sqlstate(), "42P01");
  EXPECT_EQ(applied_names(*connection), std::vector<std::string>{"0001_log.sql"});
  EXPECT_EQ(connection->exec("SELECT count(*) FROM log")->front().get<int64_t>(0), 0);
}

TEST(Migrations, ConcurrentMigratorsApplyEachMigrationOnce) {
  std::string url = testing::create_empty_database();
  // The sleep widens the window in which a second migrator would run the same migration.
  auto migrations = make(
      {{"0001_slow.sql", "SELECT pg_sleep(0.3); CREATE TABLE once (id int);"}, {"0002_row.sql", "INSERT INTO once VALUES (1);"}});
  std::vector<Result<MigrationReport>> reports(4, Status::internal("not run"));
  std::vector<std::thread> threads;
  for (size_t i = 0; i < reports.size(); ++i) {
    threads.emplace_back([&, i] {
      auto connection = Connection::open(url);
      reports[i] = connection ? migrate(**connection, migrations) : Result<MigrationReport>(connection.status());
    });
  }
  for (auto& thread : threads) thread.join();
  size_t applied = 0;
  for (const auto& report : reports) {
    ASSERT_TRUE(report) << report.status().to_string();
    applied += report->applied_now.size();
  }
  EXPECT_EQ(applied, 2u);
  auto connection = Connection::open(url);
  EXPECT_EQ((*connection)->exec("SELECT count(*) FROM once")->front().get<int64_t>(0), 1);
}

TEST(Migrations, StatusListsAppliedAndPending) {
  auto connection = fresh_database();
  ASSERT_TRUE(migrate(*connection, make({kFirst})));
  auto states = migration_status(*connection, make({kFirst, kSecond}));
  ASSERT_TRUE(states);
  ASSERT_EQ(states->size(), 2u);
  EXPECT_TRUE((*states)[0].applied);
  EXPECT_FALSE((*states)[0].applied_at.empty());
  EXPECT_FALSE((*states)[1].applied);
}

// Migration 0024 gives the pre-approval lines proposed before it the term a new line starts with
// (mobilities::first_term): the mobility's sending academic term's, else 1 of 2; from then on a
// term is required and must be one a learning agreement's component may have.
TEST(Migrations, PreapprovalLinesFromBeforeTheirTermGetTheMobilitysFirstTerm) {
  auto builtin = builtin_migrations();
  ASSERT_TRUE(builtin) << builtin.status().to_string();
  auto first_with_terms = std::find_if(builtin->begin(), builtin->end(),
                                       [](const Migration& m) { return m.name == "0024_preapproval_line_term.sql"; });
  ASSERT_NE(first_with_terms, builtin->end());
  auto connection = fresh_database();
  ASSERT_TRUE(migrate(*connection, std::vector<Migration>(builtin->begin(), first_with_terms)));
  for (const char* sql : {
           "INSERT INTO hei (hei_id) VALUES ('home.example'), ('host.example')",
           "INSERT INTO hosted_hei (hei_id, admin_email) VALUES ('home.example', 'io@home.example')",
           "INSERT INTO omobility (omobility_id, sending_hei_id, receiving_hei_id, receiving_academic_year_id, global_id,"
           " status, proposal_id, content) SELECT id, 'home.example', 'host.example', '2026/2027', 'esi-' || id, 'pending',"
           " 'p', jsonb_build_object('nomination', jsonb_build_object('sending_academic_term_id', term))"
           " FROM (VALUES ('spring', '2026/2027-2/2'), ('year', '2026/2027-1/1'), ('non-standard', NULL)) AS m (id, term)",
           "INSERT INTO preapproval_line (omobility_id, host_course_title, host_credits, home_credits, state)"
           " SELECT id, 'Course', 5, 5, 'approved' FROM (VALUES ('spring'), ('year'), ('non-standard')) AS m (id)",
       }) {
    ASSERT_TRUE(connection->exec(sql)) << sql;
  }
  ASSERT_TRUE(migrate(*connection, *builtin));
  auto terms = connection->exec(
      "SELECT string_agg(omobility_id || ' ' || term_number || '/' || total_terms, ', ' ORDER BY line_id) FROM preapproval_line");
  ASSERT_TRUE(terms) << terms.status().to_string();
  EXPECT_EQ(terms->front().get<std::string>(0), "spring 2/2, year 1/1, non-standard 1/2");
  for (const char* term : {"NULL, 2", "3, 2", "1, 10", "0, 1"}) {
    auto refused = connection->exec(
        std::string("INSERT INTO preapproval_line (omobility_id, host_course_title, host_credits, home_credits, state,"
                    " term_number, total_terms) VALUES ('spring', 'Course', 5, 5, 'proposed', ") +
        term + ")");
    EXPECT_FALSE(refused) << term;
  }
}

}  // namespace
}  // namespace mobility::db
