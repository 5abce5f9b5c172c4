// The demo agreements (agreements/demo_agreements.hpp) on real PostgreSQL: one in every stage,
// and seeding again changes nothing at all.
#include <gtest/gtest.h>

#include "agreements/demo_agreements.hpp"
#include "agreements/iia_stage.hpp"
#include "db/demo_seed.hpp"
#include "db/iias.hpp"
#include "ewp-node/apis/iias-v7/iia_xml.hpp"
#include "tests/support/test_database.hpp"

namespace mobility::agreements {
namespace {

// Every row the seeding may touch, with its timestamps.
std::string stored_state(db::Connection& connection) {
  auto rows = connection.exec(R"(
    SELECT concat_ws(E'\n',
      (SELECT jsonb_agg(to_jsonb(t) ORDER BY iia_id) FROM iia t),
      (SELECT jsonb_agg(to_jsonb(t) ORDER BY iia_id, version) FROM iia_version t),
      (SELECT jsonb_agg(to_jsonb(t) ORDER BY partner_iia_id) FROM partner_iia t),
      (SELECT jsonb_agg(to_jsonb(t) ORDER BY partner_iia_id, version) FROM partner_iia_version t),
      (SELECT jsonb_agg(to_jsonb(t) ORDER BY partner_iia_id) FROM iia_approval_given t),
      (SELECT jsonb_agg(to_jsonb(t) ORDER BY iia_id) FROM iia_approval_received t),
      (SELECT count(*) FROM audit_event)))");
  EXPECT_TRUE(rows) << rows.status().to_string();
  return rows ? rows->front().get<std::string>(0) : "";
}

TEST(DemoAgreements, OneInEveryStageAndSeedingAgainChangesNothing) {
  auto connection = testing::open_demo_database();
  ASSERT_TRUE(connection) << connection.status().to_string();
  auto seeded = seed_demo_agreements(**connection, ewp::served_iia_hash);
  ASSERT_TRUE(seeded) << seeded.status().to_string();
  EXPECT_EQ(*seeded, 9);

  const std::vector<std::pair<std::string, IiaStage>> expected = {{"fjordland-demo-draft", IiaStage::kDraft},
                                                                  {"fjordland-demo-sent", IiaStage::kSent},
                                                                  {"fjordland-demo-differing", IiaStage::kSent},
                                                                  {"fjordland-demo-partner-approved", IiaStage::kPartnerApproved},
                                                                  {"fjordland-demo-we-approved", IiaStage::kWeApproved},
                                                                  {"fjordland-demo-approved", IiaStage::kApprovedByBoth},
                                                                  {"fjordland-demo-outdated", IiaStage::kApprovalOutdated},
                                                                  {"fjordland-demo-terminated", IiaStage::kTerminated},
                                                                  {"fjordland-demo-deleted", IiaStage::kDeleted}};
  ASSERT_EQ(demo_iia_ids().size(), expected.size());
  for (const auto& [iia_id, stage] : expected) {
    auto record = db::find_iia(**connection, "fjordland.example", iia_id);
    ASSERT_TRUE(record && *record) << iia_id;
    EXPECT_EQ(stage_name(stage_of(**record)), std::string(stage_name(stage))) << iia_id;
  }
  auto differing = db::find_iia(**connection, "fjordland.example", "fjordland-demo-differing");
  EXPECT_EQ((*differing)->partner_iia_id, "TUR-IIA-4711") << "bound to the partner's copy";
  auto outdated = db::find_iia(**connection, "fjordland.example", "fjordland-demo-outdated");
  EXPECT_EQ((*outdated)->approved_version, 1) << "the version both approved is remembered";

  std::string before = stored_state(**connection);
  auto again = seed_demo_agreements(**connection, ewp::served_iia_hash);
  ASSERT_TRUE(again) << again.status().to_string();
  EXPECT_EQ(*again, 9);
  EXPECT_EQ(stored_state(**connection), before);
}

}  // namespace
}  // namespace mobility::agreements
