// bench/portal: pages beside /healthz on the same server, each under the same load (CONNECTIONS
// persistent loopback connections, one request at a time each): requests per second, p50 and p99
// latency, and each page's throughput as a share of /healthz's. The pages: a signed-in student's
// start page, the student's mobility page with its timeline, and the coordinators' work queue, with
// MOBILITIES (default 50,000) outgoing mobilities in the database, one in 50 with a learning
// agreement the student signed and the coordinator has not (so the queue is never short).
// Run through bench/portal. The server is assembled as `mobility serve` does it, with a real
// PostgreSQL (the test set-up's) and the demo data. The mobility page and the queue are kept
// pages (portal/web/page_cache.hpp): each is also measured on a second server whose page cache
// keeps nothing, as every view after a change would be ("_uncached"), for comparison.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <mutex>
#include <thread>
#include <vector>

#include "base/config.hpp"
#include "base/log.hpp"
#include "bench/keep_alive_client.hpp"
#include "db/pool.hpp"
#include "http/server.hpp"
#include "mobilities/demo_mobilities.hpp"
#include "ops/cli/health.hpp"
#include "portal/home_page.hpp"
#include "portal/mobilities/mobility_pages.hpp"
#include "portal/pages/account_pages.hpp"
#include "portal/pages/start_pages.hpp"
#include "tests/support/test_database.hpp"

using namespace mobility;
using Clock = std::chrono::steady_clock;

struct Measurement {
  double per_second = 0;
  double p50_ms = 0;
  double p99_ms = 0;
  long failed = 0;
};

// `connections` threads, each sending `headers` to `target` over its own connection for `seconds`.
Measurement measure(int port, const std::string& target, const http::HeaderList& headers, int connections, int seconds) {
  std::atomic<bool> running{true};
  std::atomic<long> failed{0};
  std::mutex mutex;
  std::vector<double> latencies;
  std::vector<std::thread> workers;
  for (int i = 0; i < connections; ++i) {
    workers.emplace_back([&] {
      bench::KeepAliveClient client(port);
      std::vector<double> mine;
      while (running) {
        auto started = Clock::now();
        auto reply = client.send("GET", target, headers);
        if (!reply || reply->status != 200) {
          ++failed;
          continue;
        }
        mine.push_back(std::chrono::duration<double, std::milli>(Clock::now() - started).count());
      }
      std::lock_guard lock(mutex);
      latencies.insert(latencies.end(), mine.begin(), mine.end());
    });
  }
  auto started = Clock::now();
  std::this_thread::sleep_for(std::chrono::seconds(seconds));
  running = false;
  for (auto& worker : workers) worker.join();
  double elapsed = std::chrono::duration<double>(Clock::now() - started).count();
  std::sort(latencies.begin(), latencies.end());
  auto percentile = [&](double p) { return latencies.empty() ? 0 : latencies[static_cast<size_t>(p * (latencies.size() - 1))]; };
  return {latencies.size() / elapsed, percentile(0.50), percentile(0.99), failed.load()};
}

void print(const char* name, const Measurement& m) {
  std::printf("%s_requests_per_second %.1f\n%s_p50_ms %.2f\n%s_p99_ms %.2f\n%s_failed %ld\n", name, m.per_second, name, m.p50_ms,
              name, m.p99_ms, name, m.failed);
}

// `count` copies of the demo mobility awaiting the partner's approval of its learning agreement,
// every 50th with its agreement back to a draft the student signed and the coordinator has not.
bool seed_mobilities(db::Connection& connection, int count) {
  const char* statements[] = {
      "INSERT INTO omobility (omobility_id, sending_hei_id, receiving_hei_id, receiving_academic_year_id, global_id, status,"
      "                       proposal_id, content)"
      " SELECT 'bench-' || n, sending_hei_id, receiving_hei_id, receiving_academic_year_id, global_id || '-' || n, status,"
      "        proposal_id, jsonb_set(content, '{omobility_id}', to_jsonb('bench-' || n))"
      " FROM omobility, generate_series(1, $1::int) AS n WHERE omobility_id = 'fjordland-demo-la-proposed'",
      "INSERT INTO learning_agreement (omobility_id, shared_at) SELECT 'bench-' || n, now() FROM generate_series(1, $1::int) AS "
      "n",
      "INSERT INTO la_version (omobility_id, version, content, changes_proposal_id, state, created_at)"
      " SELECT 'bench-' || n, 1, CASE WHEN n % 50 = 0 THEN content - 'sending_signature' ELSE content END, changes_proposal_id,"
      "        CASE WHEN n % 50 = 0 THEN 'draft' ELSE 'proposed' END, now() - make_interval(mins => n)"
      " FROM la_version, generate_series(1, $1::int) AS n WHERE omobility_id = 'fjordland-demo-la-proposed' AND version = 1",
      "ANALYZE"};
  for (const char* sql : statements) {
    auto done = std::string(sql) == "ANALYZE" ? connection.exec(sql) : connection.exec(sql, {count});
    if (!done) {
      std::fprintf(stderr, "seeding: %s\n", done.status().to_string().c_str());
      return false;
    }
  }
  return true;
}

std::string session_cookie(db::Pool& pool, const portal::Site& site, const std::string& email) {
  auto connection = pool.acquire();
  auto login = site.login().attempt(**connection, email, "mobility-demo", "127.0.0.1");
  return login && login->session ? "mobility_session=" + login->session->id : "";
}

// The pages bench/portal measures, as `mobility serve` routes them, of `site`.
std::shared_ptr<http::Router> portal_router(const portal::Site& site, db::Pool& pool) {
  auto router = std::make_shared<http::Router>();
  http::add_health_route(*router, pool);
  site.add_common_routes(*router);
  portal::add_home_route(*router, site);
  portal::add_account_pages(*router, site);
  portal::add_start_pages(*router, site);
  portal::mobility_pages::add_mobility_pages(*router, site);
  return router;
}

int main(int argc, char** argv) {
  int seconds = argc > 1 ? std::atoi(argv[1]) : 10;
  int connections = argc > 2 ? std::atoi(argv[2]) : 32;
  int threads = argc > 3 ? std::atoi(argv[3]) : Config{}.worker_threads;  // as `mobility serve` runs by default
  int count = argc > 4 ? std::atoi(argv[4]) : 50'000;
  log::configure(log::Level::kWarn, log::Format::kText);
  db::Pool pool({testing::create_demo_database(), std::max(threads, Config{}.db_pool_size), std::chrono::seconds(5)});
  {
    auto connection = pool.acquire();
    if (!connection || !mobilities::seed_demo_mobilities(**connection) || !seed_mobilities(**connection, count)) return 1;
  }
  portal::Site site(pool, {});
  http::Server server({"127.0.0.1", 0, threads, 1 << 20}, portal_router(site, pool));
  portal::SiteSettings keeping_nothing;
  keeping_nothing.pages.max_entry_bytes = 0;
  portal::Site uncached_site(pool, keeping_nothing);
  http::Server uncached_server({"127.0.0.1", 0, threads, 1 << 20}, portal_router(uncached_site, pool));
  if (!server.start() || !uncached_server.start()) return 1;

  std::string student = session_cookie(pool, site, "aase.bjornstad@student.fjordland.example");
  std::string coordinator = session_cookie(pool, site, "ingrid.haugland@fjordland.example");
  if (student.empty() || coordinator.empty()) return 1;
  struct Page {
    const char* name;
    std::string target;
    std::string cookie;
    bool kept;  // a kept page, also measured uncached
  };
  std::vector<Page> pages = {{"student_start_page", "/my-exchange", student, false},
                             {"student_timeline_page", "/my-exchange/mobilities/fjordland-demo-nominated", student, true},
                             {"coordinator_queue", "/coordinator/queue", coordinator, true}};
  http::HeaderList health_headers = {{"Host", "127.0.0.1"}};
  Measurement health = measure(server.port(), "/healthz", health_headers, connections, seconds);
  print("healthz", health);
  long failed = health.failed;
  std::printf("mobilities %d\nconnections %d\nserver_threads %d\n", count, connections, threads);
  for (const Page& page : pages) {
    http::HeaderList headers = {{"Host", "127.0.0.1"}, {"Cookie", page.cookie}, {"Accept-Language", "nb"}};
    Measurement m = measure(server.port(), page.target, headers, connections, seconds);
    print(page.name, m);
    std::printf("%s_ratio %.1f %% of /healthz (target >= 50 %%), p99 %.2f ms (target < 20 ms)\n", page.name,
                100 * m.per_second / health.per_second, m.p99_ms);
    failed += m.failed;
    if (!page.kept) continue;
    Measurement cold = measure(uncached_server.port(), page.target, headers, connections, seconds);
    std::string name = std::string(page.name) + "_uncached";
    print(name.c_str(), cold);
    std::printf("%s_ratio %.1f %% of /healthz\n", name.c_str(), 100 * cold.per_second / health.per_second);
    failed += cold.failed;
  }
  portal::PageCache::Counts kept = site.pages().counts();
  std::printf("page_cache_hits %lld\npage_cache_misses %lld\n", static_cast<long long>(kept.hits),
              static_cast<long long>(kept.misses));
  uncached_server.stop();
  server.stop();
  return failed > 0 ? 1 : 0;
}
