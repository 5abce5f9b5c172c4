// bench/scale: what a second `mobility serve` process on the same database adds on this machine,
// measured in one run (run through bench/scale, which prints the load average beside the numbers).
// It
//   1. makes a demo database with the demo mobilities, the node's key and a registry catalogue
//      listing the node, CONNECTIONS calling partner HEIs (partner-000.example, ..., each with its
//      own key) and a live partner node (partner-199.example, an EwpNode in this process on
//      loopback whose CNR worker and reference refresher are off: it only checks and acknowledges
//      each CNR, fetching nothing back);
//   2. one process: starts the node as a child `mobility serve` and measures for SECONDS each,
//      over CONNECTIONS persistent loopback connections: signed Echo round trips (connection c
//      signs as partner c with a fresh X-Request-Id per request; every answer must be 200, signed
//      by the node and echo the value sent) and the signed-in student's /my-exchange (each
//      connection logged in over HTTP as the demo student, GET /login then POST /login; every
//      answer must be 200 and show her name). Requests per second, p50 and p99;
//   3. enqueues NOTIFICATIONS IIA CNRs for the live partner in one INSERT and times until the
//      node's background worker has delivered them all (its first look may come up to idle_poll,
//      0.5 s, later);
//   4. two processes: starts a second `mobility serve` on the same database and key, spreads the
//      connections over the two (connection c to process c % 2), logs in again and measures the
//      same, then drains a fresh batch with both processes' workers. Prints each two/one ratio.
// The load generator (signing every request, checking every answer) runs on the same cores as
// the node: what it spends comes off both measurements alike. Only loopback traffic; every wait
// is bounded. Timings are printed, never asserted.
#include <re2/re2.h>
#include <strings.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <map>
#include <vector>

#include "base/config.hpp"
#include "base/log.hpp"
#include "bench/bench_support.hpp"
#include "db/pool.hpp"
#include "mobilities/demo_mobilities.hpp"
#include "tests/support/test_database.hpp"
#include "tests/support/test_keys.hpp"

using namespace mobility;
using namespace mobility::bench;

namespace {

const std::string kLivePartner = partner_hei(199);
const std::string kStudent = "aase.bjornstad@student.fjordland.example";
const std::string kStudentName = "Åse Bjørnstad";        // on her page, whatever its language
constexpr int kMaxConnections = 64;                      // each a calling partner with its own test key
constexpr auto kDrainLimit = std::chrono::seconds(120);  // per batch

// Adds the cookies `reply` sets to `jar`.
void keep_cookies(const Reply& reply, std::map<std::string, std::string>& jar) {
  for (const auto& [name, value] : reply.headers) {
    if (strcasecmp(name.c_str(), "Set-Cookie") != 0) continue;
    std::string pair = value.substr(0, value.find(';'));
    size_t equals = pair.find('=');
    if (equals != std::string::npos) jar[pair.substr(0, equals)] = pair.substr(equals + 1);
  }
}

std::string cookie_header(const std::map<std::string, std::string>& jar) {
  std::string header;
  for (const auto& [name, value] : jar) header += (header.empty() ? "" : "; ") + name + "=" + value;
  return header;
}

// The headers of a request for the demo student's pages at `port`, logged in there over HTTP as a
// browser would: the login form for its csrf field, then the form posted.
Result<http::HeaderList> student_headers(int port) {
  KeepAliveClient client(port);
  http::HeaderList headers = {{"Host", "127.0.0.1"}, {"Accept-Language", "en"}};
  auto form = client.send("GET", "/login", headers);
  if (!form) return form.status();
  std::string csrf;
  if (form->status != 200 || !RE2::PartialMatch(form->body, R"re(name="csrf" value="([^"]*)")re", &csrf)) {
    return Status::unavailable("GET /login: status " + std::to_string(form->status) + ", no csrf field");
  }
  std::map<std::string, std::string> jar;
  keep_cookies(*form, jar);
  http::HeaderList post = headers;
  post.emplace_back("Cookie", cookie_header(jar));
  post.emplace_back("Content-Type", "application/x-www-form-urlencoded");
  auto login =
      client.send("POST", "/login", post, ewp::encode_form({{"csrf", csrf}, {"email", kStudent}, {"password", "mobility-demo"}}));
  if (!login) return login.status();
  if (login->status != 303) return Status::unavailable("POST /login: status " + std::to_string(login->status));
  keep_cookies(*login, jar);
  headers.emplace_back("Cookie", cookie_header(jar));
  return headers;
}

struct Load {
  std::vector<int> ports;  // one per serving process
  int connections = 0;
  std::chrono::seconds duration{0};
  ewp::RsaPublicKey node_key;
};

Latencies measure_echo(const Load& load) {
  return measure_for(
      load.ports, load.duration, load.connections,
      [](int c, int i) {
        return signed_load_request("GET", "/ewp/echo?echo=scale-" + std::to_string(i), "", testing::test_key(c).private_key);
      },
      [&](const LoadRequest& request, const Reply& reply) {
        std::string value = request.target.substr(request.target.find("echo=") + 5);
        return signed_answer_holds(request, reply, load.node_key, ">" + value + "<", 1);
      });
}

// The student's page, each connection with its own session made at the process it talks to.
Result<Latencies> measure_student_page(const Load& load) {
  std::vector<http::HeaderList> headers;
  for (int c = 0; c < load.connections; ++c) {
    auto signed_in = student_headers(load.ports[c % load.ports.size()]);
    if (!signed_in) return signed_in.status();
    headers.push_back(std::move(*signed_in));
  }
  return measure_for(
      load.ports, load.duration, load.connections,
      [&](int c, int) -> Result<LoadRequest> {
        return LoadRequest{"GET", "/my-exchange", "", {headers[c], "", ""}};
      },
      [](const LoadRequest&, const Reply& reply) {
        if (reply.status == 200 && count_of(reply.body, kStudentName) > 0) return Status::ok();
        return Status::unavailable("status " + std::to_string(reply.status) + ", not her page: " + reply.body);
      });
}

struct Phase {
  Latencies echo, page;
  Result<Drain> drain = Status::unavailable("not run");
};

// Measures echo, the student page and an outbox drain against the processes at `load.ports`;
// names start with `name`.
Result<Phase> run_phase(const std::string& name, const Load& load, db::Pool& our_pool, const PartnerNode& partner,
                        int notifications) {
  Phase phase;
  phase.echo = measure_echo(load);
  print((name + "_echo").c_str(), phase.echo);
  auto page = measure_student_page(load);
  if (!page) return page.status().with_context("signing in");
  phase.page = std::move(*page);
  print((name + "_student_page").c_str(), phase.page);
  phase.drain = drain_outbox((name + "_cnrs").c_str(), our_pool, partner, notifications, kDrainLimit);
  return phase;
}

double drain_rate(const Result<Drain>& drain) { return drain && drain->seconds > 0 ? drain->delivered / drain->seconds : 0; }

double ratio(double two, double one) { return one > 0 ? two / one : 0; }

int fail(const std::string& what, const Status& status) { return bench::fail("bench/scale", what, status); }

}  // namespace

int main(int argc, char** argv) {
  int seconds = argc > 1 ? std::atoi(argv[1]) : 10;
  int connections = argc > 2 ? std::atoi(argv[2]) : 8;
  int notifications = argc > 3 ? std::atoi(argv[3]) : 2000;
  std::string server_threads = argc > 4 ? argv[4] : std::to_string(Config{}.worker_threads);
  if (seconds < 1 || connections < 1 || connections > kMaxConnections || notifications < 1) {
    std::fprintf(stderr, "usage: bench/scale [SECONDS (>= 1)] [CONNECTIONS (1 to %d)] [NOTIFICATIONS (>= 1)] [SERVER_THREADS]\n",
                 kMaxConnections);
    return 2;
  }
  std::setvbuf(stdout, nullptr, _IOLBF, 0);  // each number as soon as it is known
  log::configure(log::Level::kWarn, log::Format::kText);
  fs::path directory = fs::temp_directory_path() / ("mobility-bench-scale-" + std::to_string(::getpid()));
  fs::create_directories(directory);

  std::string our_database = testing::create_demo_database(true);
  db::Pool our_pool({our_database, 2, std::chrono::seconds(5)});
  {
    auto connection = our_pool.acquire();
    if (!connection) return fail("seeding", connection.status());
    if (auto seeded = mobilities::seed_demo_mobilities(**connection); !seeded) return fail("seeding", seeded.status());
  }
  PartnerNode partner;
  auto our_key = prepare_network(partner, kLivePartner, directory, our_pool, "https://" + kPublicHost, connections);
  if (!our_key) return fail("set-up", our_key.status());
  if (Status started = start_partner(partner, {/*work_notifications=*/false, {}, /*refresh_reference_data=*/false}); !started)
    return fail("partner node", started);
  auto node_key = ewp::RsaPublicKey::from_base64_der(*our_key);
  if (!node_key) return fail("node key", node_key.status());
  std::printf("seconds %d\nconnections %d\nserver_threads %s\n", seconds, connections, server_threads.c_str());

  std::vector<ServingNode> serves;
  auto finish = [&](int code) {
    bool stopped = true;
    for (ServingNode& serve : serves) stopped = stop_serve(serve) && stopped;
    partner.server->stop();
    partner.node.reset();
    fs::remove_all(directory);
    return stopped ? code : 1;
  };
  Load load{{}, connections, std::chrono::seconds(seconds), std::move(*node_key)};
  std::vector<Phase> phases;
  for (const char* name : {"one_process", "two_processes"}) {
    auto serve = start_serve(our_database, directory, server_threads);
    if (!serve) return finish(fail("mobility serve", serve.status()));
    load.ports.push_back(serve->port);
    serves.push_back(std::move(*serve));
    auto phase = run_phase(name, load, our_pool, partner, notifications);
    if (!phase) return finish(fail(name, phase.status()));
    phases.push_back(std::move(*phase));
  }

  const Phase &one = phases[0], &two = phases[1];
  double echo_ratio = ratio(two.echo.per_second(), one.echo.per_second());
  double page_ratio = ratio(two.page.per_second(), one.page.per_second());
  double drain_ratio = ratio(drain_rate(two.drain), drain_rate(one.drain));
  std::printf("echo_two_over_one %.2f\nstudent_page_two_over_one %.2f\ncnrs_two_over_one %.2f\n", echo_ratio, page_ratio,
              drain_ratio);
  std::printf(
      "summary: signed echo %.0f/s with one process, %.0f/s with two (x%.2f); student page %.0f/s, %.0f/s (x%.2f); "
      "outbox %.0f CNRs/s with one worker, %.0f/s with two (x%.2f)\n",
      one.echo.per_second(), two.echo.per_second(), echo_ratio, one.page.per_second(), two.page.per_second(), page_ratio,
      drain_rate(one.drain), drain_rate(two.drain), drain_ratio);

  long failed = 0;
  for (const Phase& phase : phases) {
    failed += phase.echo.failed + phase.page.failed;
    if (!phase.drain) {
      std::fprintf(stderr, "bench/scale: %s\n", phase.drain.status().to_string().c_str());
      ++failed;
    }
  }
  return finish(failed == 0 ? 0 : 1);
}
