// What the node benchmarks (bench/iias_bench.cpp, bench/mobilities_bench.cpp, bench/scale_bench.cpp)
// share: signed load over persistent loopback connections with its latency percentiles, the node
// under load as a child `mobility serve` (or two), its memory from /proc, a live partner node in
// the bench's own process, trusted through a registry catalogue built from both nodes'
// manifests, and the drain of a batch of CNRs from the node's outbox to that partner.
#pragma once

#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "base/status.hpp"
#include "bench/keep_alive_client.hpp"
#include "db/pool.hpp"
#include "ewp-node/ewp_node.hpp"
#include "ewp-node/security/request_signer.hpp"
#include "ewp-node/security/rsa_signer.hpp"
#include "http/server.hpp"
#include "tests/support/child_process.hpp"

namespace mobility::bench {

namespace fs = std::filesystem;
using Steady = std::chrono::steady_clock;

inline const std::string kOurHei = "fjordland.example";      // the demo HEI, hosted by the node under load
inline const std::string kPublicHost = "ewp.bench.example";  // its host in requests and in the catalogue

double seconds_since(Steady::time_point start);
double milliseconds_since(Steady::time_point start);

// "partner-007.example": the bench's partner HEIs, by index.
std::string partner_hei(int index);

// How often `part` occurs in `text`.
int count_of(const std::string& text, const std::string& part);

// Round-trip times of a load, and what failed.
struct Latencies {
  std::vector<double> ms;  // sorted
  long failed = 0;
  std::string first_failure;
  double seconds = 0;

  double percentile(double p) const { return ms.empty() ? 0 : ms[static_cast<size_t>(p * (ms.size() - 1))]; }
  double per_second() const { return seconds > 0 ? ms.size() / seconds : 0; }  // of the successful requests
};

// name_requests, name_requests_per_second, name_p50_ms, name_p99_ms, name_failed (and the first
// failure), one per line.
void print(const char* name, const Latencies& latencies);

// One request of a load, signed as a partner.
struct LoadRequest {
  std::string method;  // GET or POST
  std::string target;
  std::string body;  // sent as text/xml when not empty
  ewp::SignedRequest signed_request;
};

// A GET or (with a body) POST to the node, signed with `key` at this moment.
Result<LoadRequest> signed_load_request(const std::string& method, const std::string& target, const std::string& body,
                                        const ewp::RsaPrivateKey& key);

// Request number `request` of connection `connection`.
using RequestMaker = std::function<Result<LoadRequest>(int connection, int request)>;
// Whether the reply to a request counts as a success.
using ReplyCheck = std::function<Status(const LoadRequest& request, const Reply& reply)>;

// `requests` requests over `connections` persistent loopback connections to `port` (connection c
// sends requests c, c + connections, ...); a reply counts when `check` accepts it. Only the HTTP
// exchange is timed, not making the request (signing) or checking the reply.
Latencies measure(int port, int requests, int connections, const RequestMaker& make, const ReplyCheck& check);

// The same for `duration` instead of a number of requests, connection c to ports[c % ports.size()]
// (several processes serving one database). Requests per second count the whole loop, making and
// checking included.
Latencies measure_for(const std::vector<int>& ports, std::chrono::milliseconds duration, int connections,
                      const RequestMaker& make, const ReplyCheck& check);

// A partner's checks of an answer: 200, signed by the node with `node_key`, `marker` in the body
// `expected` times.
Status signed_answer_holds(const LoadRequest& request, const Reply& reply, const ewp::RsaPublicKey& node_key,
                           const std::string& marker, int expected);

// "123456 kB" of `field` (VmRSS, VmHWM) in /proc/<pid>/status, in MB.
double proc_status_mb(int pid, const std::string& field);

// The node under load: `mobility serve` on a free loopback port, configured through MOBILITY_*
// variables as an operator would, with its key in directory/keys and the catalogue in
// directory/catalogue.xml.
struct ServingNode {
  std::unique_ptr<testing::ChildProcess> process;
  int port = 0;
};
Result<ServingNode> start_serve(const std::string& database_url, const fs::path& directory, const std::string& worker_threads);

// Asks the serving node to stop and waits (at most 20 s) until it has; false when it did not.
bool stop_serve(ServingNode& serve);

// The live partner: its own database, key and loopback server, hosting one partner HEI.
struct PartnerNode {
  std::string hei_id;
  std::unique_ptr<db::Pool> pool;
  std::shared_ptr<http::Router> router = std::make_shared<http::Router>();
  std::unique_ptr<http::Server> server;
  std::unique_ptr<ewp::EwpNode> node;
  fs::path directory;
  std::string key_base64;
  std::string public_url() const;
};

// A fresh migrated database hosting `hei_id` and knowing our HEI, a key in directory/keys and a
// started server (its router is filled by start_partner before any request comes).
Status prepare_partner(PartnerNode& partner, const std::string& hei_id, const fs::path& directory);

// Starts the partner's EWP node with the bench's catalogue (directory/../catalogue.xml).
Status start_partner(PartnerNode& partner, const ewp::EwpNodeOptions& options);

// The registry catalogue at `path`: our node at `our_url` with `our_key` and every API it
// serves, the live partner with its APIs, and `callers` partner HEIs (partner_hei(0), ...) with
// only a client key each (testing::test_key(c)).
Status write_catalogue(const fs::path& path, db::Pool& our_pool, const std::string& our_url, const std::string& our_key,
                       const PartnerNode& partner, int callers);

// What a node bench sets up before it starts `mobility serve`: the live partner hosting
// `partner_hei_id` prepared in directory/partner (prepare_partner), our node's key pair in
// directory/keys (as `mobility keys generate` makes it) and the catalogue directory/catalogue.xml
// (write_catalogue: our node at `our_url`, the partner, `callers` calling partners). Returns our
// public key as the catalogue publishes it (Base64 DER).
Result<std::string> prepare_network(PartnerNode& partner, const std::string& partner_hei_id, const fs::path& directory,
                                    db::Pool& our_pool, const std::string& our_url, int callers);

// How a batch of CNRs in the outbox ended.
struct Drain {
  long enqueued = 0, delivered = 0, failed = 0, pending = 0;
  long received = 0;  // rows of the batch in the partner's inbox
  double seconds = 0;
};

// Enqueues `count` IIA CNRs (fresh UUIDs, as that many agreements changing) from our HEI to the
// live partner in one INSERT, waits (at most `limit`) until the serving nodes' workers have
// finished them all and prints name_enqueued, name_delivered, name_failed, name_pending,
// name_in_partner_inbox, name_drain_seconds and name_per_second. Unavailable when not all were
// delivered.
Result<Drain> drain_outbox(const char* name, db::Pool& our_pool, const PartnerNode& partner, int count,
                           std::chrono::seconds limit);

int fail(const char* bench, const std::string& what, const Status& status);

}  // namespace mobility::bench
