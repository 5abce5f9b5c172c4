// Replay protection in PostgreSQL: each X-Request-Id wins once, even under concurrency, and old
// ids are purged.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

#include "db/pool.hpp"
#include "db/request_ids.hpp"
#include "ewp-node/security/replay_guard.hpp"
#include "tests/support/test_database.hpp"

namespace mobility::ewp {
namespace {

using std::chrono::milliseconds;

const Clock::time_point kNow = Clock::from_time_t(1795000000);

TEST(ReplayGuard, SecondUseOfAnIdIsAReplay) {
  db::Pool pool({testing::create_migrated_database(), 2, milliseconds(2000)});
  PostgresReplayGuard guard(pool, std::chrono::seconds(600));
  EXPECT_EQ(guard.first_use("0f8c3a36-9e3b-4b39-8a8e-8f1f3c9a7d21", kNow).value(), true);
  EXPECT_EQ(guard.first_use("0f8c3a36-9e3b-4b39-8a8e-8f1f3c9a7d21", kNow).value(), false);
  EXPECT_EQ(guard.first_use("1f8c3a36-9e3b-4b39-8a8e-8f1f3c9a7d21", kNow).value(), true);
}

TEST(ReplayGuard, ConcurrentUsesOfOneIdHaveExactlyOneWinner) {
  db::Pool pool({testing::create_migrated_database(), 8, milliseconds(5000)});
  PostgresReplayGuard guard(pool, std::chrono::seconds(600));
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

TEST(ReplayGuard, OldIdsArePurgedAndThenUsableAgain) {
  db::Pool pool({testing::create_migrated_database(), 1, milliseconds(2000)});
  PostgresReplayGuard guard(pool, std::chrono::seconds(600));
  ASSERT_TRUE(guard.first_use("3f8c3a36-9e3b-4b39-8a8e-8f1f3c9a7d21", kNow).value());
  // An hour later the id is outside the window: the purge (due again after a minute) forgets it.
  EXPECT_TRUE(guard.first_use("3f8c3a36-9e3b-4b39-8a8e-8f1f3c9a7d21", kNow + std::chrono::hours(1)).value());
  auto connection = pool.acquire();
  ASSERT_TRUE(connection);
  auto count = (*connection)->exec("SELECT count(*) FROM http_request_id");
  ASSERT_TRUE(count);
  EXPECT_EQ(count->front().get<int64_t>(0), 1);
}

TEST(ReplayGuard, DatabaseDownIsAnErrorNotAFirstUse) {
  db::Pool pool({"host=/nonexistent-socket-dir port=1 user=postgres dbname=none", 1, milliseconds(200)});
  PostgresReplayGuard guard(pool, std::chrono::seconds(600));
  EXPECT_FALSE(guard.first_use("4f8c3a36-9e3b-4b39-8a8e-8f1f3c9a7d21", kNow));
}

}  // namespace
}  // namespace mobility::ewp
