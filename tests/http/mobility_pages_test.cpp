// The coordinators' mobility pages (portal/mobilities/) over real loopback HTTP with real
// PostgreSQL and the demo mobilities: who sees what, the learning-agreement versions and their
// comparison, our decisions on partners' nominations and agreements (queued for the sending HEI,
// with where each stands, including a partner's 409), actual dates, and every refusal keeping
// what was typed and storing nothing.
#include <gtest/gtest.h>

#include "mobilities/demo_mobilities.hpp"
#include "tests/support/portal_server.hpp"
#include "tests/support/web_visit.hpp"

namespace mobility::portal {
namespace {

using testing::contains;
using testing::Visit;

constexpr const char* kAdmin = "ingrid.haugland@fjordland.example";        // io_admin, reads English
constexpr const char* kUnitCoordinator = "per.saether@fjordland.example";  // coordinator of ou-mn, bokmål
constexpr const char* kIncomingLa = "/mobilities/incoming/pohjola.example/pohjola-demo-incoming-la-proposed";
constexpr const char* kIncomingNomination = "/mobilities/incoming/tu-rheinfeld.example/rheinfeld-demo-incoming-nominated";

class MobilityPagesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    portal_.start();
    auto connection = portal_.pool().acquire();
    ASSERT_TRUE(connection);
    auto seeded = mobilities::seed_demo_mobilities(**connection);
    ASSERT_TRUE(seeded) << seeded.status().to_string();
  }

  void sign_in(Visit& visit, const std::string& email) {
    auto login = visit.log_in(email, "mobility-demo");
    EXPECT_EQ(login.status, 303) << login.body;
  }

  std::string query(const std::string& sql) {
    auto connection = portal_.pool().acquire();
    auto rows = (*connection)->exec(sql);
    EXPECT_TRUE(rows) << rows.status().to_string();
    return rows && !rows->empty() ? rows->front().get<std::optional<std::string>>(0).value_or("NULL") : "";
  }

  testing::PortalServer portal_;
};

TEST_F(MobilityPagesTest, StaffSeeTheMobilitiesOfTheirScopeAndNobodyElseDoes) {
  Visit admin(portal_.base());
  sign_in(admin, kAdmin);
  auto list = admin.get("/mobilities");
  ASSERT_EQ(list.status, 200) << list.body;
  for (const char* expected : {"Åse Bjørnstad", "Emil Strand", "Lena Vogt", "Aino Laine", "Decide on the learning agreement",
                               "Decide on the nomination", "Rejected by the receiving institution"}) {
    EXPECT_TRUE(contains(list.body, expected)) << expected;
  }
  // A coordinator of one faculty sees that faculty's students (and its departments') only.
  Visit coordinator(portal_.base());
  sign_in(coordinator, kUnitCoordinator);
  auto theirs = coordinator.get("/mobilities");
  ASSERT_EQ(theirs.status, 200);
  EXPECT_TRUE(contains(theirs.body, "Åse Bjørnstad")) << "ou-mn-ifi is below ou-mn";
  EXPECT_TRUE(contains(theirs.body, "Jonas Eriksen"));
  EXPECT_FALSE(contains(theirs.body, "Øyvind Kristiansen")) << "HF is another faculty";
  EXPECT_EQ(coordinator.get("/mobilities/outgoing/fjordland-demo-approved").status, 403);

  Visit student(portal_.base());
  sign_in(student, "aase.bjornstad@student.fjordland.example");
  EXPECT_EQ(student.get("/mobilities").status, 403);
  EXPECT_EQ(student.get("/mobilities/outgoing/fjordland-demo-nominated").status, 404) << "not even its existence";
  EXPECT_EQ(Visit(portal_.base()).get("/mobilities").status, 303);
  EXPECT_EQ(admin.get("/mobilities/outgoing/no-such-mobility").status, 404);
  EXPECT_EQ(admin.get("/mobilities/incoming/pohjola.example/no-such").status, 404);
}

TEST_F(MobilityPagesTest, AnOutgoingMobilityShowsEveryVersionAndComparesThem) {
  Visit admin(portal_.base());
  sign_in(admin, kAdmin);
  auto page = admin.get("/mobilities/outgoing/fjordland-demo-la-change");
  ASSERT_EQ(page.status, 200) << page.body;
  for (const char* expected :
       {"Henrik Dahl", "Version 2 — proposed, awaiting the receiving institution", "Version 1 — approved by all three",
        "Computer Vision", "added (replaces a removed component)", "removed (timetable conflict)", "Compare two versions",
        "learning agreement approved by lumiere-nord.example"}) {
    EXPECT_TRUE(contains(page.body, expected)) << expected << "\n" << page.body;
  }
  auto commented = admin.get("/mobilities/outgoing/fjordland-demo-la-commented");
  EXPECT_TRUE(contains(commented.body, "Machine Learning is taught in spring only"));
}

TEST_F(MobilityPagesTest, CancellingNeedsAReasonAndNotifiesTheReceivingHei) {
  Visit admin(portal_.base());
  sign_in(admin, kAdmin);
  const std::string path = "/mobilities/outgoing/fjordland-demo-nominated";
  admin.get(path);
  auto refused = admin.post(path + "/cancel", {{"csrf", admin.csrf()}, {"reason", "  "}});
  EXPECT_EQ(refused.status, 400);
  EXPECT_TRUE(contains(refused.body, "aria-invalid=\"true\""));
  EXPECT_EQ(query("SELECT status FROM omobility WHERE omobility_id = 'fjordland-demo-nominated'"), "pending");
  auto forged = admin.post(path + "/cancel", {{"reason", "no csrf"}});
  EXPECT_EQ(forged.status, 403);
  auto cancelled = admin.post(path + "/cancel", {{"csrf", admin.csrf()}, {"reason", "The student withdrew"}});
  EXPECT_EQ(cancelled.status, 303);
  EXPECT_EQ(query("SELECT status FROM omobility WHERE omobility_id = 'fjordland-demo-nominated'"), "cancelled");
  EXPECT_EQ(query("SELECT count(*)::text FROM cnr_outbox WHERE api = 'omobility-cnr' AND object_id = 'fjordland-demo-nominated'"
                  " AND state = 'pending'"),
            "1");
  auto after = admin.get(path + "?done=cancelled");
  EXPECT_TRUE(contains(after.body, "The nomination is cancelled"));
  EXPECT_FALSE(contains(after.body, "/cancel\"")) << "no second cancellation";
}

TEST_F(MobilityPagesTest, ApprovingAPartnersProposalIsSignedQueuedAndFollowedUntilDelivered) {
  Visit admin(portal_.base());
  sign_in(admin, kAdmin);
  auto page = admin.get(kIncomingLa);
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_TRUE(contains(page.body, "Proposal awaiting your decision"));
  EXPECT_TRUE(contains(page.body, "Approve and sign"));

  auto no_comment =
      admin.post(std::string(kIncomingLa) + "/la",
                 {{"csrf", admin.csrf()}, {"decision", "comment"}, {"la_comment", ""}, {"signer_position", "Head"}});
  EXPECT_EQ(no_comment.status, 400);
  auto long_position = admin.post(std::string(kIncomingLa) + "/la",
                                  {{"csrf", admin.csrf()}, {"decision", "approve"}, {"signer_position", std::string(300, 'x')}});
  EXPECT_EQ(long_position.status, 400);
  EXPECT_TRUE(contains(long_position.body, "at most 200 characters"));
  EXPECT_EQ(query("SELECT count(*)::text FROM cnr_outbox WHERE api = 'omobility-las-update'"), "0") << "nothing queued";

  auto approved = admin.post(std::string(kIncomingLa) + "/la",
                             {{"csrf", admin.csrf()}, {"decision", "approve"}, {"signer_position", "International coordinator"}});
  ASSERT_EQ(approved.status, 303) << approved.body;
  EXPECT_EQ(query("SELECT payload->'signature'->>'signer_name' || ' / ' || (payload->'signature'->>'signer_position')"
                  " FROM cnr_outbox WHERE api = 'omobility-las-update'"),
            "Ingrid Haugland / International coordinator");
  EXPECT_TRUE(contains(admin.get(std::string(kIncomingLa) + "?done=queued").body, "is being sent to the sending institution"));

  // The partner answered 409: shown as the normal outcome it is, with the form to decide again.
  query("UPDATE cnr_outbox SET state = 'conflict' WHERE api = 'omobility-las-update' RETURNING state");
  auto conflict = admin.get(kIncomingLa);
  EXPECT_EQ(conflict.status, 200);
  EXPECT_TRUE(contains(conflict.body, "had changed the proposal before your decision arrived"));
  EXPECT_TRUE(contains(conflict.body, "Approve and sign"));
}

TEST_F(MobilityPagesTest, RejectingANominationNeedsACommentAndActualDatesAreChecked) {
  Visit admin(portal_.base());
  sign_in(admin, kAdmin);
  admin.get(kIncomingNomination);
  auto refused = admin.post(std::string(kIncomingNomination) + "/nomination",
                            {{"csrf", admin.csrf()}, {"decision", "reject"}, {"nomination_comment", ""}});
  EXPECT_EQ(refused.status, 400);
  auto odd = admin.post(std::string(kIncomingNomination) + "/nomination", {{"csrf", admin.csrf()}, {"decision", "maybe"}});
  EXPECT_EQ(odd.status, 400);
  EXPECT_TRUE(contains(odd.body, "Choose one of the decisions offered"));
  auto rejected = admin.post(std::string(kIncomingNomination) + "/nomination",
                             {{"csrf", admin.csrf()}, {"decision", "reject"}, {"nomination_comment", "No places left"}});
  EXPECT_EQ(rejected.status, 303);
  EXPECT_EQ(query("SELECT payload->>'comment' FROM cnr_outbox WHERE api = 'omobilities-update'"), "No places left");

  const std::string dates = "/mobilities/incoming/lumiere-nord.example/lumiere-demo-incoming-approved";
  admin.get(dates);
  auto bad = admin.post(dates + "/dates", {{"csrf", admin.csrf()}, {"arrival", "17.08.2026"}, {"departure", ""}});
  EXPECT_EQ(bad.status, 400);
  EXPECT_TRUE(contains(bad.body, "value=\"17.08.2026\"")) << "what was typed is kept";
  auto backwards = admin.post(dates + "/dates", {{"csrf", admin.csrf()}, {"arrival", "2026-09-01"}, {"departure", "2026-08-01"}});
  EXPECT_EQ(backwards.status, 400);
  EXPECT_TRUE(contains(backwards.body, "cannot come before the arrival"));
  auto saved = admin.post(dates + "/dates", {{"csrf", admin.csrf()}, {"arrival", "2026-08-20"}, {"departure", ""}});
  EXPECT_EQ(saved.status, 303);
  EXPECT_EQ(
      query("SELECT actual_arrival_date::text FROM partner_omobility WHERE omobility_id = 'lumiere-demo-incoming-approved'"),
      "2026-08-20");
  EXPECT_EQ(query("SELECT count(*)::text FROM cnr_outbox WHERE api = 'imobility-cnr'"), "1");
}

}  // namespace
}  // namespace mobility::portal
