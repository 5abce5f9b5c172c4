// Two real nodes as separate processes, for the tests that need what goes between two nodes:
// two `mobility serve`, each behind its own nginx TLS proxy (ops/tls-proxy) with its own database
// and key, A hosting fjordland.example (the demo data of `mobility seed-demo`) and B uni-b.example
// (set up with `mobility hei host`, with one io_admin account, kAdminB). They trust each other
// through a catalogue that `mobility registry build` makes from their manifests, fetched over TLS,
// and each trusts the other's self-signed certificate through ca_bundle. Everything between the
// nodes is real EWP over HTTPS; change notifications are retried after 1 s, then 2 s.
//
// Used by tests/interop/two_nodes_test.cpp (negotiation, faults, mobilities, scale-out) and by the
// two-node browser journey in tests/browser/browser_test.cpp. Each test gets fresh databases, keys
// and a fresh directory under the system's temporary directory (kept when the test failed).
#pragma once

#include <gtest/gtest.h>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "db/param.hpp"
#include "tests/support/child_process.hpp"
#include "tests/support/free_port.hpp"
#include "tests/support/web_visit.hpp"

namespace mobility::testing {

inline constexpr const char* kAdminA = "ingrid.haugland@fjordland.example";  // io_admin of the demo HEI
inline constexpr const char* kAdminB = "bea.berger@uni-b.example";           // io_admin of uni-b.example
inline constexpr const char* kNodePassword = "mobility-demo";                // of both

// One node: its database, key, nginx in front and `mobility serve` behind it.
struct NodeProcess {
  std::string hei_id;
  std::string public_host;  // as the node's public_url names it; its certificate covers it
  std::filesystem::path directory;
  std::string database_url;
  uint16_t listen_port = free_port();  // `mobility serve`, plain HTTP on loopback
  uint16_t public_port = free_port();  // nginx, TLS
  std::string key_id;
  std::unique_ptr<ChildProcess> proxy;
  std::unique_ptr<ChildProcess> server;
  // A second `mobility serve` on the same database behind the same nginx (ScaleOutTest), when set
  // before SetUp.
  uint16_t second_port = 0;
  std::unique_ptr<ChildProcess> second;

  std::string public_url() const;
  // The pages are visited on the server itself (nginx carries only the EWP paths of public_url
  // in production as well as the pages; what matters here is what the nodes say to each other).
  std::string pages() const;
  std::filesystem::path certificate() const;

  // The first column of the first row of `sql` as text ("" when none or NULL; the test fails
  // when the query does).
  std::string query(const std::string& sql, const db::Params& params = {}) const;
};

// Polls `done` every 200 ms for up to `limit`.
bool eventually(const std::function<bool()>& done, std::chrono::milliseconds limit = std::chrono::seconds(30));

class TwoNodeProcesses : public ::testing::Test {
 protected:
  // Both nodes prepared, migrated, with keys, proxies and servers started and trusting each other;
  // a fatal failure when any of it does not work.
  void SetUp() override;
  // Stops servers and proxies; removes the directory unless the test failed.
  void TearDown() override;

  // The `mobility` environment of `node` (its own settings, the shared catalogue and CA bundle),
  // listening on `listen_port` when given.
  Environment environment(const NodeProcess& node, uint16_t listen_port = 0) const;
  // Runs `mobility ARGS` with the node's configuration; the test fails unless it succeeds.
  ProgramResult run(const NodeProcess& node, std::vector<std::string> args);
  void start_server(NodeProcess& node);
  void stop_server(NodeProcess& node);

  // The io_admin of `node` (kAdminA or kAdminB), signed in to its pages.
  std::unique_ptr<Visit> admin_of(const NodeProcess& node);

  // A admits B as a partner (the registry lists it), drafts an agreement with it (ou-mn, outgoing
  // students 2027/2028–2029/2030: new_agreement_form) and sends it; returns A's iia_id.
  std::string a_sends_an_agreement(Visit& admin, const std::string& code);
  // B's copy of A's agreement, made from B's proposals page once A's proposal is there; returns
  // B's iia_id.
  std::string b_answers(Visit& admin, const std::string& a_iia_id, const std::string& code);
  // Approves the partner's copy from the page of our `iia_id`; returns the redirect's Location.
  static std::string approve(Visit& admin, const std::string& iia_id);
  // The whole agreement through the pages of both admins: A sends it, B makes its copy bound to
  // A's, A sees that the copies are the same and approves, B sees it and approves, and both pages
  // say "Approved by both". Sets the two iia_ids; a fatal failure at the first step that fails.
  void agree(Visit& a, Visit& b, const std::string& code, std::string& a_iia_id, std::string& b_iia_id);

  // Waits until `visitor` sees `text` on `path`.
  static bool shows(Visit& visitor, const std::string& path, const std::string& text,
                    std::chrono::milliseconds limit = std::chrono::seconds(30));

  std::filesystem::path root_;
  NodeProcess a_, b_;

 private:
  void prepare(NodeProcess& node, const std::string& hei_id, const std::string& public_host);
  void add_admin_of_b();
  void start_proxy(NodeProcess& node);
  void write_ca_bundle();
  void build_catalogue();
};

}  // namespace mobility::testing
