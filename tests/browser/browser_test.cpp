// Browser end-to-end tests: `mobility serve` on a free port with a seeded database (with the
// demo agreements), driven by
// Debian's chromium through playwright-core (tests/browser/specs/*.mjs, one test per spec).
// Screenshots are kept under <build>/browser-artifacts/<spec>/.
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
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

namespace mobility {
namespace {

namespace fs = std::filesystem;
using std::chrono::seconds;

const fs::path kSpecs = fs::path(MOBILITY_SOURCE_DIR) / "tests/browser";

class BrowserTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!fs::exists(kSpecs / "node_modules/playwright-core") || !fs::exists(kSpecs / "node_modules/axe-core")) {
      GTEST_FAIL() << "playwright-core or axe-core is not installed: run ops/test (it runs npm ci in tests/browser)";
    }
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
    db::CourseMapping alternative{"INF-420", "Bildverarbeitung", "5", "2/2", "IN4310", "Mobile robots", "5", true, std::nullopt,
                                  std::nullopt};
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
    fs::path artifacts = fs::path(MOBILITY_BUILD_DIR) / "browser-artifacts" / spec;
    fs::remove_all(artifacts);
    auto result = testing::run_program(
        {"/usr/bin/node", (kSpecs / "specs" / (spec + ".mjs")).string(), base_url_, artifacts.string()}, {}, seconds(180));
    EXPECT_EQ(result.exit_code, 0) << result.out << result.err << "\nserver log:\n" << server_->err();
    if (result.exit_code == 0) std::cout << result.out;
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
