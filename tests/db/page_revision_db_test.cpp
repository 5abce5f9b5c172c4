// The page revision of each hosted HEI (migration 0026, db/page_revisions.hpp), against a real
// PostgreSQL with the demo data: a change to any table the cached pages show raises the revision
// of the HEI the row belongs to, once per transaction, at commit, and never another HEI's; a
// rolled-back change raises nothing; a partner's course catalogue raises every hosted HEI's.
#include <gtest/gtest.h>

#include "db/connection.hpp"
#include "db/institutions.hpp"
#include "db/page_revisions.hpp"
#include "db/transaction.hpp"
#include "mobilities/demo_mobilities.hpp"
#include "tests/support/test_database.hpp"

namespace mobility::db {
namespace {

constexpr const char* kHei = "fjordland.example";
constexpr const char* kOtherHei = "uni-other.example";

class PageRevisionTest : public ::testing::Test {
 protected:
  void SetUp() override {
    url_ = testing::create_demo_database();
    auto opened = Connection::open(url_);
    ASSERT_TRUE(opened) << opened.status().to_string();
    connection_ = std::move(*opened);
    auto seeded = mobilities::seed_demo_mobilities(*connection_);
    ASSERT_TRUE(seeded) << seeded.status().to_string();
    HeiToHost other;
    other.hei_id = kOtherHei;
    other.name = "Other University";
    other.admin_email = "admin@uni-other.example";
    ASSERT_TRUE(host_hei(*connection_, other));
  }

  std::string stamp(Connection& connection) {
    auto read = page_revision_stamp(connection, {kHei, kOtherHei});
    EXPECT_TRUE(read) << read.status().to_string();
    return read ? *read : "";
  }

  int64_t revision(const std::string& hei_id) {
    auto rows = connection_->exec("SELECT revision FROM page_revision WHERE hei_id = $1", {hei_id});
    EXPECT_TRUE(rows && rows->size() == 1);
    return rows && rows->size() == 1 ? rows->front().get<int64_t>("revision") : -1;
  }

  void exec(const std::string& sql) {
    auto done = connection_->exec(sql);
    ASSERT_TRUE(done) << sql << ": " << done.status().to_string();
  }

  std::string url_;
  std::unique_ptr<Connection> connection_;
};

TEST_F(PageRevisionTest, TheStampNamesEachHostedHeiAndItsRevision) {
  EXPECT_EQ(stamp(*connection_), std::string(kHei) + ":" + std::to_string(revision(kHei)) + "," + kOtherHei + ":0");
  auto none = page_revision_stamp(*connection_, {"not-hosted.example"});
  ASSERT_TRUE(none);
  EXPECT_EQ(*none, "") << "nothing to key a page by";
}

// Each watched table, touched by a no-op UPDATE of one of fjordland's rows, raises fjordland's
// revision by one and leaves the other HEI's alone. The list must name every table the trigger
// watches, so a table added to or dropped from migration 0026 is added here too.
TEST_F(PageRevisionTest, AChangeToAnyWatchedTableRaisesTheRevisionOfItsOwnHeiOnly) {
  const std::vector<std::pair<std::string, std::string>> rows_of_fjordland = {
      {"omobility", "sending_hei_id = 'fjordland.example'"},
      {"omobility_event", "omobility_id IN (SELECT omobility_id FROM omobility WHERE sending_hei_id = 'fjordland.example')"},
      {"learning_agreement", "omobility_id IN (SELECT omobility_id FROM omobility WHERE sending_hei_id = 'fjordland.example')"},
      {"la_version", "omobility_id IN (SELECT omobility_id FROM omobility WHERE sending_hei_id = 'fjordland.example')"},
      {"partner_omobility", "receiving_hei_id = 'fjordland.example'"},
      {"partner_la", "receiving_hei_id = 'fjordland.example'"},
      {"preapproval_line", "omobility_id IN (SELECT omobility_id FROM omobility WHERE sending_hei_id = 'fjordland.example')"},
      {"application_round", "hei_id = 'fjordland.example'"},
      {"application", "hei_id = 'fjordland.example'"},
      {"application_choice", "application_id IN (SELECT application_id FROM application WHERE hei_id = 'fjordland.example')"},
      {"host_course", "hei_id = 'fjordland.example'"},
      {"student", "hei_id = 'fjordland.example'"},
      {"organizational_unit", "hei_id = 'fjordland.example'"},
      {"ounit_name", "hei_id = 'fjordland.example'"},
  };
  std::vector<std::pair<std::string, std::string>> all = rows_of_fjordland;
  // The demo's rankings (of the closed round) are fjordland's.
  all.emplace_back("destination_ranking", "true");
  all.emplace_back("applicant_rank", "true");

  auto watched = connection_->exec(
      "SELECT string_agg(c.relname, ',' ORDER BY c.relname) AS tables FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid"
      " WHERE t.tgname = 'note_page_change' AND c.relname <> 'cnr_outbox'");
  ASSERT_TRUE(watched);
  std::vector<std::string> names;
  for (const auto& [table, unused] : all) names.push_back(table);
  std::sort(names.begin(), names.end());
  std::string listed;
  for (const auto& name : names) listed += (listed.empty() ? "" : ",") + name;
  EXPECT_EQ(watched->front().get<std::string>("tables"), listed);

  for (const auto& [table, condition] : all) {
    int64_t before = revision(kHei);
    int64_t other_before = revision(kOtherHei);
    auto rows = connection_->exec("SELECT count(*) AS n FROM " + table + " WHERE " + condition);
    ASSERT_TRUE(rows);
    ASSERT_GT(rows->front().get<int64_t>("n"), 0) << "no row of fjordland in " << table << " to touch";
    // Its first ordinary column set to itself: a change to nothing, still a change the trigger sees.
    auto column = connection_->exec(
        "SELECT attname FROM pg_attribute WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped"
        " AND attidentity = '' AND attgenerated = '' ORDER BY attnum LIMIT 1",
        {table});
    ASSERT_TRUE(column && !column->empty()) << table;
    std::string first = column->front().get<std::string>("attname");
    exec("UPDATE " + table + " SET " + first + " = " + first + " WHERE ctid = (SELECT ctid FROM " + table + " WHERE " +
         condition + " LIMIT 1)");
    EXPECT_EQ(revision(kHei), before + 1) << table;
    EXPECT_EQ(revision(kOtherHei), other_before) << table;
  }
}

// A partner's fetched course catalogue shows on every hosted HEI's pre-approval pages.
TEST_F(PageRevisionTest, ANewCopyOfAPartnersCatalogueRaisesEveryHostedHeisRevision) {
  int64_t ours = revision(kHei);
  int64_t other = revision(kOtherHei);
  exec("INSERT INTO partner_course (hei_id, los_id, title) VALUES ('collina.example', 'CR/x', 'Course X')");
  EXPECT_EQ(revision(kHei), ours + 1);
  EXPECT_EQ(revision(kOtherHei), other + 1);
}

TEST_F(PageRevisionTest, ATransactionRaisesItOnceAtCommitAndARolledBackOneNotAtAll) {
  int64_t before = revision(kHei);
  auto reader = Connection::open(url_);
  ASSERT_TRUE(reader);
  std::string seen = stamp(**reader);
  {
    auto transaction = Transaction::begin(*connection_);
    ASSERT_TRUE(transaction);
    exec("UPDATE omobility SET status = status WHERE sending_hei_id = 'fjordland.example'");
    exec("UPDATE la_version SET state = state");
    EXPECT_EQ(stamp(**reader), seen) << "not before the commit";
    ASSERT_TRUE(transaction->commit());
  }
  EXPECT_EQ(revision(kHei), before + 1) << "once, however many rows";
  EXPECT_NE(stamp(**reader), seen);
  {
    auto transaction = Transaction::begin(*connection_);
    ASSERT_TRUE(transaction);
    exec("UPDATE omobility SET status = status");
  }  // rolled back
  EXPECT_EQ(revision(kHei), before + 1);
}

}  // namespace
}  // namespace mobility::db
