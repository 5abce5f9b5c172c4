// bench/mobilities: the OMobility LAs API and change propagation between two nodes at a
// realistic size, measured in one run (run through bench/mobilities, which prints the load average
// beside the numbers). It
//   1. seeds COUNT outgoing mobilities of fjordland.example to 200 partner HEIs, each with a
//      learning agreement whose first proposal, signed by the student and the sending HEI, awaits
//      the partner, in a few set-based INSERT ... SELECT generate_series statements. The content
//      comes from one sample mobility and proposal per partner made and checked by the domain
//      (tests/support/mobility_samples.hpp), with their proposal ids as the domain computes them:
//      a row differs only in omobility_id and the student's global_id, which neither id hashes.
//      Prints how long that took, then VACUUM ANALYZE (as autovacuum would have done on a node
//      holding that data for a while);
//   2. starts the node as a child `mobility serve` (configured through MOBILITY_* variables, as
//      an operator would) and measures, over CONNECTIONS persistent loopback connections, signed
//      as partner HEIs with their own keys: LAs index of one partner (connection c is partner c:
//      its COUNT / 200 agreements), LAs get of max-omobility-ids (20) of its agreements, and LAs
//      update approving a proposal (every request a different agreement, of one of 20 partners,
//      with its current changes-proposal id). Every answer must be 200, signed by the node and
//      hold what was asked for. p50 and p99 over REQUESTS requests each;
//   3. reads the serving process's VmRSS (and its peak, VmHWM) from /proc after that load;
//   4. starts a live partner node B (partner-199.example, an EwpNode in this process on loopback,
//      its CNR worker running) and makes 1,000 changes at A, one every 50 ms, through the domain
//      on A's database: even ones change a nomination (OMobility CNR, OMobilities get), odd ones
//      sign a new LA proposal (LA CNR, LAs get). The serving node's own worker delivers the CNRs
//      (its first look may come up to idle_poll, 0.5 s, later), B's worker fetches and stores
//      (the same again). Per change: the time from its commit at A until B's partner_omobility
//      or partner_la row holds the new proposal id (B's database polled every 5 ms); p50 and p99.
// Only loopback traffic; every wait is bounded. Timings are printed, never asserted.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <map>
#include <thread>
#include <vector>

#include "base/log.hpp"
#include "bench/bench_support.hpp"
#include "db/param.hpp"
#include "db/pool.hpp"
#include "db/transaction.hpp"
#include "ewp-node/apis/omobility-las-v1/la_xml.hpp"
#include "ewp-node/apis/omobility-las-v1/las_api.hpp"
#include "mobilities/la_rules.hpp"
#include "mobilities/mobility_json.hpp"
#include "mobilities/mobility_rules.hpp"
#include "mobilities/outgoing_learning_agreements.hpp"
#include "mobilities/outgoing_mobilities.hpp"
#include "tests/support/mobility_samples.hpp"
#include "tests/support/test_database.hpp"
#include "tests/support/test_keys.hpp"

using namespace mobility;
using namespace mobility::ewp;
using namespace mobility::bench;
using mobilities::LaVersion;

namespace {

constexpr int kPartners = 200;
constexpr int kUpdatingPartners = 20;  // LAs update: request i approves an agreement of partner i % 20
constexpr int kChanges = 1000;
constexpr auto kChangeInterval = std::chrono::milliseconds(50);
constexpr auto kPollInterval = std::chrono::milliseconds(5);
constexpr int kVisibleWithinSeconds = 60;  // after the last change
const std::string kEsiPrefix = "urn:schac:personalUniqueCode:int:esi:" + kOurHei + ":";
const agreements::Editor kCoordinator{std::nullopt, "per.saether@fjordland.example", std::string("coordinator")};

// The partner that is a live node and receives the changes: one of the 200.
const int kLivePartnerIndex = kPartners - 1;
const std::string kLivePartner = partner_hei(kLivePartnerIndex);

// Mobility number n ("om-0000042") goes to partner n % 200.
std::string omobility_id(int n) {
  char id[32];
  std::snprintf(id, sizeof id, "om-%07d", n);
  return id;
}

// The k-th mobility (from 0) to partner p.
std::string omobility_of(int partner, int k) { return omobility_id(partner + kPartners * k); }

// The proposal every seeded agreement awaits, signed by the student and the sending HEI.
LaVersion signed_first_proposal() {
  LaVersion proposal = testing::sample_first_version();
  proposal.student_signature = testing::student_signature();
  proposal.sending_signature = testing::coordinator_signature(kOurHei);
  return proposal;
}

// Per partner, the content and nomination proposal id of a mobility to it, checked by the domain's
// rules; omobility_id and the student's ESI are set per row in SQL.
struct Templates {
  std::vector<std::string> partners, contents, proposal_ids;
};

Result<Templates> mobility_templates() {
  Templates templates;
  for (int p = 0; p < kPartners; ++p) {
    mobilities::Mobility mobility = testing::sample_mobility(omobility_id(p), kOurHei, partner_hei(p));
    if (auto problems = mobilities::check_mobility(mobility); !problems.empty()) {
      return Status::invalid_argument("sample mobility refused: " + problems.front().text);
    }
    templates.partners.push_back(partner_hei(p));
    templates.contents.push_back(mobilities::canonical_text(mobilities::to_json_value(mobility)));
    templates.proposal_ids.push_back(mobilities::nomination_proposal_id(mobility.nomination));
  }
  return templates;
}

Status check_proposal_template(const LaVersion& proposal) {
  mobilities::LearningAgreement la;
  la.mobility = testing::sample_mobility(omobility_id(0), kOurHei, partner_hei(0));
  auto problems = mobilities::check_proposal(la, proposal);
  auto unsigned_ = mobilities::check_signed_by_sender(proposal);
  problems.insert(problems.end(), unsigned_.begin(), unsigned_.end());
  if (!problems.empty()) return Status::invalid_argument("sample proposal refused: " + problems.front().text);
  return Status::ok();
}

// The seeded rows: mobility number n as (n, id, its partner's template).
constexpr const char* kSeededRows =
    "(SELECT n, format('om-%s', lpad(n::text, 7, '0')) AS id, t.partner, t.content, t.proposal_id"
    "   FROM generate_series(0, $1::int - 1) AS n"
    "   JOIN unnest($2::text[], $3::text[], $4::text[]) WITH ORDINALITY AS t(partner, content, proposal_id, number)"
    "     ON t.number = n % cardinality($2::text[]) + 1) AS seeded";

// The partner HEIs, COUNT mobilities and their agreements, each with version 1 proposed: as
// OutgoingMobilities::nominate and OutgoingLearningAgreements would store them, in one
// transaction (their history events and CNRs are left out).
Status seed_mobilities(db::Connection& connection, int count) {
  auto started = Steady::now();
  auto templates = mobility_templates();
  if (!templates) return templates.status();
  LaVersion proposal = signed_first_proposal();
  if (Status checked = check_proposal_template(proposal); !checked) return checked;
  std::string proposal_content = mobilities::canonical_text(mobilities::to_json_value(proposal));
  std::string proposal_id = mobilities::changes_proposal_id(proposal);
  db::Param rows_count = count, partners = db::text_array(templates->partners), contents = db::text_array(templates->contents),
            proposal_ids = db::text_array(templates->proposal_ids);
  auto tx = db::Transaction::begin(connection);
  if (!tx) return tx.status();
  auto heis = tx->exec(
      "INSERT INTO hei (hei_id, country_code) SELECT hei_id, 'FR' FROM unnest($1::text[]) AS t(hei_id) ON CONFLICT DO NOTHING",
      {partners});
  if (!heis) return heis.status();
  auto mobilities = tx->exec(
      std::string("INSERT INTO omobility (omobility_id, sending_hei_id, receiving_hei_id, receiving_academic_year_id, "
                  "global_id, status, proposal_id, content) "
                  "SELECT id, $5, partner, content::jsonb #>> '{nomination,receiving_academic_year_id}', $6 || id, 'pending',"
                  "       proposal_id, jsonb_set(jsonb_set(content::jsonb, '{omobility_id}', to_jsonb(id)),"
                  "                              '{student,global_id}', to_jsonb($6 || id)) FROM ") +
          kSeededRows,
      {rows_count, partners, contents, proposal_ids, kOurHei, kEsiPrefix});
  if (!mobilities) return mobilities.status();
  auto agreements =
      tx->exec(std::string("INSERT INTO learning_agreement (omobility_id, shared_at) SELECT id, now() FROM ") + kSeededRows,
               {rows_count, partners, contents, proposal_ids});
  if (!agreements) return agreements.status();
  auto versions = tx->exec(std::string("INSERT INTO la_version (omobility_id, version, content, changes_proposal_id, state) "
                                       "SELECT id, 1, $5::jsonb, $6, 'proposed' FROM ") +
                               kSeededRows,
                           {rows_count, partners, contents, proposal_ids, proposal_content, proposal_id});
  if (!versions) return versions.status();
  if (Status committed = tx->commit(); !committed) return committed;
  double seed_seconds = seconds_since(started);
  started = Steady::now();
  if (auto vacuumed = connection.exec_script("VACUUM ANALYZE hei, omobility, learning_agreement, la_version"); !vacuumed) {
    return vacuumed.status();
  }
  std::printf("seeded_mobilities %d\nseeded_partners %d\nseed_seconds %.2f\nseed_vacuum_analyze_seconds %.2f\n", count, kPartners,
              seed_seconds, seconds_since(started));
  return Status::ok();
}

// ---- step 2: signed load ----

struct Load {
  int port = 0;
  int count = 0;
  int requests = 0;
  int connections = 0;
  RsaPublicKey node_key;
};

Latencies measure_index(const Load& load) {
  const std::string target = "/ewp/omobility-las/index?sending_hei_id=" + kOurHei;
  return measure(
      load.port, load.requests, load.connections,
      [&](int c, int) { return signed_load_request("GET", target, "", testing::test_key(c).private_key); },
      [&](const LoadRequest& request, const Reply& reply) {
        return signed_answer_holds(request, reply, load.node_key, "<omobility-id>", load.count / kPartners);
      });
}

Latencies measure_get(const Load& load) {
  return measure(
      load.port, load.requests, load.connections,
      [&](int c, int i) {
        std::string target = "/ewp/omobility-las/get?sending_hei_id=" + kOurHei;
        int first = (i / load.connections) % (load.count / kPartners - kMaxLaOMobilityIds + 1);
        for (int k = 0; k < kMaxLaOMobilityIds; ++k) target += "&omobility_id=" + omobility_of(c, first + k);
        return signed_load_request("GET", target, "", testing::test_key(c).private_key);
      },
      [&](const LoadRequest& request, const Reply& reply) {
        return signed_answer_holds(request, reply, load.node_key, "<la>", kMaxLaOMobilityIds);
      });
}

// Request i approves the (i / 20)-th agreement of partner i % 20, signed with that partner's key.
Latencies measure_update(const Load& load, const std::string& proposal_id) {
  return measure(
      load.port, load.requests, load.connections,
      [&](int, int i) {
        int partner = i % kUpdatingPartners;
        LaUpdateRequest update{kOurHei,
                               LaUpdateRequest::Type::kApprove,
                               omobility_of(partner, i / kUpdatingPartners),
                               proposal_id,
                               std::nullopt,
                               testing::coordinator_signature(partner_hei(partner))};
        return signed_load_request("POST", "/ewp/omobility-las/update", la_update_request_xml(update),
                                   testing::test_key(partner).private_key);
      },
      [&](const LoadRequest& request, const Reply& reply) {
        return signed_answer_holds(request, reply, load.node_key, "success-user-message>", 2);  // open and close
      });
}

// ---- step 4: changes at A until B's copy shows them ----

struct Change {
  std::string omobility_id;
  bool on_la = false;       // a new LA proposal; else a changed nomination
  std::string proposal_id;  // what B's copy must show
  Steady::time_point made;  // committed at A
  double visible_ms = -1;   // -1: not seen at B
  bool superseded = false;  // a later change of the same mobility came before B showed this one
};

// Change number i of the live partner's mobilities, through the domain on A's database.
Result<Change> make_change(db::Connection& connection, int i, int live_mobilities) {
  Change change;
  change.omobility_id = omobility_of(kLivePartnerIndex, i % live_mobilities);
  change.on_la = i % 2 == 1;
  if (change.on_la) {
    LaVersion proposal = testing::sample_first_version();
    proposal.components_of(mobilities::ComponentTable::kStudied)[1].title = "Machine Learning, change " + std::to_string(i);
    mobilities::OutgoingLearningAgreements las;
    if (auto saved = las.save_draft(connection, change.omobility_id, proposal, kCoordinator); !saved) return saved.status();
    if (Status signed_ = las.sign_draft(connection, change.omobility_id, mobilities::Signer::kStudent,
                                        testing::student_signature(), kCoordinator);
        !signed_) {
      return signed_;
    }
    if (Status signed_ = las.sign_draft(connection, change.omobility_id, mobilities::Signer::kSendingHei,
                                        testing::coordinator_signature(kOurHei), kCoordinator);
        !signed_) {
      return signed_;
    }
    change.proposal_id = mobilities::changes_proposal_id(proposal);
  } else {
    mobilities::OutgoingMobilities outgoing;
    auto mobility = outgoing.load(connection, change.omobility_id);
    if (!mobility) return mobility.status();
    mobility->nomination.comment = "Change " + std::to_string(i) + ": a second language course is planned";
    if (Status changed = outgoing.change(connection, *mobility, kCoordinator); !changed) return changed;
    change.proposal_id = mobilities::nomination_proposal_id(mobility->nomination);
  }
  change.made = Steady::now();
  return change;
}

// Marks the outstanding changes (by mobility) that B's copies show now.
Status poll_partner(db::Connection& b, std::map<std::string, Change*>& outstanding) {
  std::vector<std::string> ids;
  for (const auto& [id, change] : outstanding) ids.push_back(id);
  auto rows = b.exec(
      "SELECT o.omobility_id, o.proposal_id, l.changes_proposal_id FROM partner_omobility o"
      "  LEFT JOIN partner_la l USING (sending_hei_id, omobility_id)"
      " WHERE o.sending_hei_id = $1 AND o.omobility_id = ANY($2::text[])",
      {kOurHei, db::text_array(ids)});
  if (!rows) return rows.status();
  for (db::Row row : *rows) {
    Change* change = outstanding.at(row.get<std::string>(0));
    auto shown = change->on_la ? row.get<std::optional<std::string>>(2) : row.get<std::optional<std::string>>(1);
    if (shown == change->proposal_id) {
      change->visible_ms = milliseconds_since(change->made);
      outstanding.erase(change->omobility_id);
    }
  }
  return Status::ok();
}

// Makes kChanges changes at A, one every kChangeInterval, and polls B until each shows (at most
// kVisibleWithinSeconds after the last change).
Result<std::vector<Change>> propagate_changes(db::Pool& our_pool, db::Pool& partner_pool, int live_mobilities) {
  auto a = our_pool.acquire();
  if (!a) return a.status();
  auto b = partner_pool.acquire();
  if (!b) return b.status();
  std::vector<Change> changes;
  changes.reserve(kChanges);
  std::map<std::string, Change*> outstanding;
  auto started = Steady::now();
  Steady::time_point last_change = started;
  while (changes.size() < kChanges || (!outstanding.empty() && seconds_since(last_change) < kVisibleWithinSeconds)) {
    if (changes.size() < kChanges && Steady::now() >= started + changes.size() * kChangeInterval) {
      auto change = make_change(**a, static_cast<int>(changes.size()), live_mobilities);
      if (!change) return change.status().with_context("change " + std::to_string(changes.size()));
      changes.push_back(std::move(*change));
      last_change = changes.back().made;
      if (auto earlier = outstanding.find(changes.back().omobility_id); earlier != outstanding.end()) {
        earlier->second->superseded = true;
      }
      outstanding[changes.back().omobility_id] = &changes.back();
      continue;
    }
    if (!outstanding.empty()) {
      if (Status polled = poll_partner(**b, outstanding); !polled) return polled;
    }
    std::this_thread::sleep_for(kPollInterval);
  }
  return changes;
}

// change_visible_* lines for the changes `which` selects; returns their latencies in ms, sorted.
Latencies print_propagation(const char* name, const std::vector<Change>& changes, bool (*which)(const Change&)) {
  Latencies latencies;
  long superseded = 0;
  for (const Change& change : changes) {
    if (!which(change)) continue;
    if (change.visible_ms >= 0) {
      latencies.ms.push_back(change.visible_ms);
    } else if (change.superseded) {
      ++superseded;
    } else {
      ++latencies.failed;
    }
  }
  std::sort(latencies.ms.begin(), latencies.ms.end());
  std::printf("%s_changes %zu\n%s_p50_ms %.1f\n%s_p99_ms %.1f\n%s_max_ms %.1f\n%s_not_visible %ld\n%s_superseded %ld\n", name,
              latencies.ms.size() + latencies.failed + superseded, name, latencies.percentile(0.50), name,
              latencies.percentile(0.99), name, latencies.percentile(1.0), name, latencies.failed, name, superseded);
  return latencies;
}

int fail(const std::string& what, const Status& status) { return bench::fail("bench/mobilities", what, status); }

}  // namespace

int main(int argc, char** argv) {
  int count = argc > 1 ? std::atoi(argv[1]) : 50000;
  int requests = argc > 2 ? std::atoi(argv[2]) : 2000;
  int connections = argc > 3 ? std::atoi(argv[3]) : 4;
  std::string server_threads = argc > 4 ? argv[4] : "2";
  if (count < kPartners * kMaxLaOMobilityIds || connections < 1 || connections > kUpdatingPartners ||
      requests > count / kPartners * kUpdatingPartners) {
    std::fprintf(stderr,
                 "usage: bench/mobilities [COUNT (>= %d)] [REQUESTS (<= COUNT / 10)] [CONNECTIONS (1 to %d)] "
                 "[SERVER_THREADS]\n",
                 kPartners * kMaxLaOMobilityIds, kUpdatingPartners);
    return 2;
  }
  std::setvbuf(stdout, nullptr, _IOLBF, 0);  // each number as soon as it is known
  log::configure(log::Level::kWarn, log::Format::kText);
  fs::path directory = fs::temp_directory_path() / ("mobility-bench-mobilities-" + std::to_string(::getpid()));
  fs::create_directories(directory);

  std::string our_database = testing::create_demo_database();
  db::Pool our_pool({our_database, 2, std::chrono::seconds(5)});
  {
    auto connection = our_pool.acquire();
    if (!connection) return fail("seeding", connection.status());
    if (Status seeded = seed_mobilities(**connection, count); !seeded) return fail("seeding", seeded);
  }

  PartnerNode partner;
  // B calls us at http://ewp.bench.example, which its curl connect_to rule maps to our port.
  auto our_key = prepare_network(partner, kLivePartner, directory, our_pool, "http://" + kPublicHost, kUpdatingPartners);
  if (!our_key) return fail("set-up", our_key.status());
  auto serve = start_serve(our_database, directory, server_threads);
  if (!serve) return fail("mobility serve", serve.status());
  int serve_pid = serve->process->pid();
  std::printf("serve_rss_idle_mb %.1f\n", proc_status_mb(serve_pid, "VmRSS"));

  auto node_key = RsaPublicKey::from_base64_der(*our_key);
  if (!node_key) return fail("node key", node_key.status());
  Load load{serve->port, count, requests, connections, std::move(*node_key)};
  Latencies index = measure_index(load);
  Latencies get = measure_get(load);
  Latencies update = measure_update(load, mobilities::changes_proposal_id(signed_first_proposal()));
  double rss_mb = proc_status_mb(serve_pid, "VmRSS");
  print("index", index);
  std::printf("index_ids_per_answer %d\n", count / kPartners);
  print("get", get);
  std::printf("get_omobility_ids_per_request %d\n", kMaxLaOMobilityIds);
  print("update", update);
  std::printf("connections %d\nserver_threads %s\n", connections, server_threads.c_str());
  std::printf("serve_rss_after_load_mb %.1f\nserve_rss_peak_mb %.1f\n", rss_mb, proc_status_mb(serve_pid, "VmHWM"));

  Status partner_started = start_partner(
      partner, {true, {kPublicHost + ":80:127.0.0.1:" + std::to_string(serve->port)}, /*refresh_reference_data=*/false});
  if (!partner_started) return fail("partner node", partner_started);
  auto changes = propagate_changes(our_pool, *partner.pool, count / kPartners);
  Latencies visible;
  if (changes) {
    std::printf("change_interval_ms %lld\n", static_cast<long long>(kChangeInterval.count()));
    visible = print_propagation("change_visible", *changes, [](const Change&) { return true; });
    print_propagation("nomination_change_visible", *changes, [](const Change& c) { return !c.on_la; });
    print_propagation("la_proposal_visible", *changes, [](const Change& c) { return c.on_la; });
  }
  std::printf("serve_rss_after_changes_mb %.1f\nserve_rss_peak_mb %.1f\n", proc_status_mb(serve_pid, "VmRSS"),
              proc_status_mb(serve_pid, "VmHWM"));
  std::printf(
      "targets: index p50 %.2f ms (target < 20 ms), update p50 %.2f ms (target < 30 ms), RSS %.1f MB (target < 200 MB), "
      "change visible at the partner p50 %.0f ms (target < 1000 ms)\n",
      index.percentile(0.50), update.percentile(0.50), rss_mb, visible.percentile(0.50));

  bool stopped = stop_serve(*serve);
  partner.server->stop();
  partner.node.reset();
  fs::remove_all(directory);
  if (!changes) return fail("changes", changes.status());
  return stopped && index.failed + get.failed + update.failed + visible.failed == 0 ? 0 : 1;
}
