// Replay protection against a real PostgreSQL: each X-Request-Id wins once, even under
// concurrency, across restarts and across node processes sharing the database; old ids are
// forgotten; while the database is down or silent, nothing new is accepted (fail closed).
#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

#include "db/connection.hpp"
#include "ewp-node/security/replay_guard.hpp"
#include "tests/support/test_database.hpp"

namespace mobility::ewp {
namespace {

const Clock::time_point kNow = Clock::from_time_t(1795000000);
constexpr std::chrono::seconds kRetention{600};
constexpr std::chrono::hours kNoBackgroundSync{1};  // these tests call sync() themselves

int64_t stored_ids(const std::string& database) {
  auto connection = db::Connection::open(database);
  auto count = connection ? (*connection)->exec("SELECT count(*) FROM http_request_id") : connection.status();
  return count ? count->front().get<int64_t>(0) : -1;
}

TEST(ReplayGuard, SecondUseOfAnIdIsAReplay) {
  PostgresReplayGuard guard(testing::create_migrated_database(), kRetention);
  EXPECT_EQ(guard.first_use("0f8c3a36-9e3b-4b39-8a8e-8f1f3c9a7d21", kNow).value(), true);
  EXPECT_EQ(guard.first_use("0f8c3a36-9e3b-4b39-8a8e-8f1f3c9a7d21", kNow).value(), false);
  EXPECT_EQ(guard.first_use("1f8c3a36-9e3b-4b39-8a8e-8f1f3c9a7d21", kNow).value(), true);
}

TEST(ReplayGuard, ConcurrentUsesOfOneIdHaveExactlyOneWinner) {
  PostgresReplayGuard guard(testing::create_migrated_database(), kRetention, std::chrono::milliseconds(1));
  std::atomic<int> winners{0}, errors{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < 8; ++i) {
    threads.emplace_back([&] {
      auto first = guard.first_use("2f8c3a36-9e3b-4b39-8a8e-8f1f3c9a7d21", kNow);
      if (!first) ++errors;
      if (first && *first) ++winners;
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(errors.load(), 0);
  EXPECT_EQ(winners.load(), 1);
}

TEST(ReplayGuard, IdsAreWrittenInTheBackgroundAndSurviveARestart) {
  std::string database = testing::create_migrated_database();
  {
    PostgresReplayGuard guard(database, kRetention, std::chrono::milliseconds(20));
    ASSERT_TRUE(guard.first_use("5f8c3a36-9e3b-4b39-8a8e-8f1f3c9a7d21", kNow).value());
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    while (stored_ids(database) < 1 && std::chrono::steady_clock::now() < deadline) {
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    EXPECT_EQ(stored_ids(database), 1) << "written by the background thread while the guard runs";
    ASSERT_TRUE(guard.first_use("6f8c3a36-9e3b-4b39-8a8e-8f1f3c9a7d21", kNow).value());
  }  // the destructor writes the last id
  PostgresReplayGuard restarted(database, kRetention, kNoBackgroundSync);
  EXPECT_FALSE(restarted.first_use("5f8c3a36-9e3b-4b39-8a8e-8f1f3c9a7d21", kNow).value());
  EXPECT_FALSE(restarted.first_use("6f8c3a36-9e3b-4b39-8a8e-8f1f3c9a7d21", kNow).value());
  EXPECT_TRUE(restarted.first_use("7f8c3a36-9e3b-4b39-8a8e-8f1f3c9a7d21", kNow).value());
}

TEST(ReplayGuard, ProcessesSharingTheDatabaseLearnEachOthersIds) {
  std::string database = testing::create_migrated_database();
  PostgresReplayGuard first(database, kRetention, kNoBackgroundSync);
  PostgresReplayGuard second(database, kRetention, kNoBackgroundSync);
  ASSERT_TRUE(first.first_use("8f8c3a36-9e3b-4b39-8a8e-8f1f3c9a7d21", kNow).value());
  auto wrote = first.sync();
  ASSERT_TRUE(wrote) << wrote.status().to_string();
  EXPECT_EQ(wrote->written, 1u);
  auto learned = second.sync();
  ASSERT_TRUE(learned) << learned.status().to_string();
  EXPECT_EQ(learned->learned, 1u);
  EXPECT_FALSE(second.first_use("8f8c3a36-9e3b-4b39-8a8e-8f1f3c9a7d21", kNow).value());
  EXPECT_EQ(second.sync()->learned, 0u) << "nothing new the second time";
}

TEST(ReplayGuard, AReplayToAnotherProcessBeforeItSyncedIsReportedLate) {
  std::string database = testing::create_migrated_database();
  PostgresReplayGuard first(database, kRetention, kNoBackgroundSync);
  PostgresReplayGuard second(database, kRetention, kNoBackgroundSync);
  ASSERT_TRUE(first.first_use("9f8c3a36-9e3b-4b39-8a8e-8f1f3c9a7d21", kNow).value());
  ASSERT_TRUE(second.first_use("9f8c3a36-9e3b-4b39-8a8e-8f1f3c9a7d21", kNow).value());
  EXPECT_EQ(first.sync()->late_replays, 0u);
  auto second_sync = second.sync();
  ASSERT_TRUE(second_sync);
  EXPECT_EQ(second_sync->late_replays, 1u);
  EXPECT_EQ(second_sync->written, 0u);
  EXPECT_EQ(stored_ids(database), 1);
}

TEST(ReplayGuard, OldIdsAreForgottenAndThenUsableAgain) {
  std::string database = testing::create_migrated_database();
  PostgresReplayGuard guard(database, kRetention, kNoBackgroundSync);
  ASSERT_TRUE(guard.first_use("3f8c3a36-9e3b-4b39-8a8e-8f1f3c9a7d21", kNow).value());
  ASSERT_TRUE(guard.sync());
  // An hour later the id is outside the window: the next sync forgets it here and in the database.
  ASSERT_TRUE(guard.first_use("af8c3a36-9e3b-4b39-8a8e-8f1f3c9a7d21", kNow + std::chrono::hours(1)).value());
  ASSERT_TRUE(guard.sync());
  EXPECT_EQ(stored_ids(database), 1);
  EXPECT_TRUE(guard.first_use("3f8c3a36-9e3b-4b39-8a8e-8f1f3c9a7d21", kNow + std::chrono::hours(1)).value());
}

TEST(ReplayGuard, UnreadableDatabaseAtStartIsAnErrorNotAFirstUse) {
  PostgresReplayGuard guard("host=/nonexistent-socket-dir port=1 user=postgres dbname=none", kRetention, kNoBackgroundSync);
  auto first = guard.first_use("4f8c3a36-9e3b-4b39-8a8e-8f1f3c9a7d21", kNow);
  ASSERT_FALSE(first);
  EXPECT_EQ(first.status().code(), Status::Code::kUnavailable);
}

TEST(ReplayGuard, WhileItsDatabaseIsDownNoNewIdIsAcceptedAndAfterwardsAllIsAsBefore) {
  auto cluster = testing::TestCluster::start();  // the guard's own server, stopped below
  ASSERT_TRUE(cluster) << cluster.status().to_string();
  std::string database = testing::create_database_on(**cluster);
  PostgresReplayGuard guard(database, kRetention, kNoBackgroundSync);
  ASSERT_TRUE(guard.first_use("b08c3a36-9e3b-4b39-8a8e-8f1f3c9a7d21", kNow).value());

  ASSERT_TRUE((*cluster)->stop());
  auto failed = guard.sync();
  ASSERT_FALSE(failed) << "an exchange with a stopped server cannot succeed";
  auto fresh = guard.first_use("c08c3a36-9e3b-4b39-8a8e-8f1f3c9a7d21", kNow);
  ASSERT_FALSE(fresh) << "a new id was accepted while the database was down";
  EXPECT_EQ(fresh.status().code(), Status::Code::kUnavailable);
  auto replay = guard.first_use("b08c3a36-9e3b-4b39-8a8e-8f1f3c9a7d21", kNow);
  EXPECT_FALSE(replay && *replay) << "a replay was accepted while the database was down";

  ASSERT_TRUE((*cluster)->resume());
  auto recovered = guard.sync();
  ASSERT_TRUE(recovered) << recovered.status().to_string();
  EXPECT_EQ(recovered->written, 1u) << "the id accepted before the stop is recorded now";
  EXPECT_TRUE(guard.first_use("c08c3a36-9e3b-4b39-8a8e-8f1f3c9a7d21", kNow).value()) << "the refused id was not burnt";
  EXPECT_FALSE(guard.first_use("b08c3a36-9e3b-4b39-8a8e-8f1f3c9a7d21", kNow).value());
}

TEST(ReplayGuard, NoAnswerFromTheDatabaseForLongerThanMaxUnsyncedEndsTheAccepting) {
  constexpr std::chrono::milliseconds kMaxUnsynced{100};
  PostgresReplayGuard guard(testing::create_migrated_database(), kRetention, kNoBackgroundSync, kMaxUnsynced);
  auto last_exchange = std::chrono::steady_clock::now();
  ASSERT_TRUE(guard.sync());
  // No exchange from here on, as when one hangs: the guard stops accepting once the last one is too old.
  auto deadline = last_exchange + std::chrono::seconds(5);
  Result<bool> answer = true;
  for (int i = 0; answer && std::chrono::steady_clock::now() < deadline; ++i) {
    answer = guard.first_use("d-" + std::to_string(i), kNow);
    if (answer) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  ASSERT_FALSE(answer) << "still accepting 5 s after the last exchange";
  EXPECT_EQ(answer.status().code(), Status::Code::kUnavailable);
  EXPECT_GE(std::chrono::steady_clock::now() - last_exchange, kMaxUnsynced) << "refused before max_unsynced passed";
  ASSERT_TRUE(guard.sync());
  EXPECT_TRUE(guard.first_use("e08c3a36-9e3b-4b39-8a8e-8f1f3c9a7d21", kNow).value()) << "an exchange ends the refusing";
}

}  // namespace
}  // namespace mobility::ewp
