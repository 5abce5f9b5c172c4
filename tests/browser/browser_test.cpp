// Browser end-to-end tests: `mobility serve` on a free port with a seeded database (with the
// demo agreements), driven by
// Debian's chromium through playwright-core (tests/browser/specs/*.mjs, one test per spec); and the
// journey between two real nodes (TwoNodeBrowserTest: tests/support/two_node_processes.hpp).
// Screenshots are kept under <build>/browser-artifacts/<spec>/.
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <regex>

#include "db/accounts.hpp"
#include "db/connection.hpp"
#include "db/preapprovals.hpp"
#include "mobilities/course_preapprovals.hpp"
#include "mobilities/demo_mobilities.hpp"
#include "mobilities/outgoing_learning_agreements.hpp"
#include "mobilities/outgoing_mobilities.hpp"
#include "portal/accounts/password_hash.hpp"
#include "tests/support/child_process.hpp"
#include "tests/support/test_database.hpp"
#include "tests/support/two_node_processes.hpp"

namespace mobility {
namespace {

namespace fs = std::filesystem;
using std::chrono::seconds;

const fs::path kSpecs = fs::path(MOBILITY_SOURCE_DIR) / "tests/browser";

// Fails the test when the browser tooling is missing.
void require_browser_tooling() {
  if (!fs::exists(kSpecs / "node_modules/playwright-core") || !fs::exists(kSpecs / "node_modules/axe-core")) {
    GTEST_FAIL() << "playwright-core or axe-core is not installed: run ops/test (it runs npm ci in tests/browser)";
  }
}

// Runs specs/<spec>.mjs against the pages at `base_urls` (the first is the spec's own, the others
// its partners'), its screenshots under <build>/browser-artifacts/<spec>/; the test fails unless
// every scenario passed, with the spec's output and `logs` (the servers' logs).
void run_browser_spec(const std::string& spec, const std::vector<std::string>& base_urls, std::chrono::seconds limit,
                      const std::function<std::string()>& logs) {
  fs::path artifacts = fs::path(MOBILITY_BUILD_DIR) / "browser-artifacts" / spec;
  fs::remove_all(artifacts);
  std::vector<std::string> command{"/usr/bin/node", (kSpecs / "specs" / (spec + ".mjs")).string(), base_urls.front(),
                                   artifacts.string()};
  command.insert(command.end(), base_urls.begin() + 1, base_urls.end());
  auto result = testing::run_program(command, {}, limit);
  EXPECT_EQ(result.exit_code, 0) << result.out << result.err << logs();
  if (result.exit_code == 0) std::cout << result.out;
}

class BrowserTest : public ::testing::Test {
 protected:
  void SetUp() override {
    require_browser_tooling();
    if (HasFatalFailure()) return;
    database_ = testing::create_demo_database(/*demo_agreements=*/true);
    auto connection = db::Connection::open(database_);
    ASSERT_TRUE(connection) << connection.status().to_string();
    add_account_with_markup_in_its_name(**connection);
    // The demo mobilities, application rounds and pre-approvals (mobilities/demo_mobilities.hpp).
    auto mobilities = mobilities::seed_demo_mobilities(**connection);
    ASSERT_TRUE(mobilities) << mobilities.status().to_string();
    server_ = std::make_unique<testing::ChildProcess>(
        std::vector<std::string>{MOBILITY_BINARY, "serve"},
        testing::Environment{{"MOBILITY_DATABASE_URL", database_},
                             {"MOBILITY_LISTEN_PORT", "0"},
                             {"MOBILITY_REGISTRY_URL", "file:///nonexistent/catalogue.xml"}});
    ASSERT_TRUE(server_->wait_for_output("serving", seconds(30))) << server_->err();
    std::smatch port;
    std::string log = server_->err();
    ASSERT_TRUE(std::regex_search(log, port, std::regex("listen=127\\.0\\.0\\.1:([0-9]+)"))) << log;
    base_url_ = "http://127.0.0.1:" + port[1].str();
  }

  static void add_account_with_markup_in_its_name(db::Connection& connection) {
    auto id = db::create_account(connection, {"mallory@fjordland.example", "<script>alert('x')</script>", "en",
                                              portal::hash_password("mallory-password", {10, 8, 1}).value()});
    ASSERT_TRUE(id) << id.status().to_string();
    ASSERT_TRUE(db::add_account_role(connection, *id, {"io_admin", "fjordland.example", std::nullopt, std::nullopt}));
  }

  // Åse's mobility as it stands during her stay, made through the domain as the pages and the
  // partner's update calls would: the partner approved her nomination and the first version of
  // her learning agreement (drafted from her approved courses, signed by her and the coordinator),
  // and a course is pre-approved as an alternative, in the second term: what the button that puts
  // an approved alternative into the changes needs (specs/alternatives.mjs).
  void agree_on_aases_first_version() {
    const std::string id = "fjordland-demo-nominated";
    const std::vector<std::string> partner = {"tu-rheinfeld.example"};
    const agreements::Editor seeder{std::nullopt, "browser test", std::nullopt};
    auto connection = db::Connection::open(database_);
    ASSERT_TRUE(connection) << connection.status().to_string();
    db::Connection& c = **connection;
    mobilities::OutgoingMobilities outgoing;
    auto mobility = outgoing.load(c, id);
    ASSERT_TRUE(mobility) << mobility.status().to_string();
    ASSERT_TRUE(outgoing.receive_decision(c, partner, id, mobilities::nomination_proposal_id(mobility->nomination),
                                          mobilities::NominationDecision::kApprove, std::nullopt));
    mobilities::CoursePreapprovals preapprovals;
    db::CourseMapping alternative{"INF-420", "Bildverarbeitung", "5",         "2/2", "IN4310", "Mobile robots", "5",
                                  true,      std::nullopt,       std::nullopt};
    auto line = preapprovals.propose(c, id, alternative);
    ASSERT_TRUE(line) << line.status().to_string();
    ASSERT_TRUE(preapprovals.decide(c, id, *line, mobilities::LineDecision::kApprove, std::nullopt, seeder));
    auto lines = db::list_preapproval_lines(c, id);
    ASSERT_TRUE(lines) << lines.status().to_string();
    mobilities::OutgoingLearningAgreements las;
    auto draft = las.save_draft(c, id, mobilities::draft_from_preapproval(*lines), seeder);
    ASSERT_TRUE(draft) << draft.status().to_string();
    mobilities::Signature student{std::nullopt, std::nullopt, std::nullopt, "2026-06-01T10:00:00Z", "Mobility"};
    mobilities::Signature hei{"Ingrid Haugland", "Exchange coordinator", "ingrid.haugland@fjordland.example",
                              "2026-06-02T10:00:00Z", "Mobility"};
    mobilities::Signature host{"Exchange Coordinator", "Exchange coordinator", "exchange@tu-rheinfeld.example",
                               "2026-06-03T10:00:00Z", "Mobility"};
    ASSERT_TRUE(las.sign_draft(c, id, mobilities::Signer::kStudent, student, seeder));
    ASSERT_TRUE(las.sign_draft(c, id, mobilities::Signer::kSendingHei, hei, seeder));
    auto la = las.load(c, id);
    ASSERT_TRUE(la && la->changes_proposal_id) << "the first version awaits the partner";
    Status approved = las.receive_approval(c, partner, "fjordland.example", id, *la->changes_proposal_id, host);
    ASSERT_TRUE(approved) << approved.to_string();
  }

  void run_spec(const std::string& spec) {
    run_browser_spec(spec, {base_url_}, seconds(180), [&] { return "\nserver log:\n" + server_->err(); });
  }

  std::string database_;
  std::unique_ptr<testing::ChildProcess> server_;
  std::string base_url_;
};

TEST_F(BrowserTest, Portal) {
  if (HasFatalFailure()) return;
  run_spec("portal");
}

TEST_F(BrowserTest, Agreements) {
  if (HasFatalFailure()) return;
  run_spec("agreements");
}

TEST_F(BrowserTest, Journey) {
  // The student applies, is selected and nominated, and gets a course pre-approved.
  run_spec("journey");
}

TEST_F(BrowserTest, Ranking) {
  // The coordinator ranks a destination's applicants: a bad number, then an order saved.
  if (HasFatalFailure()) return;
  run_spec("ranking");
}

TEST_F(BrowserTest, Alternatives) {
  // During her stay the student puts an approved alternative into the changes with one button.
  if (HasFatalFailure()) return;
  agree_on_aases_first_version();
  if (HasFatalFailure()) return;
  run_spec("alternatives");
}

TEST_F(BrowserTest, Destinations) {
  if (HasFatalFailure()) return;
  run_spec("destinations");
}

TEST_F(BrowserTest, Accessibility) {
  if (HasFatalFailure()) return;
  run_spec("accessibility");
}

// Two real nodes (A: fjordland.example with the demo data, B: uni-b.example), and what a student
// at A needs to go to B: an agreement approved by both, negotiated through the admins' pages as in
// tests/interop (ou-mn's students, 2027/2028 onwards: the open demo round's year), and the
// destination information on B that A's coordinator wrote and A's admin approved, so students
// find B among the destinations; and A has fetched B's institution data over EWP, so its pages
// name B. The spec gets A's pages, then B's.
class TwoNodeBrowserTest : public testing::TwoNodeProcesses {
 protected:
  void SetUp() override {
    require_browser_tooling();
    if (HasFatalFailure()) return;
    TwoNodeProcesses::SetUp();
    if (HasFatalFailure()) return;
    auto a = admin_of(a_), b = admin_of(b_);
    std::string a_iia_id, b_iia_id;
    ASSERT_NO_FATAL_FAILURE(agree(*a, *b, "UIF-UNIB-EXCHANGE", a_iia_id, b_iia_id));
    ASSERT_NO_FATAL_FAILURE(publish_destination_b(*a));
    // A's reference refresher fetches a new partner's institution data within a minute
    // (ewp-node/reference/reference_refresher.hpp): from then on A's pages name B.
    ASSERT_TRUE(shows(*a, "/destinations/uni-b.example", "<h1>University B</h1>", seconds(90)))
        << "A never fetched B's institution data: " << a->get("/partners").body;
  }

  // Per Olav Sæther (coordinator of ou-mn) describes B for students and submits it; `admin`
  // (Ingrid Haugland) approves it.
  void publish_destination_b(testing::Visit& admin) {
    auto per = testing::signed_in(a_.pages(), "per.saether@fjordland.example", testing::kNodePassword);
    const std::string editor = "/coordinator/destinations/edit?partner_hei_id=uni-b.example";
    ASSERT_EQ(per->get(editor).status, 200);
    auto saved = per->post("/coordinator/destinations/save", {{"csrf", per->csrf()},
                                                              {"partner_hei_id", "uni-b.example"},
                                                              {"seen_version", "0"},
                                                              {"city", "Bamberg"},
                                                              {"country_code", "DE"},
                                                              {"study_places[0].level", "bachelor"},
                                                              {"study_places[0].subject_area", "Informatics"},
                                                              {"study_places[0].isced_f_code", "0613"},
                                                              {"study_places[0].places", "2"},
                                                              {"study_places[0].months", "5"},
                                                              {"tuition_fees", "No tuition fees for exchange students."},
                                                              {"reason", "Our new partner in Germany"}});
    ASSERT_EQ(saved.status, 303) << saved.body;
    per->get(editor);
    auto submitted = per->post("/coordinator/destinations/submit",
                               {{"csrf", per->csrf()}, {"partner_hei_id", "uni-b.example"}, {"seen_version", "1"}});
    ASSERT_EQ(submitted.status, 303) << submitted.body;
    admin.get("/admin/information-review/item?partner_hei_id=uni-b.example");
    auto approved = admin.post("/admin/information-review/approve",
                               {{"csrf", admin.csrf()}, {"partner_hei_id", "uni-b.example"}, {"seen_version", "1"}});
    ASSERT_EQ(approved.status, 303) << approved.body;
  }

  void run_spec(const std::string& spec) {
    run_browser_spec(spec, {a_.pages(), b_.pages()}, seconds(360),
                     [&] { return "\nlog of A:\n" + a_.server->err() + "\nlog of B:\n" + b_.server->err(); });
  }
};

TEST_F(TwoNodeBrowserTest, Journey) {
  // The whole journey with real pages on both nodes: a student at A finds B, applies, is selected
  // and nominated; B approves; courses pre-approved; the learning agreement signed at A and
  // approved at B; a change during the stay the same way; in bokmål and English.
  if (HasFatalFailure()) return;
  run_spec("journey_two_nodes");
}

// The harness itself: a spec that runs no scenario (a loop over an empty list, a check() never
// reached) proves nothing and must fail.
TEST(BrowserHarness, ASpecThatRunsNoScenarioFails) {
  if (!fs::exists(kSpecs / "node_modules/playwright-core")) {
    GTEST_FAIL() << "playwright-core is not installed: run ops/test (it runs npm ci in tests/browser)";
  }
  fs::path directory = fs::temp_directory_path() / ("mobility-empty-spec-" + std::to_string(::getpid()));
  fs::create_directories(directory);
  std::ofstream(directory / "empty.mjs") << "import { run } from '" << (kSpecs / "lib/harness.mjs").string() << "';\n"
                                         << "await run(async () => {});\n";
  auto result = testing::run_program(
      {"/usr/bin/node", (directory / "empty.mjs").string(), "http://127.0.0.1:9", (directory / "artifacts").string()}, {},
      seconds(60));
  fs::remove_all(directory);
  EXPECT_EQ(result.exit_code, 1) << result.out << result.err;
  EXPECT_NE(result.out.find("no scenario ran"), std::string::npos) << result.out << result.err;
}

}  // namespace
}  // namespace mobility
