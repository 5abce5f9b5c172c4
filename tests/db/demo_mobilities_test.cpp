// The demo mobilities (mobilities/demo_mobilities.hpp, with demo_applications.hpp) on real
// PostgreSQL: every state of both flows, the closed round's ranking, seeding again changes
// nothing, and a named partner always has a nomination and a learning-agreement proposal to
// decide on.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "mobilities/demo_mobilities.hpp"
#include "mobilities/outgoing_learning_agreements.hpp"
#include "mobilities/outgoing_mobilities.hpp"
#include "tests/support/test_database.hpp"

namespace mobility::mobilities {
namespace {

std::string query(db::Connection& connection, const std::string& sql, const db::Params& params = {}) {
  auto rows = connection.exec(sql, params);
  EXPECT_TRUE(rows) << rows.status().to_string();
  return rows && !rows->empty() ? rows->front().get<std::optional<std::string>>(0).value_or("NULL") : "";
}

std::string stored_state(db::Connection& connection) {
  return query(connection, R"(
    SELECT concat_ws(E'\n',
      (SELECT jsonb_agg(to_jsonb(t) ORDER BY omobility_id) FROM omobility t),
      (SELECT jsonb_agg(to_jsonb(t) ORDER BY omobility_id, version) FROM la_version t),
      (SELECT jsonb_agg(to_jsonb(t) ORDER BY omobility_id) FROM partner_omobility t),
      (SELECT jsonb_agg(to_jsonb(t) ORDER BY omobility_id) FROM partner_la t),
      (SELECT jsonb_agg(to_jsonb(t) ORDER BY application_id) FROM application t),
      (SELECT jsonb_agg(to_jsonb(t) ORDER BY round_id, partner_hei_id) FROM destination_ranking t),
      (SELECT jsonb_agg(to_jsonb(t) ORDER BY application_id, partner_hei_id) FROM applicant_rank t),
      (SELECT count(*) FROM omobility_event), (SELECT count(*) FROM cnr_outbox)))");
}

TEST(DemoMobilities, EveryStateOfBothFlowsAndSeedingAgainChangesNothing) {
  auto connection = testing::open_demo_database();
  ASSERT_TRUE(connection) << connection.status().to_string();
  auto seeded = seed_demo_mobilities(**connection);
  ASSERT_TRUE(seeded) << seeded.status().to_string();
  EXPECT_EQ(*seeded, 15);

  EXPECT_EQ(query(**connection, "SELECT string_agg(omobility_id || '=' || status, ' ' ORDER BY omobility_id) FROM omobility"),
            "fjordland-demo-approved=approved fjordland-demo-cancelled=cancelled fjordland-demo-la-approved=approved "
            "fjordland-demo-la-change=approved fjordland-demo-la-commented=approved fjordland-demo-la-proposed=approved "
            "fjordland-demo-nominated=pending fjordland-demo-rejected=rejected");
  EXPECT_EQ(query(**connection,
                  "SELECT string_agg(omobility_id || '=' || states, ' ' ORDER BY omobility_id) FROM "
                  "(SELECT omobility_id, string_agg(state, ',' ORDER BY version) AS states FROM la_version GROUP BY 1) v"),
            "fjordland-demo-la-approved=approved fjordland-demo-la-change=approved,proposed "
            "fjordland-demo-la-commented=commented fjordland-demo-la-proposed=proposed");
  EXPECT_EQ(query(**connection, "SELECT student_id FROM omobility WHERE omobility_id = 'fjordland-demo-nominated'"), "stud-aase");
  EXPECT_EQ(
      query(**connection,
            "SELECT string_agg(omobility_id || '=' || p.status || (CASE WHEN l.content IS NULL THEN '' ELSE '+la' END),"
            " ' ' ORDER BY omobility_id) FROM partner_omobility p LEFT JOIN partner_la l USING (sending_hei_id, omobility_id)"),
      "collina-demo-incoming-cancelled=cancelled lumiere-demo-incoming-approved=approved "
      "lumiere-demo-incoming-la-change=approved+la pohjola-demo-incoming-la-proposed=approved+la "
      "rheinfeld-demo-incoming-nominated=pending rheinfeld-demo-incoming-rejected=rejected "
      "valle-demo-incoming-la-approved=approved+la");
  // The closed round's destinations ranked by the coordinator, so its page shows ranks; the open
  // round's left to rank.
  EXPECT_EQ(query(**connection,
                  "SELECT string_agg(r.title || ' ' || k.partner_hei_id || ' ' || a.student_id || '=' || k.rank || ' by ' ||"
                  " d.ranked_by, ', ' ORDER BY r.title, k.partner_hei_id, k.rank)"
                  " FROM applicant_rank k JOIN destination_ranking d USING (round_id, partner_hei_id)"
                  " JOIN application a USING (application_id) JOIN application_round r ON r.round_id = k.round_id"),
            "Exchange studies 2026/2027 lumiere-nord.example stud-oyvind=1 by ingrid.haugland@fjordland.example, "
            "Exchange studies 2026/2027 lumiere-nord.example stud-aase=2 by ingrid.haugland@fjordland.example, "
            "Exchange studies 2026/2027 tu-rheinfeld.example stud-aase=1 by ingrid.haugland@fjordland.example, "
            "Exchange studies 2026/2027 valle-alto.example stud-maria=1 by ingrid.haugland@fjordland.example");

  std::string before = stored_state(**connection);
  auto again = seed_demo_mobilities(**connection);
  ASSERT_TRUE(again) << again.status().to_string();
  EXPECT_EQ(*again, 15);
  EXPECT_EQ(stored_state(**connection), before);
}

TEST(DemoMobilities, ANamedPartnerAlwaysHasANominationAndAProposalToDecideOn) {
  auto connection = testing::open_demo_database();
  ASSERT_TRUE(connection) << connection.status().to_string();
  const std::string validator = "validator-hei01.developers.erasmuswithoutpaper.eu";
  auto first = top_up_partner_demo(**connection, validator);
  ASSERT_TRUE(first) << first.status().to_string();
  EXPECT_EQ(first->nominations_added, 1);
  EXPECT_EQ(first->la_proposals_added, 1);
  auto second = top_up_partner_demo(**connection, validator);
  ASSERT_TRUE(second);
  EXPECT_EQ(second->nominations_added + second->la_proposals_added, 0) << "nothing decided yet: nothing added";

  // The validator approves both; the next start adds one of each again.
  std::string nominated =
      query(**connection, "SELECT omobility_id FROM omobility WHERE receiving_hei_id = $1 AND status = 'pending'", {validator});
  std::string proposal = query(**connection, "SELECT proposal_id FROM omobility WHERE omobility_id = $1", {nominated});
  ASSERT_TRUE(OutgoingMobilities().receive_decision(**connection, {validator}, nominated, proposal, NominationDecision::kApprove,
                                                    std::nullopt));
  std::string la_id = query(**connection,
                            "SELECT v.omobility_id FROM la_version v JOIN omobility m USING (omobility_id)"
                            " WHERE m.receiving_hei_id = $1 AND v.state = 'proposed'",
                            {validator});
  std::string changes_proposal_id =
      query(**connection, "SELECT changes_proposal_id FROM la_version WHERE omobility_id = $1 AND state = 'proposed'", {la_id});
  ASSERT_TRUE(OutgoingLearningAgreements().receive_approval(
      **connection, {validator}, kDemoHei, la_id, changes_proposal_id,
      {std::string("V"), std::string("Validator"), std::string("v@validator.example"), "2026-06-01T00:00:00Z", std::nullopt}));
  auto third = top_up_partner_demo(**connection, validator);
  ASSERT_TRUE(third);
  EXPECT_EQ(third->nominations_added, 1);
  EXPECT_EQ(third->la_proposals_added, 1);

  auto refused = top_up_partner_demo(**connection, "Not A Hei");
  ASSERT_FALSE(refused);
  EXPECT_THAT(refused.status().message(), ::testing::HasSubstr("'Not A Hei' is not an HEI id"));
  EXPECT_FALSE(top_up_partner_demo(**connection, kDemoHei));
}

}  // namespace
}  // namespace mobility::mobilities
