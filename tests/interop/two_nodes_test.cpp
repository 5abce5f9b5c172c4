// Two real nodes as separate processes (tests/support/two_node_processes.hpp): A hosting
// fjordland.example with the demo data, B uni-b.example, each `mobility serve` behind its own nginx
// TLS proxy with its own database and key, trusting each other through a registry catalogue. Staff
// drive the negotiation through the pages; everything between the nodes is real EWP over HTTPS.
// Faults: B stopped while A notifies it, A killed with SIGKILL in the middle of a delivery, and
// a partner that answers garbage. The mobility flow: A's side (nominating, the student's and the
// coordinator's signatures) runs through the mobility domain on A's database; B's coordinator
// decides through B's pages; the nodes do the rest. The same flow through the pages of both nodes
// in a browser is tests/browser/specs/journey_two_nodes.mjs.
#include <gtest/gtest.h>

#include <atomic>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <thread>

#include "db/connection.hpp"
#include "ewp-node/client/curl_transport.hpp"
#include "ewp-node/security/request_signer.hpp"
#include "http/server.hpp"
#include "mobilities/incoming_mobilities.hpp"
#include "mobilities/outgoing_learning_agreements.hpp"
#include "mobilities/outgoing_mobilities.hpp"
#include "tests/support/child_process.hpp"
#include "tests/support/free_port.hpp"
#include "tests/support/mobility_samples.hpp"
#include "tests/support/signed_answer.hpp"
#include "tests/support/two_node_processes.hpp"
#include "tests/support/web_visit.hpp"

namespace mobility {
namespace {

namespace fs = std::filesystem;
using std::chrono::milliseconds;
using std::chrono::seconds;
using testing::ChildProcess;
using testing::contains;
using testing::eventually;
using testing::form_fields;
using testing::partner_row;
using testing::Visit;
using testing::with;

using testing::kAdminA;
using testing::kAdminB;

class TwoNodeProcessesTest : public testing::TwoNodeProcesses {
 protected:
  // Waits until `admin`'s page of `iia_id` no longer says that the partner has not approved it
  // (the stage is "Partner approved" at first, still "Approval outdated" after a change).
  static bool hears_of_partner_approval(Visit& admin, const std::string& iia_id) {
    return eventually(
        [&] { return !contains(admin.get("/agreements/" + iia_id).body, "The partner has not approved our copy."); });
  }

  // Saves `iia_id` again with `mobilities` places per year in its one condition.
  static void revise(Visit& admin, const std::string& iia_id, const std::string& mobilities, const std::string& reason) {
    std::string action = "/agreements/" + iia_id + "/edit";
    auto fields = form_fields(admin.get(action).body, action);
    auto saved = admin.post(action, with(with(fields, "spec0_mobilities", mobilities), "reason", reason));
    EXPECT_EQ(saved.status, 303) << saved.body;
  }
};

TEST_F(TwoNodeProcessesTest, TheWholeNegotiationThroughThePages) {
  auto a = admin_of(a_), b = admin_of(b_);
  // A sends, B makes its copy bound to A's, A sees the copies agree and approves, then B approves.
  std::string a_id, b_id;
  ASSERT_NO_FATAL_FAILURE(agree(*a, *b, "UIF-UNIB-MN-2027", a_id, b_id));

  // A offers three places instead of two: both approvals are outdated, and B's page shows why.
  revise(*a, a_id, "3", "Three places a year");
  EXPECT_TRUE(shows(*a, "/agreements/" + a_id, "<dd>Approval outdated after a change</dd>"));
  ASSERT_TRUE(shows(*b, "/agreements/" + b_id, "Fields that differ: 1")) << b->get("/agreements/" + b_id).body;
  EXPECT_FALSE(contains(b->get("/agreements/" + b_id).body, "/approve\"")) << "B cannot approve a copy unlike its own";
  // B follows A's change; both approve again.
  revise(*b, b_id, "3", "As Fjordland proposed");
  ASSERT_TRUE(shows(*a, "/agreements/" + a_id, "The two copies are the same."));
  approve(*a, a_id);
  ASSERT_TRUE(hears_of_partner_approval(*b, b_id)) << b->get("/agreements/" + b_id).body;
  approve(*b, b_id);
  EXPECT_TRUE(shows(*a, "/agreements/" + a_id, "<dd>Approved by both</dd>"));
  EXPECT_TRUE(shows(*b, "/agreements/" + b_id, "<dd>Approved by both</dd>"));

  // A terminates; B fetches the terminated copy.
  auto terminate_page = a->get("/agreements/" + a_id);
  auto ended = a->post("/agreements/" + a_id + "/terminate",
                       with(with(form_fields(terminate_page.body, "/agreements/" + a_id + "/terminate"), "terminate_reason",
                                 "The programme closes"),
                            "terminate_confirm", "1"));
  ASSERT_EQ(ended.status, 303) << ended.body;
  EXPECT_TRUE(shows(*a, "/agreements/" + a_id, "<dd>Terminated</dd>"));
  EXPECT_TRUE(eventually([&] {
    return b_.query(
               "SELECT v.content ->> 'terminated_as_a_whole' FROM partner_iia p JOIN partner_iia_version v "
               "USING (hei_id, partner_hei_id, partner_iia_id) WHERE p.partner_iia_id = $1 AND v.version = p.current_version",
               {a_id}) == "true";
  })) << "B holds A's terminated copy";
  EXPECT_TRUE(eventually([&] {
    return a_.query("SELECT count(*)::text FROM cnr_outbox WHERE partner_hei_id = 'uni-b.example' AND state <> 'delivered'") ==
           "0";
  })) << "A told B everything";
  EXPECT_EQ(b_.query("SELECT count(*)::text FROM cnr_outbox WHERE state <> 'delivered'"), "0") << "B told A everything";
}

TEST_F(TwoNodeProcessesTest, ANotificationToAStoppedPartnerIsDeliveredAfterItRestarts) {
  stop_server(b_);  // nginx still answers for B: 502
  auto a = admin_of(a_);
  std::string a_id = a_sends_an_agreement(*a, "UIF-UNIB-DOWN");
  ASSERT_TRUE(eventually([&] {
    return a_.query("SELECT count(*)::text FROM cnr_outbox WHERE object_id = $1 AND state = 'pending' AND attempts >= 2",
                    {a_id}) == "1";
  })) << "A keeps trying: "
      << a_.query("SELECT concat_ws(' ', state, attempts, last_error) FROM cnr_outbox");
  std::string health = partner_row(a->get("/partners").body, "uni-b.example");
  EXPECT_TRUE(contains(health, "answered HTTP 502")) << "the last error is shown: " << health;
  EXPECT_TRUE(contains(health, "<td>1</td>")) << "one notification waits: " << health;

  start_server(b_);
  EXPECT_TRUE(eventually([&] {
    return b_.query("SELECT count(*)::text FROM partner_iia WHERE partner_iia_id = $1", {a_id}) == "1";
  })) << "B fetched A's agreement after its restart";
  EXPECT_EQ(a_.query("SELECT state FROM cnr_outbox WHERE object_id = $1", {a_id}), "delivered");
}

TEST_F(TwoNodeProcessesTest, ANodeKilledInTheMiddleOfADeliveryLosesNothing) {
  ::kill(b_.server->pid(), SIGSTOP);  // B takes the call and does not answer (until the timeout)
  auto a = admin_of(a_);
  std::string a_id = a_sends_an_agreement(*a, "UIF-UNIB-KILL");
  ASSERT_TRUE(eventually([&] {
    return a_.query("SELECT count(*)::text FROM cnr_outbox WHERE object_id = $1 AND leased_until > now()", {a_id}) == "1";
  })) << "A is delivering";
  a_.server->send_signal(SIGKILL);
  a_.server->wait(seconds(10));
  a_.server.reset();
  ::kill(b_.server->pid(), SIGCONT);
  EXPECT_EQ(a_.query("SELECT state FROM iia WHERE iia_id = $1", {a_id}), "shared");

  start_server(a_);
  EXPECT_TRUE(eventually([&] { return a_.query("SELECT state FROM cnr_outbox WHERE object_id = $1", {a_id}) == "delivered"; },
                         seconds(40)))
      << a_.query("SELECT concat_ws(' ', state, attempts, leased_until, last_error) FROM cnr_outbox");
  EXPECT_GE(std::stoi(a_.query("SELECT attempts::text FROM cnr_outbox WHERE object_id = $1", {a_id})), 2)
      << "delivered by the restarted node once the dead one's lease ran out";
  EXPECT_TRUE(
      eventually([&] { return b_.query("SELECT count(*)::text FROM partner_iia WHERE partner_iia_id = $1", {a_id}) == "1"; }));
}

// Node A as two `mobility serve` processes on one database behind one nginx (docs/scaling.md):
// either process serves any request, a session made on one is good on the other, an X-Request-Id
// used on one is refused by the other, the outbox is delivered exactly once, and a process killed
// under load costs no request a 5xx and no notification.
class ScaleOutTest : public TwoNodeProcessesTest {
 protected:
  void SetUp() override {
    a_.second_port = testing::free_port();
    TwoNodeProcessesTest::SetUp();
    if (HasFatalFailure()) return;
    a_.second =
        std::make_unique<ChildProcess>(std::vector<std::string>{MOBILITY_BINARY, "serve"}, environment(a_, a_.second_port));
    ASSERT_TRUE(a_.second->wait_for_output("serving", seconds(30))) << a_.second->err();
    transport_ = std::make_unique<ewp::CurlTransport>(
        ewp::TransportOptions{milliseconds(2000), milliseconds(10000), (root_ / "ca.pem").string(), {}});
  }

  // How many requests for `path` (a prefix) the process's log shows.
  static size_t served(const ChildProcess& process, const std::string& path) {
    std::string log = process.err();
    size_t count = 0;
    for (size_t at = log.find(" path=" + path); at != std::string::npos; at = log.find(" path=" + path, at + 1)) ++count;
    return count;
  }

  // A signed GET of A's echo API as B would send it, to one of A's processes directly.
  Result<ewp::HttpReply> echo_at(uint16_t port, const ewp::SignedRequest& request) {
    return transport_->send("GET", "http://127.0.0.1:" + std::to_string(port) + "/ewp/echo?echo=scale", request.headers, "");
  }
  Result<ewp::SignedRequest> b_signs_an_echo() {
    auto key = ewp::RsaPrivateKey::from_pem_file((b_.directory / "keys/node.key.pem").string());
    if (!key) return key.status();
    return ewp::sign_request({"GET", a_.public_host + ":" + std::to_string(a_.public_port), "/ewp/echo?echo=scale", {}, ""}, *key,
                             std::chrono::system_clock::now());
  }
  bool a_recorded(const std::string& x_request_id) const {
    return eventually(
        [&] { return a_.query("SELECT count(*)::text FROM http_request_id WHERE x_request_id = $1", {x_request_id}) == "1"; },
        seconds(10));
  }
  // Waits until A's process on `port` has synced its replay guard with the database since now
  // (ewp-node/security/replay_guard.hpp: a sync writes the ids the process saw, then reads the
  // others'): once it has recorded two requests sent one after the other, the sync that wrote
  // the first one has also read what was recorded before it.
  bool a_process_synced(uint16_t port) {
    for (int probe = 0; probe < 2; ++probe) {
      auto request = b_signs_an_echo();
      if (!request) return false;
      auto answered = echo_at(port, *request);
      if (!answered || answered->status != 200 || !a_recorded(request->x_request_id)) return false;
    }
    return true;
  }

  std::unique_ptr<ewp::CurlTransport> transport_;
};

TEST_F(ScaleOutTest, TwoProcessesShareSessionsRequestIdsAndTheOutboxAndSurviveAKill) {
  // nginx spreads requests over both processes.
  for (int i = 0; i < 20; ++i) {
    auto manifest = transport_->send("GET", a_.public_url() + "/ewp/manifest.xml", {}, "");
    ASSERT_TRUE(manifest && manifest->status == 200) << (manifest ? manifest->body : manifest.status().to_string());
  }
  EXPECT_GT(served(*a_.server, "/ewp/manifest.xml"), 0u);
  EXPECT_GT(served(*a_.second, "/ewp/manifest.xml"), 0u);

  // A session made on the first process is good on the second, and a logout there ends it on both
  // (the first trusts its cache for at most 2 s).
  auto first = admin_of(a_);
  Visit second("http://127.0.0.1:" + std::to_string(a_.second_port));
  second.cookies = first->cookies;
  auto admin_page = second.get("/admin");
  EXPECT_EQ(admin_page.status, 200) << admin_page.body;
  EXPECT_EQ(second.post("/logout", {{"csrf", second.csrf()}}).status, 303);
  EXPECT_TRUE(eventually([&] { return first->get("/admin").status == 303; }, seconds(5))) << "the first process still takes it";

  // An X-Request-Id the first process accepted is a replay for the second, once the two have
  // exchanged the ids they saw (every 500 ms: ewp-node/security/replay_guard.hpp).
  auto request = b_signs_an_echo();
  ASSERT_TRUE(request) << request.status().to_string();
  auto accepted = echo_at(a_.listen_port, *request);
  ASSERT_TRUE(accepted);
  EXPECT_EQ(accepted->status, 200) << accepted->body;
  ASSERT_TRUE(a_recorded(request->x_request_id)) << "the first process records the id it accepted";
  ASSERT_TRUE(a_process_synced(a_.second_port)) << "the second process syncs";
  auto replayed = echo_at(a_.second_port, *request);
  ASSERT_TRUE(replayed);
  EXPECT_EQ(replayed->status, 400) << replayed->body;
  EXPECT_TRUE(contains(replayed->body, "X-Request-Id")) << replayed->body;

  // Both processes run the outbox worker; each notification reaches B once.
  auto admin = admin_of(a_);
  std::vector<std::string> sent;
  for (const char* code : {"UIF-UNIB-SCALE-1", "UIF-UNIB-SCALE-2", "UIF-UNIB-SCALE-3"})
    sent.push_back(a_sends_an_agreement(*admin, code));
  ASSERT_TRUE(eventually([&] {
    return a_.query(
               "SELECT count(*)::text FROM cnr_outbox WHERE api = 'iia-cnr' AND partner_hei_id = 'uni-b.example' AND state = "
               "'delivered'") == "3";
  }))
      << a_.query(
             "SELECT string_agg(concat_ws(' ', state, attempts, last_error), '; ') FROM cnr_outbox"
             " WHERE partner_hei_id = 'uni-b.example'");
  EXPECT_EQ(a_.query("SELECT max(attempts)::text FROM cnr_outbox WHERE api = 'iia-cnr' AND partner_hei_id = 'uni-b.example'"),
            "1")
      << "each delivered at its first attempt";
  EXPECT_EQ(served(*b_.server, "/ewp/iia-cnr"), 3u) << "each notification once";

  // SIGKILL of one process under load: nginx passes what it could not take to the other.
  std::atomic<bool> loading{true};
  std::atomic<int> answered{0}, failed{0};
  std::thread load([&] {
    ewp::CurlTransport client(ewp::TransportOptions{milliseconds(2000), milliseconds(10000), (root_ / "ca.pem").string(), {}});
    while (loading) {
      auto reply = client.send("GET", a_.public_url() + "/ewp/manifest.xml", {}, "");
      (reply && reply->status < 500 ? answered : failed) += 1;
    }
  });
  EXPECT_TRUE(eventually([&] { return answered.load() >= 20; }, seconds(20))) << "the load is under way";
  a_.second->send_signal(SIGKILL);
  a_.second->wait(seconds(10));
  int answered_at_the_kill = answered.load();
  // nginx meets the dead process and passes its requests to the other one.
  EXPECT_TRUE(eventually([&] { return answered.load() >= answered_at_the_kill + 40; }, seconds(20)));
  sent.push_back(a_sends_an_agreement(*admin, "UIF-UNIB-SCALE-4"));
  loading = false;
  load.join();
  EXPECT_GT(answered.load(), 20);
  EXPECT_EQ(failed.load(), 0) << answered.load() << " answered";
  EXPECT_TRUE(eventually([&] {
    return a_.query(
               "SELECT count(*)::text FROM cnr_outbox WHERE api = 'iia-cnr' AND partner_hei_id = 'uni-b.example' AND state = "
               "'delivered'") == "4";
  })) << "nothing lost: "
      << a_.query(
             "SELECT string_agg(concat_ws(' ', state, attempts, last_error), '; ') FROM cnr_outbox"
             " WHERE partner_hei_id = 'uni-b.example'");
}

TEST_F(TwoNodeProcessesTest, APartnerAnsweringGarbageIsRecordedAndNothingIsStored) {
  auto a = admin_of(a_);
  a->get("/partners");
  ASSERT_EQ(a->post("/partners/add", {{"csrf", a->csrf()}, {"partner_hei_id", "uni-b.example"}}).status, 303);
  // In B's place: a server that signs its answers with B's key, as B would, but answers garbage.
  stop_server(b_);
  auto router = std::make_shared<http::Router>();
  auto garbage = testing::signed_answer((b_.directory / "keys").string(), "<iias-get-response><not-an-iia/>");
  for (const char* path : {"/ewp/iias/get", "/ewp/iias/index"}) {
    router->add("GET", path, garbage);
    router->add("POST", path, garbage);
  }
  http::Server impostor({"127.0.0.1", b_.listen_port, 2, 1 << 20, milliseconds(200)}, router);
  ASSERT_TRUE(impostor.start());

  // B (its key, through the independent Python signer) tells A that its IIA b-17 changed.
  fs::path body = root_ / "cnr-body", answer = root_ / "cnr-answer";
  std::ofstream(body) << "notifier_hei_id=uni-b.example&iia_id=b-17";
  std::string authority = "localhost:" + std::to_string(a_.public_port);
  auto sent =
      testing::run_program({std::string(MOBILITY_SOURCE_DIR) + "/tests/interop/httpsig_oracle.py", "send", "POST",
                            a_.public_url() + "/ewp/iia-cnr", authority, (b_.directory / "keys/node.key.pem").string(), b_.key_id,
                            body.string(), answer.string(), "application/x-www-form-urlencoded", (root_ / "ca.pem").string()});
  ASSERT_TRUE(contains(sent.out, "Status: 200")) << sent.out << sent.err;

  ASSERT_TRUE(eventually([&] {
    return !a_.query("SELECT last_error FROM cnr_inbox WHERE partner_hei_id = 'uni-b.example' AND object_id = 'b-17'").empty();
  })) << a_.query("SELECT concat_ws(' ', state, attempts, last_error) FROM cnr_inbox");
  EXPECT_EQ(a_.query("SELECT state FROM cnr_inbox WHERE object_id = 'b-17'"), "pending") << "tried again later";
  EXPECT_EQ(a_.query("SELECT last_error FROM cnr_inbox WHERE object_id = 'b-17'"),
            "uni-b.example iias answered invalid XML: not well-formed XML");
  EXPECT_EQ(a_.query("SELECT count(*)::text FROM partner_iia WHERE partner_hei_id = 'uni-b.example'"), "0") << "nothing stored";
  std::string health = partner_row(a->get("/partners").body, "uni-b.example");
  ASSERT_FALSE(health.empty());
  EXPECT_FALSE(contains(health, "<td>none</td>")) << "the error is shown: " << health;
}

}  // namespace
}  // namespace mobility

namespace mobility {
namespace {

const mobilities::Editor kStaffA{std::nullopt, kAdminA, std::string("io_admin")};

class MobilityProcessesTest : public TwoNodeProcessesTest {
 protected:
  // Runs `step` on a connection to A's database.
  template <typename Step>
  void on_a(Step step) {
    auto connection = db::Connection::open(a_.database_url);
    ASSERT_TRUE(connection) << connection.status().to_string();
    step(**connection);
  }

  // A's student and coordinator sign `version` as the next proposal; returns its id.
  std::string a_proposes(const std::string& id, const mobilities::LaVersion& version) {
    std::string proposal_id;
    on_a([&](db::Connection& connection) {
      mobilities::OutgoingLearningAgreements las;
      ASSERT_TRUE(las.save_draft(connection, id, version, kStaffA));
      ASSERT_TRUE(las.sign_draft(connection, id, mobilities::Signer::kStudent, testing::student_signature(), kStaffA));
      ASSERT_TRUE(las.sign_draft(connection, id, mobilities::Signer::kSendingHei,
                                 testing::coordinator_signature("fjordland.example"), kStaffA));
      auto la = las.load(connection, id);
      ASSERT_TRUE(la && la->changes_proposal_id);
      proposal_id = *la->changes_proposal_id;
    });
    return proposal_id;
  }

  // B's coordinator posts `fields` to the form at `path`/`what` of B's page of mobility `id`.
  static void b_decides(Visit& admin, const std::string& page, const std::string& what, http::HeaderList fields) {
    admin.get(page);
    fields.emplace_back("csrf", admin.csrf());
    auto decided = admin.post(page + "/" + what, fields);
    EXPECT_EQ(decided.status, 303) << decided.body;
  }

  std::string la_state(const std::string& id) {
    return a_.query("SELECT state FROM la_version WHERE omobility_id = $1 ORDER BY version DESC LIMIT 1", {id});
  }
};

TEST_F(MobilityProcessesTest, NominationLearningAgreementChangesAndDatesBetweenTwoNodes) {
  auto a = admin_of(a_), b = admin_of(b_);
  a->get("/partners");
  ASSERT_EQ(a->post("/partners/add", {{"csrf", a->csrf()}, {"partner_hei_id", "uni-b.example"}}).status, 303);
  const std::string id = "om-interop-1";
  const std::string b_page = "/mobilities/incoming/fjordland.example/" + id;

  // A nominates; B's coordinator sees it and approves.
  on_a([&](db::Connection& connection) {
    auto nominated = mobilities::OutgoingMobilities().nominate(
        connection, testing::sample_mobility(id, "fjordland.example", "uni-b.example"), kStaffA);
    ASSERT_TRUE(nominated) << nominated.status().to_string();
  });
  ASSERT_TRUE(shows(*b, "/mobilities", "Decide on the nomination")) << b->get("/mobilities").body;
  b_decides(*b, b_page, "nomination", {{"decision", "approve"}});
  ASSERT_TRUE(eventually([&] { return a_.query("SELECT status FROM omobility WHERE omobility_id = $1", {id}) == "approved"; }));
  EXPECT_TRUE(shows(*b, b_page, "The sending institution received your decision."));

  // A's first proposal; B comments on it.
  std::string first = a_proposes(id, testing::sample_first_version());
  ASSERT_TRUE(shows(*b, b_page, first)) << b->get(b_page).body;
  b_decides(*b, b_page, "la",
            {{"decision", "comment"},
             {"la_comment", "Machine Learning is taught in spring"},
             {"signer_position", "Exchange coordinator"}});
  ASSERT_TRUE(eventually([&] { return la_state(id) == "commented"; })) << la_state(id);

  // A revises while B is paused; B's approval of the old proposal, queued meanwhile, gets 409 and
  // B fetches the new one; its coordinator then approves that.
  ::kill(b_.server->pid(), SIGSTOP);
  mobilities::LaVersion revised = testing::sample_first_version();
  revised.components_of(mobilities::ComponentTable::kStudied)[1] = testing::course("INF-207", "Statistical Learning", "7.5");
  std::string second = a_proposes(id, revised);
  {
    auto connection = db::Connection::open(b_.database_url);
    ASSERT_TRUE(connection);
    ASSERT_TRUE(mobilities::IncomingMobilities().decide(**connection, "uni-b.example", "fjordland.example", id,
                                                        {mobilities::PartnerDecision::Kind::kApproveLa, "", std::nullopt,
                                                         testing::coordinator_signature("uni-b.example"), kAdminB},
                                                        {std::nullopt, kAdminB, std::string("io_admin")}));
  }
  ::kill(b_.server->pid(), SIGCONT);
  ASSERT_TRUE(eventually([&] {
    return b_.query("SELECT state FROM cnr_outbox WHERE api = 'omobility-las-update' ORDER BY cnr_id DESC LIMIT 1") == "conflict";
  })) << b_.query("SELECT concat_ws(' ', state, attempts, last_error) FROM cnr_outbox WHERE api = 'omobility-las-update'");
  ASSERT_TRUE(shows(*b, b_page, second)) << "B fetched the new proposal";
  EXPECT_TRUE(contains(b->get(b_page).body, "had changed the proposal before your decision arrived"));
  b_decides(*b, b_page, "la", {{"decision", "approve"}, {"signer_position", "Exchange coordinator"}});
  ASSERT_TRUE(eventually([&] { return la_state(id) == "approved"; })) << la_state(id);

  // A change during the mobility; B approves it.
  mobilities::LaVersion change = testing::sample_change_proposal("INF-207", "Statistical Learning");
  std::string changes = a_proposes(id, change);
  ASSERT_TRUE(shows(*b, b_page, changes));
  b_decides(*b, b_page, "la", {{"decision", "approve"}, {"signer_position", "Exchange coordinator"}});
  ASSERT_TRUE(eventually([&] {
    return a_.query("SELECT count(*)::text FROM la_version WHERE omobility_id = $1 AND state = 'approved'", {id}) == "2";
  }));

  // B records the actual arrival; A sees it.
  b_decides(*b, b_page, "dates", {{"arrival", "2026-08-17"}, {"departure", ""}});
  EXPECT_TRUE(eventually([&] {
    return a_.query("SELECT content ->> 'actual_arrival_date' FROM omobility WHERE omobility_id = $1", {id}) == "2026-08-17";
  }));
  EXPECT_TRUE(shows(*a, "/mobilities/outgoing/" + id, "2026-08-17"));
  EXPECT_TRUE(eventually([&] {
    return a_.query("SELECT count(*)::text FROM cnr_outbox WHERE partner_hei_id = 'uni-b.example' AND state <> 'delivered'") ==
           "0";
  })) << "A told B everything";
}

}  // namespace
}  // namespace mobility
