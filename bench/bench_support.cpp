#include "bench/bench_support.hpp"

#include <re2/re2.h>

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <fstream>
#include <mutex>
#include <thread>

#include "base/config.hpp"
#include "ewp-node/apis/discovery-v6/manifest.hpp"
#include "ewp-node/registry/catalogue_builder.hpp"
#include "ewp-node/security/keys.hpp"
#include "ewp-node/security/node_keys.hpp"
#include "ewp-node/security/response_verifier.hpp"
#include "tests/support/test_database.hpp"
#include "tests/support/test_keys.hpp"

namespace mobility::bench {

double seconds_since(Steady::time_point start) { return std::chrono::duration<double>(Steady::now() - start).count(); }

double milliseconds_since(Steady::time_point start) {
  return std::chrono::duration<double, std::milli>(Steady::now() - start).count();
}

std::string partner_hei(int index) {
  char name[32];
  std::snprintf(name, sizeof name, "partner-%03d.example", index);
  return name;
}

int count_of(const std::string& text, const std::string& part) {
  int count = 0;
  for (size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++count;
  return count;
}

void print(const char* name, const Latencies& m) {
  std::printf("%s_requests %zu\n%s_requests_per_second %.1f\n%s_p50_ms %.2f\n%s_p99_ms %.2f\n%s_failed %ld\n", name, m.ms.size(),
              name, m.per_second(), name, m.percentile(0.50), name, m.percentile(0.99), name, m.failed);
  if (m.failed) std::printf("%s_first_failure %s\n", name, m.first_failure.c_str());
}

Result<LoadRequest> signed_load_request(const std::string& method, const std::string& target, const std::string& body,
                                        const ewp::RsaPrivateKey& key) {
  http::HeaderList headers;
  if (!body.empty()) headers.emplace_back("Content-Type", "text/xml; charset=utf-8");
  auto signed_request = ewp::sign_request({method, kPublicHost, target, headers, body}, key, ewp::Clock::now());
  if (!signed_request) return signed_request.status();
  return LoadRequest{method, target, body, std::move(*signed_request)};
}

namespace {

// Connection c sends make(c, i) for i = c, c + connections, ... while more(i), to
// ports[c % ports.size()].
Latencies run_load(const std::vector<int>& ports, int connections, const std::function<bool(int)>& more, const RequestMaker& make,
                   const ReplyCheck& check) {
  Latencies result;
  std::mutex mutex;
  std::vector<std::thread> workers;
  auto started = Steady::now();
  for (int c = 0; c < connections; ++c) {
    workers.emplace_back([&, c] {
      KeepAliveClient client(ports[c % ports.size()]);
      std::vector<double> mine;
      long failed = 0;
      std::string failure;
      for (int i = c; more(i); i += connections) {
        auto request = make(c, i);
        Status ok = request.status();
        if (request) {
          auto sent = Steady::now();
          auto reply = client.send(request->method, request->target, request->signed_request.headers, request->body);
          double ms = milliseconds_since(sent);
          ok = reply ? check(*request, *reply) : reply.status();
          if (ok) mine.push_back(ms);
        }
        if (!ok && ++failed == 1) failure = ok.to_string();
      }
      std::lock_guard lock(mutex);
      result.ms.insert(result.ms.end(), mine.begin(), mine.end());
      result.failed += failed;
      if (result.first_failure.empty()) result.first_failure = failure;
    });
  }
  for (auto& worker : workers) worker.join();
  result.seconds = seconds_since(started);
  std::sort(result.ms.begin(), result.ms.end());
  return result;
}

}  // namespace

Latencies measure(int port, int requests, int connections, const RequestMaker& make, const ReplyCheck& check) {
  return run_load(
      {port}, connections, [requests](int i) { return i < requests; }, make, check);
}

Latencies measure_for(const std::vector<int>& ports, std::chrono::milliseconds duration, int connections,
                      const RequestMaker& make, const ReplyCheck& check) {
  auto until = Steady::now() + duration;
  return run_load(
      ports, connections, [until](int) { return Steady::now() < until; }, make, check);
}

Status signed_answer_holds(const LoadRequest& request, const Reply& reply, const ewp::RsaPublicKey& node_key,
                           const std::string& marker, int expected) {
  if (reply.status != 200) return Status::unavailable("status " + std::to_string(reply.status) + ": " + reply.body);
  auto verified = ewp::verify_response(
      {request.method, request.target, request.signed_request.x_request_id, request.signed_request.signature},
      {reply.status, reply.headers, reply.body}, {node_key}, ewp::Clock::now());
  if (!verified) return verified.status();
  if (int found = count_of(reply.body, marker); found != expected) {
    return Status::invalid_argument(std::to_string(found) + " times " + marker + " instead of " + std::to_string(expected) +
                                    ": " + reply.body);
  }
  return Status::ok();
}

double proc_status_mb(int pid, const std::string& field) {
  std::ifstream status("/proc/" + std::to_string(pid) + "/status");
  for (std::string line; std::getline(status, line);) {
    if (line.rfind(field + ":", 0) == 0) return std::atof(line.c_str() + field.size() + 1) / 1024;
  }
  return 0;
}

Result<ServingNode> start_serve(const std::string& database_url, const fs::path& directory, const std::string& worker_threads) {
  ServingNode serve;
  serve.process = std::make_unique<testing::ChildProcess>(
      std::vector<std::string>{MOBILITY_BINARY, "serve"},
      testing::Environment{{"MOBILITY_DATABASE_URL", database_url},
                           {"MOBILITY_LISTEN_PORT", "0"},
                           {"MOBILITY_WORKER_THREADS", worker_threads},
                           {"MOBILITY_PUBLIC_URL", "https://" + kPublicHost},
                           {"MOBILITY_KEY_DIR", (directory / "keys").string()},
                           {"MOBILITY_REGISTRY_URL", "file://" + (directory / "catalogue.xml").string()},
                           {"MOBILITY_SCHEMA_DIR", std::string(MOBILITY_SHARED_DIR) + "/ewp-specs"}});
  if (!serve.process->wait_for_output("info serving", std::chrono::seconds(30)) ||
      !RE2::PartialMatch(serve.process->err(), R"(listen=127\.0\.0\.1:([0-9]+))", &serve.port)) {
    return Status::unavailable("mobility serve did not start: " + serve.process->err());
  }
  return serve;
}

bool stop_serve(ServingNode& serve) {
  serve.process->send_signal(SIGTERM);
  return serve.process->wait(std::chrono::seconds(20)).has_value();
}

std::string PartnerNode::public_url() const { return "http://127.0.0.1:" + std::to_string(server->port()); }

Status prepare_partner(PartnerNode& partner, const std::string& hei_id, const fs::path& directory) {
  partner.hei_id = hei_id;
  partner.directory = directory;
  fs::create_directories(directory);
  partner.pool = std::make_unique<db::Pool>(db::PoolOptions{testing::create_migrated_database(), 4, std::chrono::seconds(5)});
  auto connection = partner.pool->acquire();
  if (!connection) return connection.status();
  auto added = (*connection)->exec("INSERT INTO hei (hei_id, country_code) VALUES ($1, 'FR'), ($2, 'NO')", {hei_id, kOurHei});
  if (!added) return added.status();
  auto hosted = (*connection)->exec("INSERT INTO hosted_hei (hei_id, admin_email) VALUES ($1, 'ewp@partner.example')", {hei_id});
  if (!hosted) return hosted.status();
  if (Status key = ewp::generate_key((directory / "keys").string(), "node", 2048).status(); !key) return key;
  auto keys = ewp::published_public_keys((directory / "keys").string());
  if (!keys) return keys.status();
  partner.key_base64 = keys->front();
  partner.server = std::make_unique<http::Server>(http::ServerOptions{"127.0.0.1", 0, 2, 1 << 20}, partner.router);
  return partner.server->start();
}

Status start_partner(PartnerNode& partner, const ewp::EwpNodeOptions& options) {
  Config config;
  config.public_url = partner.public_url();
  config.key_dir = (partner.directory / "keys").string();
  config.registry_url = "file://" + (partner.directory.parent_path() / "catalogue.xml").string();
  config.schema_dir = std::string(MOBILITY_SHARED_DIR) + "/ewp-specs";
  auto node = ewp::EwpNode::start(config, *partner.pool, *partner.router, options);
  if (!node) return node.status();
  partner.node = std::move(*node);
  return Status::ok();
}

Status write_catalogue(const fs::path& path, db::Pool& our_pool, const std::string& our_url, const std::string& our_key,
                       const PartnerNode& partner, int callers) {
  std::vector<std::string> manifests = {ewp::manifest_xml({our_url,
                                                           {"ewp@" + kOurHei},
                                                           {kOurHei, {{"en", "University of Fjordland"}}},
                                                           {our_key},
                                                           {our_key},
                                                           ewp::served_apis(our_pool)}),
                                        ewp::manifest_xml({partner.public_url(),
                                                           {"ewp@" + partner.hei_id},
                                                           {partner.hei_id, {{"en", partner.hei_id}}},
                                                           {partner.key_base64},
                                                           {partner.key_base64},
                                                           ewp::served_apis(*partner.pool)})};
  for (int c = 0; c < callers; ++c) {
    const std::string hei = partner_hei(c);  // a caller: only its client key, no APIs
    manifests.push_back(ewp::manifest_xml(
        {"https://ewp." + hei, {"ewp@" + hei}, {hei, {{"", hei}}}, {testing::test_key(c).public_base64_der}, {}, {}}));
  }
  auto catalogue = ewp::build_catalogue(manifests);
  if (!catalogue) return catalogue.status();
  std::ofstream(path) << catalogue->xml;
  return Status::ok();
}

Result<std::string> prepare_network(PartnerNode& partner, const std::string& partner_hei_id, const fs::path& directory,
                                    db::Pool& our_pool, const std::string& our_url, int callers) {
  if (Status prepared = prepare_partner(partner, partner_hei_id, directory / "partner"); !prepared) {
    return prepared.with_context("partner node");
  }
  if (Status key = ewp::generate_key((directory / "keys").string(), "node", 2048).status(); !key) {
    return key.with_context("node key");
  }
  auto keys = ewp::published_public_keys((directory / "keys").string());
  if (!keys) return keys.status().with_context("node key");
  if (Status written = write_catalogue(directory / "catalogue.xml", our_pool, our_url, keys->front(), partner, callers);
      !written) {
    return written.with_context("catalogue");
  }
  return keys->front();
}

Result<Drain> drain_outbox(const char* name, db::Pool& our_pool, const PartnerNode& partner, int count,
                           std::chrono::seconds limit) {
  auto connection = our_pool.acquire();
  if (!connection) return connection.status();
  const std::string batch = std::string(name) + "-";  // the batch's ids start with it
  auto enqueued = (*connection)
                      ->exec(
                          "INSERT INTO cnr_outbox (api, sender_hei_id, partner_hei_id, object_id)"
                          " SELECT 'iia-cnr', $1, $2, $3 || gen_random_uuid() FROM generate_series(1, $4::int)",
                          {kOurHei, partner.hei_id, batch, count});
  if (!enqueued) return enqueued.status();
  auto started = Steady::now();
  Drain drain;
  drain.enqueued = count;
  while (true) {
    auto rows = (*connection)
                    ->exec(
                        "SELECT count(*) FILTER (WHERE state = 'pending'), count(*) FILTER (WHERE state = 'delivered'),"
                        "       count(*) FILTER (WHERE state NOT IN ('pending', 'delivered'))"
                        "  FROM cnr_outbox WHERE starts_with(object_id, $1)",
                        {batch});
    if (!rows) return rows.status();
    db::Row row = rows->front();
    drain.pending = row.get<int64_t>(0);
    drain.delivered = row.get<int64_t>(1);
    drain.failed = row.get<int64_t>(2);
    drain.seconds = seconds_since(started);
    if (drain.pending == 0 || drain.seconds > limit.count()) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  auto partner_connection = partner.pool->acquire();
  if (!partner_connection) return partner_connection.status();
  auto received = (*partner_connection)->exec("SELECT count(*) FROM cnr_inbox WHERE starts_with(object_id, $1)", {batch});
  if (!received) return received.status();
  drain.received = received->front().get<int64_t>(0);
  std::printf(
      "%s_enqueued %ld\n%s_delivered %ld\n%s_failed %ld\n%s_pending %ld\n%s_in_partner_inbox %ld\n%s_drain_seconds %.2f\n"
      "%s_per_second %.1f\n",
      name, drain.enqueued, name, drain.delivered, name, drain.failed, name, drain.pending, name, drain.received, name,
      drain.seconds, name, drain.delivered / drain.seconds);
  if (drain.delivered != count) return Status::unavailable(std::string(name) + ": not every CNR was delivered");
  return drain;
}

int fail(const char* bench, const std::string& what, const Status& status) {
  std::fprintf(stderr, "%s: %s: %s\n", bench, what.c_str(), status.to_string().c_str());
  return 1;
}

}  // namespace mobility::bench
