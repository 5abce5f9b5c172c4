// bench/httpsig: signed echo round trips per second on loopback, beside the machine's RSA-2048
// signing rate, as a ratio (run through bench/httpsig, which also measures `openssl speed`).
//
// The node is assembled as `mobility serve` does it (real PostgreSQL, replay protection, registry
// catalogue from a file, response signing); the load generator signs every request with a fresh
// X-Request-Id, over persistent loopback connections (KeepAliveClient), on the same two cores.
// Each round trip therefore costs two RSA-2048 signatures (request and response): 50 % of the
// sign rate is the ceiling. The generator checks every answer's status and verifies the response
// signature of one answer in VERIFY_EVERY (default 8; 1 verifies all): verifying is the partner's
// cost, not the node's, and on shared cores it would come off the node's measured throughput.
// Any answer that is not 200, or whose signature does not verify, fails the run.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <thread>
#include <vector>

#include "base/log.hpp"
#include "bench/keep_alive_client.hpp"
#include "db/pool.hpp"
#include "ewp-node/apis/discovery-v6/manifest.hpp"
#include "ewp-node/apis/echo-v2/echo_api.hpp"
#include "ewp-node/ewp_node.hpp"
#include "ewp-node/registry/catalogue_builder.hpp"
#include "ewp-node/security/keys.hpp"
#include "ewp-node/security/node_keys.hpp"
#include "ewp-node/security/request_signer.hpp"
#include "ewp-node/security/response_verifier.hpp"
#include "http/server.hpp"
#include "tests/support/test_database.hpp"
#include "tests/support/test_keys.hpp"

using namespace mobility;
using namespace mobility::ewp;

int main(int argc, char** argv) {
  int seconds = argc > 1 ? std::atoi(argv[1]) : 10;
  int connections = argc > 2 ? std::atoi(argv[2]) : 8;
  int threads = argc > 3 ? std::atoi(argv[3]) : 2;
  long verify_every = argc > 4 ? std::max(1, std::atoi(argv[4])) : 8;
  log::configure(log::Level::kWarn, log::Format::kText);
  const std::string host = "ewp.bench.example";
  namespace fs = std::filesystem;
  fs::path directory = fs::temp_directory_path() / ("mobility-bench-" + std::to_string(::getpid()));
  fs::create_directories(directory);

  db::Pool pool({testing::create_demo_database(), 8, std::chrono::seconds(5)});
  if (!generate_key((directory / "keys").string(), "node", 2048)) return 1;
  auto node_keys = published_public_keys((directory / "keys").string());
  const auto& client = testing::test_key(0);
  auto catalogue = build_catalogue({manifest_xml({"https://" + host,
                                                  {"a@bench.example"},
                                                  {"fjordland.example", {{"en", "Fjordland"}}},
                                                  *node_keys,
                                                  *node_keys,
                                                  {echo_v2_descriptor()}}),
                                    manifest_xml({"https://client.example",
                                                  {"a@client.example"},
                                                  {"client.example", {{"en", "Client"}}},
                                                  {client.public_base64_der},
                                                  {},
                                                  {}})});
  std::ofstream(directory / "catalogue.xml") << catalogue->xml;

  Config config;
  config.public_url = "https://" + host;
  config.key_dir = (directory / "keys").string();
  config.registry_url = "file://" + (directory / "catalogue.xml").string();
  auto router = std::make_shared<http::Router>();
  auto node = EwpNode::start(config, pool, *router);
  http::Server server({"127.0.0.1", 0, threads, 1 << 20}, router);
  if (!node || !server.start()) return 1;
  auto server_key = RsaPublicKey::from_base64_der(node_keys->front());
  const std::string target = "/ewp/echo?echo=bench";

  std::atomic<bool> running{true};
  std::atomic<long> completed{0}, failed{0}, verified{0};
  std::vector<std::thread> workers;
  for (int i = 0; i < connections; ++i) {
    workers.emplace_back([&] {
      bench::KeepAliveClient connection(server.port());
      for (long sent = 0; running; ++sent) {
        auto signed_request = sign_request({"GET", host, target, {}, ""}, client.private_key, Clock::now());
        auto reply = connection.send("GET", target, signed_request->headers);
        bool ok = reply && reply->status == 200;
        if (ok && sent % verify_every == 0) {
          ok = static_cast<bool>(verify_response({"GET", target, signed_request->x_request_id, signed_request->signature},
                                                 {reply->status, reply->headers, reply->body}, {*server_key}, Clock::now()));
          if (ok) ++verified;
        }
        ++(ok ? completed : failed);
      }
    });
  }
  auto started = std::chrono::steady_clock::now();
  std::this_thread::sleep_for(std::chrono::seconds(seconds));
  running = false;
  for (auto& worker : workers) worker.join();
  double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  server.stop();
  fs::remove_all(directory);
  std::printf(
      "signed_round_trips_per_second %.1f\nfailed %ld\nresponse_signatures_verified %ld (one in %ld)\n"
      "connections %d\nserver_threads %d\nseconds %.1f\n",
      completed / elapsed, failed.load(), verified.load(), verify_every, connections, threads, elapsed);
  return failed > 0 ? 1 : 0;
}
