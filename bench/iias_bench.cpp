// bench/iias: the IIAs API and the CNR outbox of one node at a realistic size, measured in one run
// (run through bench/iias, which prints the load average beside the numbers). It
//   1. seeds 10,000 shared agreements of fjordland.example with 200 partner HEIs (50 each) in two
//      set-based INSERTs, with content from the model (tests/support/iia_samples.hpp) and the
//      hash the node serves, and prints how long that took;
//   2. starts the node as a child `mobility serve` (configured through MOBILITY_* variables, as
//      an operator would) and measures signed IIAs index round trips: CONNECTIONS persistent
//      loopback connections, connection c signing as partner c with its own key and a fresh
//      X-Request-Id per request; every answer must be 200, signed by the node and list the
//      partner's 50 agreements. p50 and p99 over REQUESTS requests;
//   3. the same for IIAs get of kMaxIiaIds of the partner's ids per request;
//   4. reads the serving process's VmRSS (and its peak, VmHWM) from /proc after that load;
//   5. enqueues 1,000 IIA CNRs in the node's outbox for a live partner node (partner-199.example,
//      an EwpNode in this process on loopback, listed in the catalogue; the ids are fresh UUIDs,
//      as 1,000 distinct agreements changing) and times until the serving node's own background
//      worker has delivered them all (its first look may come up to idle_poll, 0.5 s, later):
//      bench_support's drain_outbox.
// Only loopback traffic; every wait is bounded. Timings are printed, never asserted.
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <vector>

#include "agreements/iia_book.hpp"
#include "agreements/iia_json.hpp"
#include "agreements/iia_rules.hpp"
#include "base/log.hpp"
#include "bench/bench_support.hpp"
#include "db/pool.hpp"
#include "db/transaction.hpp"
#include "ewp-node/apis/iias-v7/iia_xml.hpp"
#include "ewp-node/apis/iias-v7/iias_api.hpp"
#include "tests/support/iia_samples.hpp"
#include "tests/support/test_database.hpp"
#include "tests/support/test_keys.hpp"

using namespace mobility;
using namespace mobility::ewp;
using namespace mobility::bench;

namespace {

constexpr int kIias = 10000;
constexpr int kPartners = 200;
constexpr int kCnrs = 1000;

// The partner that is a live node and receives the CNRs: one of the 200.
const std::string kLivePartner = partner_hei(kPartners - 1);

// Our agreements' ids, by partner index.
using IdsByPartner = std::vector<std::vector<std::string>>;

// The partner HEIs and every agreement with them as IiaBook::create_draft would store it, already
// shared, in one transaction of set-based INSERTs (the book's one transaction per agreement, each
// with its audit events and CNR, would take minutes; those rows are left out).
Result<IdsByPartner> seed_iias(db::Connection& connection) {
  auto started = Steady::now();
  std::vector<std::string> partner_heis;
  for (int p = 0; p < kPartners; ++p) partner_heis.push_back(partner_hei(p));
  IdsByPartner ids(kPartners);
  std::vector<std::string> iia_ids, partners, codes, contents, hashes;
  for (int i = 0; i < kIias; ++i) {
    int partner = i % kPartners;
    agreements::Iia content = testing::sample_iia(partner_heis[partner]);
    std::string iia_id = agreements::new_iia_id();
    std::string code = "UiF-" + std::to_string(i + 1);
    content.partners[0].iia_id = iia_id;
    content.partners[0].iia_code = code;
    content.mobility_specs[0].mobilities_per_year = 1 + i % 5;  // not 10,000 times the same conditions
    agreements::sort_mobility_specs(content);
    // Checked once per partner: the rest differ only in ids, code and a number, and check_iia
    // compiles its regular expressions on every call (15 s of 16 for all 10,000 on this machine).
    if (i < kPartners) {
      if (auto problems = agreements::check_iia(content); !problems.empty()) {
        return Status::invalid_argument("sample agreement refused: " + problems.front().text);
      }
    }
    ids[partner].push_back(iia_id);
    iia_ids.push_back(iia_id);
    partners.push_back(partner_heis[partner]);
    codes.push_back(code);
    contents.push_back(agreements::iia_to_json(content).dump());
    hashes.push_back(served_iia_hash(content));
  }
  double model_seconds = seconds_since(started);
  started = Steady::now();
  auto tx = db::Transaction::begin(connection);
  if (!tx) return tx.status();
  auto heis = tx->exec(
      "INSERT INTO hei (hei_id, country_code) SELECT hei_id, 'FR' FROM unnest($1::text[]) AS t(hei_id) ON CONFLICT DO NOTHING",
      {db::text_array(partner_heis)});
  if (!heis) return heis.status();
  auto iias = tx->exec(
      "INSERT INTO iia (hei_id, iia_id, partner_hei_id, iia_code, ounit_id, state, iia_hash) "
      "SELECT $1, iia_id, partner, code, 'ou-mn', 'shared', hash "
      "  FROM unnest($2::text[], $3::text[], $4::text[], $5::text[]) AS t(iia_id, partner, code, hash)",
      {kOurHei, db::text_array(iia_ids), db::text_array(partners), db::text_array(codes), db::text_array(hashes)});
  if (!iias) return iias.status();
  auto versions = tx->exec(
      "INSERT INTO iia_version (hei_id, iia_id, version, content, iia_hash, changed_by, reason) "
      "SELECT $1, iia_id, 1, content::jsonb, hash, 'bench/iias', 'seeded' "
      "  FROM unnest($2::text[], $3::text[], $4::text[]) AS t(iia_id, content, hash)",
      {kOurHei, db::text_array(iia_ids), db::text_array(contents), db::text_array(hashes)});
  if (!versions) return versions.status();
  if (Status committed = tx->commit(); !committed) return committed;
  std::printf("seeded_iias %d\nseeded_partners %d\nseed_model_seconds %.2f\nseed_sql_seconds %.2f\n", kIias, kPartners,
              model_seconds, seconds_since(started));
  return ids;
}

int fail(const std::string& what, const Status& status) { return bench::fail("bench/iias", what, status); }

}  // namespace

int main(int argc, char** argv) {
  int requests = argc > 1 ? std::atoi(argv[1]) : 2000;
  int connections = argc > 2 ? std::atoi(argv[2]) : 4;
  std::string server_threads = argc > 3 ? argv[3] : "2";
  log::configure(log::Level::kWarn, log::Format::kText);
  fs::path directory = fs::temp_directory_path() / ("mobility-bench-iias-" + std::to_string(::getpid()));
  fs::create_directories(directory);

  std::string our_database = testing::create_demo_database();
  db::Pool our_pool({our_database, 2, std::chrono::seconds(5)});
  auto seeded = [&]() -> Result<IdsByPartner> {
    auto connection = our_pool.acquire();
    if (!connection) return connection.status();
    return seed_iias(**connection);
  }();
  if (!seeded) return fail("seeding", seeded.status());

  PartnerNode partner;
  auto our_key = prepare_network(partner, kLivePartner, directory, our_pool, "https://" + kPublicHost, connections);
  if (!our_key) return fail("set-up", our_key.status());
  if (Status started = start_partner(partner, {false, {}}); !started) return fail("partner node", started);

  auto serve = start_serve(our_database, directory, server_threads);
  if (!serve) return fail("mobility serve", serve.status());
  int serve_pid = serve->process->pid();
  std::printf("serve_rss_idle_mb %.1f\n", proc_status_mb(serve_pid, "VmRSS"));

  auto node_key = RsaPublicKey::from_base64_der(*our_key);
  const IdsByPartner& ids = *seeded;
  auto signed_get = [](const std::string& target) {
    return [target](int c, int) { return signed_load_request("GET", target, "", testing::test_key(c).private_key); };
  };
  Latencies index = measure(serve->port, requests, connections, signed_get("/ewp/iias/index"),
                            [&](const LoadRequest& request, const Reply& reply) {
                              return signed_answer_holds(request, reply, *node_key, "<iia-id>", static_cast<int>(ids[0].size()));
                            });
  Latencies get = measure(
      serve->port, requests, connections,
      [&](int c, int) {
        std::string target = "/ewp/iias/get?";
        for (int i = 0; i < kMaxIiaIds; ++i) target += (i ? "&iia_id=" : "iia_id=") + ids[c][i];
        return signed_load_request("GET", target, "", testing::test_key(c).private_key);
      },
      [&](const LoadRequest& request, const Reply& reply) {
        return signed_answer_holds(request, reply, *node_key, "<iia>", kMaxIiaIds);
      });
  double rss_mb = proc_status_mb(serve_pid, "VmRSS");
  print("index", index);
  print("get", get);
  std::printf("get_iia_ids_per_request %d\nconnections %d\nserver_threads %s\n", kMaxIiaIds, connections, server_threads.c_str());
  std::printf("serve_rss_after_load_mb %.1f\nserve_rss_peak_mb %.1f\n", rss_mb, proc_status_mb(serve_pid, "VmHWM"));

  auto drained = drain_outbox("cnrs", our_pool, partner, kCnrs, std::chrono::seconds(60));
  std::printf("serve_rss_after_drain_mb %.1f\n", proc_status_mb(serve_pid, "VmRSS"));
  std::printf(
      "targets: index p50 %.2f ms (target < 20 ms), RSS %.1f MB (target < 200 MB), %d CNRs drained in %.2f s (target < 10 s)\n",
      index.percentile(0.50), rss_mb, kCnrs, drained ? drained->seconds : -1.0);

  bool stopped = stop_serve(*serve);
  partner.server->stop();
  partner.node.reset();
  fs::remove_all(directory);
  if (!drained) return fail("outbox drain", drained.status());
  return stopped && index.failed + get.failed == 0 ? 0 : 1;
}
