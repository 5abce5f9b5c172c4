// The connection pool against real PostgreSQL: limits, waiting, abandoned transactions, and
// recovery after the server restarts.
#include "db/pool.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "tests/support/test_database.hpp"

namespace mobility::db {
namespace {

using std::chrono::milliseconds;

TEST(Pool, ExhaustedPoolAnswersUnavailableAfterTheTimeout) {
  Pool pool({testing::create_migrated_database(), 2, milliseconds(200)});
  auto first = pool.acquire();
  auto second = pool.acquire();
  ASSERT_TRUE(first && second);

  auto started = std::chrono::steady_clock::now();
  auto third = pool.acquire();
  auto waited = std::chrono::steady_clock::now() - started;
  ASSERT_FALSE(third);
  EXPECT_EQ(third.status().code(), Status::Code::kUnavailable);
  EXPECT_NE(third.status().message().find("all 2 database connections stayed busy for 200 ms"), std::string::npos);
  EXPECT_GE(waited, milliseconds(190));
  EXPECT_EQ(pool.stats().open, 2);

  first = Status::internal("released");  // gives the lease back
  auto after_release = pool.acquire();
  EXPECT_TRUE(after_release) << after_release.status().to_string();
}

TEST(Pool, WaiterGetsTheConnectionReleasedByAnotherThread) {
  Pool pool({testing::create_migrated_database(), 1, milliseconds(5000)});
  auto held = pool.acquire();
  ASSERT_TRUE(held);
  std::thread releaser([&] {
    std::this_thread::sleep_for(milliseconds(100));
    held = Status::internal("released");
  });
  auto waited = pool.acquire();
  releaser.join();
  ASSERT_TRUE(waited) << waited.status().to_string();
  EXPECT_TRUE((*waited)->exec("SELECT 1"));
}

TEST(Pool, ManyThreadsShareFewConnections) {
  Pool pool({testing::create_migrated_database(), 3, milliseconds(10000)});
  std::atomic<int> succeeded{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 50; ++i) {
        auto connection = pool.acquire();
        if (!connection) continue;
        auto rows = (*connection)->exec("SELECT $1::int * 2", {t * 100 + i});
        if (rows && rows->front().get<int>(0) == (t * 100 + i) * 2) ++succeeded;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(succeeded, 400);
  EXPECT_LE(pool.stats().open, 3);
  EXPECT_EQ(pool.stats().waiting, 0);
}

TEST(Pool, AbandonedTransactionIsRolledBackBeforeReuse) {
  Pool pool({testing::create_migrated_database(), 1, milliseconds(2000)});
  {
    auto connection = pool.acquire();
    ASSERT_TRUE((*connection)->exec_script("BEGIN"));
    ASSERT_TRUE((*connection)->exec("INSERT INTO hei (hei_id) VALUES ($1)", {"abandoned.example"}));
  }  // lease dropped mid-transaction
  auto connection = pool.acquire();
  ASSERT_TRUE(connection);
  EXPECT_EQ(PQtransactionStatus((*connection)->native()), PQTRANS_IDLE);
  EXPECT_TRUE((*connection)->exec("SELECT 1 FROM hei WHERE hei_id = $1", {"abandoned.example"})->empty());
}

TEST(Pool, UnreachableDatabaseIsUnavailableNotACrash) {
  Pool pool({"host=/nonexistent-socket-dir port=1 user=postgres dbname=none", 2, milliseconds(200)});
  auto connection = pool.acquire();
  ASSERT_FALSE(connection);
  EXPECT_EQ(connection.status().code(), Status::Code::kUnavailable);
  EXPECT_EQ(pool.stats().open, 0);  // the failed attempt gave its slot back
}

TEST(Pool, ReconnectsAfterTheServerRestarts) {
  auto cluster = testing::TestCluster::start();
  ASSERT_TRUE(cluster) << cluster.status().to_string();
  Pool pool({(*cluster)->url(), 2, milliseconds(2000)});
  {
    auto a = pool.acquire();
    auto b = pool.acquire();
    ASSERT_TRUE(a && b);
    ASSERT_TRUE((*a)->exec("SELECT 1") && (*b)->exec("SELECT 1"));
  }
  ASSERT_EQ(pool.stats().idle, 2);

  ASSERT_TRUE((*cluster)->stop());
  {
    auto down = pool.acquire();
    EXPECT_TRUE(!down || !(*down)->exec("SELECT 1")) << "a query cannot succeed while the server is down";
  }
  ASSERT_TRUE((*cluster)->resume());

  // Both pooled connections were cut by the restart; each must be repaired on its first use.
  auto a = pool.acquire();
  auto b = pool.acquire();
  ASSERT_TRUE(a) << a.status().to_string();
  ASSERT_TRUE(b) << b.status().to_string();
  auto first = (*a)->exec("SELECT 1");
  auto second = (*b)->exec("SELECT 2");
  EXPECT_TRUE(first) << first.status().to_string();
  EXPECT_TRUE(second) << second.status().to_string();
}

}  // namespace
}  // namespace mobility::db
