// The libpq layer against a real PostgreSQL: binding, typed rows, errors, transactions.
#include <gtest/gtest.h>

#include "db/connection.hpp"
#include "db/demo_seed.hpp"
#include "db/institutions.hpp"
#include "db/transaction.hpp"
#include "tests/support/test_database.hpp"

namespace mobility::db {
namespace {

class DatabaseTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { url_ = new std::string(testing::create_migrated_database()); }
  static void TearDownTestSuite() { delete url_; }

  void SetUp() override {
    auto opened = Connection::open(*url_);
    ASSERT_TRUE(opened) << opened.status().to_string();
    connection_ = std::move(opened.value());
    ASSERT_TRUE(
        connection_->exec("CREATE TEMP TABLE note (id serial PRIMARY KEY, body text NOT NULL, tag text UNIQUE, n bigint)"));
  }

  int64_t count_notes() { return connection_->exec("SELECT count(*) FROM note")->front().get<int64_t>(0); }

  static std::string* url_;
  std::unique_ptr<Connection> connection_;
};

std::string* DatabaseTest::url_ = nullptr;

TEST_F(DatabaseTest, HostileStringsAreStoredVerbatim) {
  const std::string hostile[] = {
      "'; DROP TABLE hei; --",     "Robert'); DELETE FROM note; --",
      "\\'\\\\\"$1 $$ $tag$ ${x}", "Åse Bjørnstad 東京 🎓 <script>alert(1)</script>",
      std::string(1 << 20, 'x'),  // 1 MiB
  };
  for (const auto& text : hostile) {
    auto inserted = connection_->exec("INSERT INTO note (body) VALUES ($1) RETURNING body", {text});
    ASSERT_TRUE(inserted) << inserted.status().to_string();
    EXPECT_EQ(inserted->front().get<std::string>("body"), text);
  }
  EXPECT_EQ(count_notes(), 5);
  EXPECT_TRUE(connection_->exec("SELECT 1 FROM hei LIMIT 1")) << "the hei table must still exist";
}

TEST_F(DatabaseTest, NulByteIsRejectedBeforeReachingTheServer) {
  auto inserted = connection_->exec("INSERT INTO note (body) VALUES ($1)", {std::string("a\0b", 3)});
  ASSERT_FALSE(inserted);
  EXPECT_EQ(inserted.status().code(), Status::Code::kInvalidArgument);
  EXPECT_NE(inserted.status().message().find("$1"), std::string::npos);
  EXPECT_EQ(count_notes(), 0);
}

TEST_F(DatabaseTest, InvalidUtf8IsAnInvalidArgumentAndStoresNothing) {
  auto inserted = connection_->exec("INSERT INTO note (body) VALUES ($1)", {std::string("caf\xc3(", 5)});
  ASSERT_FALSE(inserted);
  EXPECT_EQ(inserted.status().code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(inserted.status().sqlstate(), "22021");
  EXPECT_EQ(count_notes(), 0);
}

TEST_F(DatabaseTest, TypedAccessAndNulls) {
  auto rows = connection_->exec(
      "SELECT $1::bigint AS big, $2::int AS small, $3::bool AS yes, $4::float8 AS ratio, "
      "$5::text AS missing, $6::text AS word",
      {int64_t{9007199254740993}, -7, true, 0.1, std::nullopt, std::string("ord")});
  ASSERT_TRUE(rows) << rows.status().to_string();
  Row row = rows->front();
  EXPECT_EQ(row.get<int64_t>("big"), 9007199254740993);
  EXPECT_EQ(row.get<int>("small"), -7);
  EXPECT_TRUE(row.get<bool>("yes"));
  EXPECT_DOUBLE_EQ(row.get<double>("ratio"), 0.1);
  EXPECT_TRUE(row.is_null("missing"));
  EXPECT_EQ(row.get<std::optional<std::string>>("missing"), std::nullopt);
  EXPECT_EQ(row.get<std::optional<std::string>>("word"), "ord");
  EXPECT_THROW(row.get<std::string>("missing"), RowAccessError);
  EXPECT_THROW(row.get<int>("word"), RowAccessError);
  EXPECT_THROW(row.get<int>("no_such_column"), RowAccessError);
}

TEST_F(DatabaseTest, ArrayParametersKeepEveryElementExact) {
  std::vector<std::string> hostile = {"plain", "", "a,b", "{braces}", "quote\"d", "back\\slash", "NULL", " spaced ", "æøå"};
  auto rows = connection_->exec(
      "SELECT t.value, n.number FROM unnest($1::text[]) WITH ORDINALITY AS t(value, i) "
      "JOIN unnest($2::float8[]) WITH ORDINALITY AS n(number, i) USING (i) ORDER BY i",
      {db::text_array(hostile), db::number_array({0.5, -1, 1e-6, 1795000000.123456, 0, 1, 2, 3, 4})});
  ASSERT_TRUE(rows) << rows.status().to_string();
  ASSERT_EQ(rows->size(), static_cast<int>(hostile.size()));
  for (int i = 0; i < rows->size(); ++i) EXPECT_EQ((*rows)[i].get<std::string>("value"), hostile[i]) << i;
  EXPECT_DOUBLE_EQ((*rows)[3].get<double>("number"), 1795000000.123456);
  auto empty = connection_->exec("SELECT cardinality($1::text[])", {db::text_array({})});
  ASSERT_TRUE(empty);
  EXPECT_EQ(empty->front().get<int>(0), 0);
}

TEST_F(DatabaseTest, ErrorsCarrySqlstate) {
  ASSERT_TRUE(connection_->exec("INSERT INTO note (body, tag) VALUES ($1, $1)", {"same"}));
  auto duplicate = connection_->exec("INSERT INTO note (body, tag) VALUES ($1, $1)", {"same"});
  EXPECT_EQ(duplicate.status().code(), Status::Code::kConflict);
  EXPECT_EQ(duplicate.status().sqlstate(), "23505");

  auto syntax = connection_->exec("SELEC 1");
  EXPECT_EQ(syntax.status().code(), Status::Code::kDatabase);
  EXPECT_EQ(syntax.status().sqlstate(), "42601");

  auto bad_number = connection_->exec("SELECT $1::int", {"twelve"});
  EXPECT_EQ(bad_number.status().sqlstate(), "22P02");
  EXPECT_NE(bad_number.status().to_string().find("[SQLSTATE 22P02]"), std::string::npos);
}

TEST_F(DatabaseTest, PreparedStatementIsReusedAcrossCalls) {
  for (int i = 0; i < 5; ++i)
    ASSERT_TRUE(connection_->exec("INSERT INTO note (body, n) VALUES ($1, $2)", {"n" + std::to_string(i), i}));
  auto prepared = connection_->exec("SELECT count(*) FROM pg_prepared_statements WHERE statement LIKE 'INSERT INTO note%'");
  EXPECT_EQ(prepared->front().get<int64_t>(0), 1);
  auto rows = connection_->exec("UPDATE note SET n = n + 1 WHERE n >= $1", {3});
  EXPECT_EQ(rows->affected(), 2);
}

TEST_F(DatabaseTest, TransactionRollsBackUnlessCommitted) {
  {
    auto tx = Transaction::begin(*connection_);
    ASSERT_TRUE(tx);
    ASSERT_TRUE(tx->exec("INSERT INTO note (body) VALUES ($1)", {"rolled back"}));
  }
  EXPECT_EQ(count_notes(), 0);
  {
    auto tx = Transaction::begin(*connection_);
    ASSERT_TRUE(tx->exec("INSERT INTO note (body) VALUES ($1)", {"kept"}));
    EXPECT_TRUE(tx->commit());
  }
  EXPECT_EQ(count_notes(), 1);
}

TEST_F(DatabaseTest, ATransactionInsideAnotherIsASavepoint) {
  {
    auto outer = Transaction::begin(*connection_);
    ASSERT_TRUE(outer->exec("INSERT INTO note (body) VALUES ($1)", {"outer"}));
    {
      auto inner = Transaction::begin(*connection_);
      ASSERT_TRUE(inner);
      ASSERT_TRUE(inner->exec("INSERT INTO note (body) VALUES ($1)", {"inner, rolled back"}));
    }
    {
      auto inner = Transaction::begin(*connection_);
      ASSERT_TRUE(inner->exec("INSERT INTO note (body) VALUES ($1)", {"inner, kept"}));
      ASSERT_TRUE(inner->commit());
    }
    EXPECT_EQ(count_notes(), 2) << "the rolled-back savepoint took only its own row";
    EXPECT_TRUE(outer->commit());
  }
  EXPECT_EQ(count_notes(), 2);
  {
    auto outer = Transaction::begin(*connection_);
    auto inner = Transaction::begin(*connection_);
    ASSERT_TRUE(inner->exec("INSERT INTO note (body) VALUES ($1)", {"undone with the outer one"}));
    ASSERT_TRUE(inner->commit());
  }
  EXPECT_EQ(count_notes(), 2) << "committing the inner one does not commit the outer one";
}

TEST_F(DatabaseTest, CommitAfterAFailedStatementReportsConflictAndKeepsNothing) {
  auto tx = Transaction::begin(*connection_);
  ASSERT_TRUE(tx->exec("INSERT INTO note (body) VALUES ($1)", {"first"}));
  EXPECT_FALSE(tx->exec("INSERT INTO note (body) VALUES (NULL)"));
  Status committed = tx->commit();
  EXPECT_EQ(committed.code(), Status::Code::kConflict) << committed.to_string();
  EXPECT_EQ(count_notes(), 0);
}

TEST_F(DatabaseTest, SchemaRejectsRowsWithoutValidHeiId) {
  auto bad = connection_->exec("INSERT INTO hei (hei_id) VALUES ($1)", {"Not A Domain"});
  EXPECT_EQ(bad.status().sqlstate(), "23514");
  auto orphan = connection_->exec("INSERT INTO staff (hei_id, given_names, family_name, email) VALUES ($1, 'a', 'b', 'a@b.no')",
                                  {"unknown.example"});
  EXPECT_EQ(orphan.status().sqlstate(), "23503");
}

TEST_F(DatabaseTest, DemoSeedIsIdempotentAndListsHostedFirst) {
  auto first = seed_demo(*connection_);
  ASSERT_TRUE(first) << first.status().to_string();
  auto second = seed_demo(*connection_);
  ASSERT_TRUE(second) << second.status().to_string();
  EXPECT_EQ(first->hosted_heis, 1);
  EXPECT_GE(first->partner_heis, 3);
  EXPECT_GE(first->ounits, 3);
  EXPECT_GE(first->students, 3);
  EXPECT_EQ(second->staff, first->staff);
  EXPECT_EQ(second->students, first->students);

  auto institutions = list_institutions(*connection_);
  ASSERT_TRUE(institutions);
  ASSERT_FALSE(institutions->empty());
  EXPECT_TRUE(institutions->front().hosted);
  EXPECT_EQ(institutions->front().hei_id, "fjordland.example");
  EXPECT_FALSE(institutions->back().hosted);
}

}  // namespace
}  // namespace mobility::db
