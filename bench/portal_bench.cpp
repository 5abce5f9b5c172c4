// bench/portal: a signed-in student's start page beside /healthz on the same server, each under
// the same load (CONNECTIONS persistent loopback connections, one request at a time each):
// requests per second, p50 and p99 latency, and the page's throughput as a share of /healthz's.
// Run through bench/portal. The server is assembled as `mobility serve` does it, with a real
// PostgreSQL (the test set-up's) and the demo data.
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
#include "ops/cli/health.hpp"
#include "portal/home_page.hpp"
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

int main(int argc, char** argv) {
  int seconds = argc > 1 ? std::atoi(argv[1]) : 10;
  int connections = argc > 2 ? std::atoi(argv[2]) : 32;
  int threads = argc > 3 ? std::atoi(argv[3]) : Config{}.worker_threads;  // as `mobility serve` runs by default
  std::string target = argc > 4 ? argv[4] : "/my-exchange";
  log::configure(log::Level::kWarn, log::Format::kText);
  db::Pool pool({testing::create_demo_database(), std::max(threads, Config{}.db_pool_size), std::chrono::seconds(5)});
  portal::Site site(pool, {});
  auto router = std::make_shared<http::Router>();
  http::add_health_route(*router, pool);
  site.add_common_routes(*router);
  portal::add_home_route(*router, site);
  portal::add_account_pages(*router, site);
  portal::add_start_pages(*router, site);
  http::Server server({"127.0.0.1", 0, threads, 1 << 20}, router);
  if (!server.start()) return 1;

  std::string cookie;
  {
    auto connection = pool.acquire();
    auto login = site.login().attempt(**connection, "aase.bjornstad@student.fjordland.example", "mobility-demo", "127.0.0.1");
    if (!login || !login->session) return 1;
    cookie = "mobility_session=" + login->session->id;
  }
  http::HeaderList health_headers = {{"Host", "127.0.0.1"}};
  http::HeaderList page_headers = {{"Host", "127.0.0.1"}, {"Cookie", cookie}, {"Accept-Language", "nb"}};
  Measurement health = measure(server.port(), "/healthz", health_headers, connections, seconds);
  Measurement page = measure(server.port(), target, page_headers, connections, seconds);
  server.stop();
  print("healthz", health);
  print("student_start_page", page);
  std::printf("connections %d\nserver_threads %d\nratio %.1f %% of /healthz (target >= 50 %%), p99 %.2f ms (target < 20 ms)\n",
              connections, threads, 100 * page.per_second / health.per_second, page.p99_ms);
  return health.failed + page.failed > 0 ? 1 : 0;
}
