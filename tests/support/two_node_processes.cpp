#include "tests/support/two_node_processes.hpp"

#include <unistd.h>

#include <algorithm>
#include <csignal>
#include <fstream>
#include <regex>

#include "db/connection.hpp"
#include "tests/support/test_database.hpp"
#include "tests/support/wait_until.hpp"

namespace mobility::testing {

namespace fs = std::filesystem;
using std::chrono::milliseconds;
using std::chrono::seconds;

std::string NodeProcess::public_url() const { return "https://" + public_host + ":" + std::to_string(public_port); }

std::string NodeProcess::pages() const { return "http://127.0.0.1:" + std::to_string(listen_port); }

fs::path NodeProcess::certificate() const { return directory / "nginx/tls" / (public_host + ".crt"); }

std::string NodeProcess::query(const std::string& sql, const db::Params& params) const {
  auto connection = db::Connection::open(database_url);
  EXPECT_TRUE(connection) << connection.status().to_string();
  if (!connection) return "";
  auto rows = (*connection)->exec(sql, params);
  EXPECT_TRUE(rows) << rows.status().to_string();
  return rows && !rows->empty() && !rows->front().is_null(0) ? rows->front().get<std::string>(0) : "";
}

bool eventually(const std::function<bool()>& done, milliseconds limit) { return wait_until(done, limit, milliseconds(200)); }

void TwoNodeProcesses::SetUp() {
  root_ = fs::temp_directory_path() / ("mobility-interop-" + std::to_string(::getpid()));
  fs::remove_all(root_);
  prepare(a_, "fjordland.example", "localhost");
  prepare(b_, "uni-b.example", "127.0.0.1");
  run(a_, {"seed-demo"});
  run(b_, {"hei", "host", "uni-b.example", "--name", "University B", "--country", "DE", "--admin-email", "ewp@uni-b.example"});
  add_admin_of_b();
  for (NodeProcess* node : {&a_, &b_}) start_proxy(*node);
  write_ca_bundle();
  for (NodeProcess* node : {&a_, &b_}) start_server(*node);
  build_catalogue();
  // Nodes read the registry when they start: restart both to trust each other.
  for (NodeProcess* node : {&a_, &b_}) {
    stop_server(*node);
    start_server(*node);
  }
}

void TwoNodeProcesses::TearDown() {
  for (NodeProcess* node : {&a_, &b_}) {
    if (node->server) ::kill(node->server->pid(), SIGCONT);  // a test may have paused it
    node->server.reset();
    node->second.reset();
    if (node->proxy) {
      node->proxy->send_signal(SIGTERM);  // nginx's master stops its workers; killed, it would not
      node->proxy->wait(seconds(10));
    }
    node->proxy.reset();
  }
  if (!HasFailure()) fs::remove_all(root_);
}

Environment TwoNodeProcesses::environment(const NodeProcess& node, uint16_t listen_port) const {
  return {{"MOBILITY_DATABASE_URL", node.database_url},
          {"MOBILITY_LISTEN_PORT", std::to_string(listen_port ? listen_port : node.listen_port)},
          {"MOBILITY_PUBLIC_URL", node.public_url()},
          {"MOBILITY_KEY_DIR", (node.directory / "keys").string()},
          {"MOBILITY_ADMIN_EMAIL", "ewp@" + node.hei_id},
          {"MOBILITY_REGISTRY_URL", "file://" + (root_ / "catalogue.xml").string()},
          {"MOBILITY_CA_BUNDLE", (root_ / "ca.pem").string()},
          {"MOBILITY_SCHEMA_DIR", std::string(MOBILITY_SHARED_DIR) + "/ewp-specs"},
          {"MOBILITY_CNR_RETRY_FIRST_SECONDS", "1"},
          {"MOBILITY_CNR_RETRY_MAX_SECONDS", "2"},
          {"MOBILITY_HTTP_TIMEOUT_MS", "3000"}};
}

ProgramResult TwoNodeProcesses::run(const NodeProcess& node, std::vector<std::string> args) {
  args.insert(args.begin(), MOBILITY_BINARY);
  auto result = run_program(args, environment(node));
  EXPECT_EQ(result.exit_code, 0) << args[1] << ": " << result.out << result.err;
  return result;
}

void TwoNodeProcesses::prepare(NodeProcess& node, const std::string& hei_id, const std::string& public_host) {
  node.hei_id = hei_id;
  node.public_host = public_host;
  node.directory = root_ / hei_id;
  fs::create_directories(node.directory);
  node.database_url = create_empty_database();
  run(node, {"migrate"});
  auto generated = run(node, {"keys", "generate", "--name", "node", "--bits", "2048"});
  std::smatch key_id;
  ASSERT_TRUE(std::regex_search(generated.out, key_id, std::regex("key id: +([0-9a-f]{64})"))) << generated.out;
  node.key_id = key_id[1];
}

void TwoNodeProcesses::add_admin_of_b() {
  auto added = run_program({"/bin/sh", "-c",
                            "printf '%s\\n' \"$1\" | \"$0\" users add \"$2\" --name 'Bea Berger' "
                            "--language en --password-stdin",
                            MOBILITY_BINARY, kNodePassword, kAdminB},
                           environment(b_));
  ASSERT_EQ(added.exit_code, 0) << added.err;
  run(b_, {"users", "set-role", kAdminB, "io_admin", "--hei", "uni-b.example"});
}

void TwoNodeProcesses::start_proxy(NodeProcess& node) {
  std::vector<std::string> command{std::string(MOBILITY_SOURCE_DIR) + "/ops/tls-proxy",
                                   "--listen",
                                   "127.0.0.1:" + std::to_string(node.public_port),
                                   "--upstream",
                                   "127.0.0.1:" + std::to_string(node.listen_port),
                                   "--dir",
                                   (node.directory / "nginx").string(),
                                   "--name",
                                   node.public_host};
  if (node.second_port) command.insert(command.begin() + 5, {"--upstream", "127.0.0.1:" + std::to_string(node.second_port)});
  node.proxy = std::make_unique<ChildProcess>(command, Environment{});
  ASSERT_TRUE(eventually([&] { return fs::exists(node.directory / "nginx/nginx.pid"); }, seconds(20)))
      << "nginx did not start: " << node.proxy->err();
}

// Each node trusts both self-signed certificates (its own too: `registry build` runs as it).
void TwoNodeProcesses::write_ca_bundle() {
  std::ofstream bundle(root_ / "ca.pem");
  for (NodeProcess* node : {&a_, &b_}) bundle << std::ifstream(node->certificate()).rdbuf();
}

void TwoNodeProcesses::start_server(NodeProcess& node) {
  node.server = std::make_unique<ChildProcess>(std::vector<std::string>{MOBILITY_BINARY, "serve"}, environment(node));
  ASSERT_TRUE(node.server->wait_for_output("serving", seconds(30))) << node.server->err();
}

void TwoNodeProcesses::stop_server(NodeProcess& node) {
  node.server->send_signal(SIGTERM);
  ASSERT_EQ(node.server->wait(seconds(20)), 0) << node.server->err();
  node.server.reset();
}

void TwoNodeProcesses::build_catalogue() {
  ProgramResult built;
  bool done = eventually([&] {  // nginx answers a moment after its pid file appears
    built = run_program({MOBILITY_BINARY, "registry", "build", "--manifest", a_.public_url() + "/ewp/manifest.xml", "--manifest",
                         b_.public_url() + "/ewp/manifest.xml", "--out", (root_ / "catalogue.xml").string()},
                        environment(a_));
    return built.exit_code == 0;
  });
  ASSERT_TRUE(done) << built.out << built.err;
}

std::unique_ptr<Visit> TwoNodeProcesses::admin_of(const NodeProcess& node) {
  return signed_in(node.pages(), &node == &a_ ? kAdminA : kAdminB, kNodePassword);
}

std::string TwoNodeProcesses::a_sends_an_agreement(Visit& admin, const std::string& code) {
  admin.get("/partners");
  auto added = admin.post("/partners/add", {{"csrf", admin.csrf()}, {"partner_hei_id", "uni-b.example"}});
  EXPECT_EQ(added.status, 303) << added.body;
  admin.get("/agreements/new");
  auto created = admin.post("/agreements/new", new_agreement_form(admin.csrf(), "uni-b.example", code, "New partner in Germany"));
  EXPECT_EQ(created.status, 303) << created.body;
  std::smatch id;
  std::string location = created.header("Location");
  EXPECT_TRUE(std::regex_search(location, id, std::regex("^/agreements/([0-9a-f-]{36})\\?"))) << location;
  std::string iia_id = id.size() > 1 ? id[1].str() : "";
  admin.get("/agreements/" + iia_id);
  auto shared = admin.post("/agreements/" + iia_id + "/share", {{"csrf", admin.csrf()}});
  EXPECT_EQ(shared.status, 303) << shared.body;
  return iia_id;
}

bool TwoNodeProcesses::shows(Visit& visitor, const std::string& path, const std::string& text, milliseconds limit) {
  return eventually([&] { return contains(visitor.get(path).body, text); }, limit);
}

std::string TwoNodeProcesses::b_answers(Visit& admin, const std::string& a_iia_id, const std::string& code) {
  EXPECT_TRUE(shows(admin, "/agreements/proposals", code)) << "B never saw A's proposal";
  auto fields = form_fields(admin.get("/agreements/proposals").body, "/agreements/proposals/adopt");
  EXPECT_TRUE(std::find(fields.begin(), fields.end(), std::pair<std::string, std::string>("partner_iia_id", a_iia_id)) !=
              fields.end())
      << "the proposal is A's agreement";
  auto adopted = admin.post("/agreements/proposals/adopt", with(fields, "iia_code", "UNIB-UIF-1"));
  EXPECT_EQ(adopted.status, 303) << adopted.body;
  std::smatch id;
  std::string location = adopted.header("Location");
  EXPECT_TRUE(std::regex_search(location, id, std::regex("^/agreements/([0-9a-f-]{36})\\?done=adopted"))) << location;
  return id.size() > 1 ? id[1].str() : "";
}

std::string TwoNodeProcesses::approve(Visit& admin, const std::string& iia_id) {
  auto page = admin.get("/agreements/" + iia_id);
  EXPECT_TRUE(contains(page.body, "action=\"/agreements/" + iia_id + "/approve\"")) << page.body;
  auto approved = admin.post("/agreements/" + iia_id + "/approve", {{"csrf", admin.csrf()}});
  EXPECT_EQ(approved.status, 303) << approved.body;
  return approved.header("Location");
}

void TwoNodeProcesses::agree(Visit& a, Visit& b, const std::string& code, std::string& a_iia_id, std::string& b_iia_id) {
  a_iia_id = a_sends_an_agreement(a, code);
  b_iia_id = b_answers(b, a_iia_id, code);
  ASSERT_FALSE(b_iia_id.empty());
  EXPECT_EQ(b_.query("SELECT partner_iia_id FROM iia WHERE iia_id = $1", {b_iia_id}), a_iia_id) << "B's copy is bound to A's";

  // A hears of B's copy, sees that the two agree, and approves; then B approves.
  ASSERT_TRUE(shows(a, "/agreements/" + a_iia_id, "The two copies are the same.")) << a.get("/agreements/" + a_iia_id).body;
  EXPECT_EQ(a_.query("SELECT partner_iia_id FROM iia WHERE iia_id = $1", {a_iia_id}), b_iia_id) << "A bound its copy to B's";
  approve(a, a_iia_id);
  ASSERT_TRUE(shows(b, "/agreements/" + b_iia_id, "<dd>Partner approved</dd>")) << b.get("/agreements/" + b_iia_id).body;
  approve(b, b_iia_id);
  EXPECT_TRUE(shows(b, "/agreements/" + b_iia_id, "<dd>Approved by both</dd>"));
  EXPECT_TRUE(shows(a, "/agreements/" + a_iia_id, "<dd>Approved by both</dd>")) << a.get("/agreements/" + a_iia_id).body;
}

}  // namespace mobility::testing
