// The CNR outbox's lease (db/notifications.hpp) with several workers on one database, as several
// node processes work it: each due notification goes to one worker only, and a worker does not
// wait for the rows another is leasing (FOR UPDATE SKIP LOCKED).
#include "db/notifications.hpp"

#include <gtest/gtest.h>

#include <latch>
#include <map>
#include <thread>

#include "db/transaction.hpp"
#include "tests/support/test_database.hpp"

namespace mobility::db {
namespace {

using std::chrono::seconds;

constexpr seconds kLongLease{600};  // no lease runs out during a test

class NotificationLeaseTest : public ::testing::Test {
 protected:
  void SetUp() override {
    url_ = testing::create_migrated_database();
    connection_ = open();
    ASSERT_TRUE(connection_);
    ASSERT_TRUE(
        connection_->exec_script("INSERT INTO hei (hei_id, country_code) VALUES ('uni-a.example', 'NO'), ('uni-b.example', 'DE');"
                                 "INSERT INTO hosted_hei (hei_id, admin_email) VALUES ('uni-a.example', 'ewp@uni-a.example');"));
  }

  std::unique_ptr<Connection> open() {
    auto opened = Connection::open(url_);
    EXPECT_TRUE(opened) << opened.status().to_string();
    return opened ? std::move(*opened) : nullptr;
  }

  // `count` notifications due now, each about another agreement ("<prefix>-<n>").
  void enqueue(int count, const std::string& prefix) {
    for (int n = 0; n < count; ++n) {
      ASSERT_TRUE(
          enqueue_outgoing_cnr(*connection_, "iia-cnr", "uni-a.example", "uni-b.example", prefix + "-" + std::to_string(n)));
    }
  }

  // A worker on a connection of its own: leases small batches until nothing is due, and returns
  // the ids it was handed. It starts when `start` opens, so that the workers run at once.
  std::vector<int64_t> lease_until_empty(std::latch& start) {
    std::vector<int64_t> ids;
    auto connection = open();
    start.arrive_and_wait();
    if (!connection) return ids;
    for (;;) {
      auto leased = lease_due(*connection, Queue::kCnrOutbox, 2, kLongLease);
      EXPECT_TRUE(leased) << leased.status().to_string();
      if (!leased || leased->empty()) return ids;
      for (const QueuedNotification& item : *leased) ids.push_back(item.id);
    }
  }

  std::string url_;
  std::unique_ptr<Connection> connection_;
};

TEST_F(NotificationLeaseTest, TwoWorkersLeasingAtOnceNeverGetTheSameRow) {
  constexpr int kRounds = 30;
  constexpr int kRows = 40;
  std::map<int64_t, int> times_leased;
  size_t by_first = 0;
  size_t by_second = 0;
  for (int round = 0; round < kRounds; ++round) {
    enqueue(kRows, "round" + std::to_string(round));
    std::latch start(2);
    std::vector<int64_t> first;
    std::vector<int64_t> second;
    std::thread one([&] { first = lease_until_empty(start); });
    std::thread other([&] { second = lease_until_empty(start); });
    one.join();
    other.join();
    for (const auto* ids : {&first, &second}) {
      for (int64_t id : *ids) ++times_leased[id];
    }
    by_first += first.size();
    by_second += second.size();
  }
  EXPECT_EQ(times_leased.size(), static_cast<size_t>(kRounds * kRows)) << "every notification was leased";
  for (const auto& [id, times] : times_leased)
    EXPECT_EQ(times, 1) << "notification " << id << " was leased " << times << " times";
  EXPECT_GT(by_first, 0u) << "both workers took part";
  EXPECT_GT(by_second, 0u) << "both workers took part";
}

TEST_F(NotificationLeaseTest, AWorkerDoesNotWaitForRowsAnotherIsLeasingAndSkipsThem) {
  enqueue(4, "held");
  auto first = open();
  ASSERT_TRUE(first);
  auto transaction = Transaction::begin(*first);
  ASSERT_TRUE(transaction);
  auto held = lease_due(transaction->connection(), Queue::kCnrOutbox, 2, kLongLease);  // not committed yet
  ASSERT_TRUE(held && held->size() == 2);

  auto second = open();
  ASSERT_TRUE(second && second->exec("SET lock_timeout = '3s'"));
  auto leased = lease_due(*second, Queue::kCnrOutbox, 10, kLongLease);
  ASSERT_TRUE(leased) << "the second worker waited for the first one's rows: " << leased.status().to_string();
  ASSERT_EQ(leased->size(), 2u) << "the two rows nobody holds";
  for (const QueuedNotification& mine : *leased) {
    for (const QueuedNotification& theirs : *held) EXPECT_NE(mine.id, theirs.id);
  }
  EXPECT_TRUE(transaction->commit());
}

}  // namespace
}  // namespace mobility::db
