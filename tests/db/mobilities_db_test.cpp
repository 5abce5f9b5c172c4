// The mobility domain on real PostgreSQL (mobilities/outgoing_mobilities.hpp,
// outgoing_learning_agreements.hpp, incoming_mobilities.hpp): the nomination and learning-agreement
// flows of the sending HEI, the receiving HEI's decisions and their refusals, the history, and the
// notifications each change leaves in the outbox.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "db/learning_agreements.hpp"
#include "db/mobilities.hpp"
#include "db/partner_mobilities.hpp"
#include "mobilities/incoming_mobilities.hpp"
#include "mobilities/la_rules.hpp"
#include "mobilities/mobility_rules.hpp"
#include "mobilities/outgoing_learning_agreements.hpp"
#include "mobilities/outgoing_mobilities.hpp"
#include "tests/support/mobility_samples.hpp"
#include "tests/support/test_database.hpp"

namespace mobility::mobilities {
namespace {

using testing::coordinator_signature;
using ::testing::HasSubstr;
using testing::sample_first_version;
using testing::sample_mobility;
using testing::student_signature;

constexpr const char* kUs = "fjordland.example";
constexpr const char* kPartner = "tu-rheinfeld.example";

class MobilitiesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = testing::open_demo_database();
    ASSERT_TRUE(opened) << opened.status().to_string();
    connection_ = std::move(*opened);
  }

  std::string query(const std::string& sql, const db::Params& params = {}) {
    auto rows = connection_->exec(sql, params);
    EXPECT_TRUE(rows) << rows.status().to_string();
    if (!rows || rows->empty()) return "";
    return rows->front().get<std::optional<std::string>>(0).value_or("NULL");
  }

  std::string nominate(const std::string& id) {
    auto nominated = mobilities_.nominate(*connection_, sample_mobility(id), editor_);
    EXPECT_TRUE(nominated) << nominated.status().to_string();
    return nominated ? *nominated : "";
  }

  // A first version signed by the student and the sending HEI: awaiting the partner.
  std::string propose_first_version(const std::string& id) {
    auto saved = las_.save_draft(*connection_, id, sample_first_version(), editor_);
    EXPECT_TRUE(saved) << saved.status().to_string();
    EXPECT_TRUE(las_.sign_draft(*connection_, id, Signer::kStudent, student_signature(), editor_));
    Status signed_ = las_.sign_draft(*connection_, id, Signer::kSendingHei, coordinator_signature(kUs), editor_);
    EXPECT_TRUE(signed_) << signed_.to_string();
    auto la = las_.load(*connection_, id);
    EXPECT_TRUE(la && la->changes_proposal_id);
    return la && la->changes_proposal_id ? *la->changes_proposal_id : "";
  }

  std::unique_ptr<db::Connection> connection_;
  Editor editor_{std::nullopt, "kari.nordmann@fjordland.example", std::string("coordinator")};
  OutgoingMobilities mobilities_;
  OutgoingLearningAgreements las_;
  IncomingMobilities incoming_;
};

TEST_F(MobilitiesTest, ANominationIsStoredPendingWithItsHistoryAndNotifiesTheReceivingHei) {
  std::string id = nominate("om-1");
  auto stored = mobilities_.load(*connection_, id);
  ASSERT_TRUE(stored) << stored.status().to_string();
  EXPECT_EQ(stored->status, NominationStatus::kPending);
  EXPECT_EQ(query("SELECT proposal_id FROM omobility WHERE omobility_id = 'om-1'"), nomination_proposal_id(stored->nomination));
  EXPECT_EQ(query("SELECT event FROM omobility_event WHERE omobility_id = 'om-1'"), "nominated");
  EXPECT_EQ(query("SELECT partner_hei_id FROM cnr_outbox WHERE api = 'omobility-cnr' AND object_id = 'om-1'"), kPartner);
}

TEST_F(MobilitiesTest, ANominationThatBreaksARuleStoresNothingAndNamesTheField) {
  Mobility mobility = sample_mobility("om-bad");
  mobility.student.global_id = "12345";
  auto nominated = mobilities_.nominate(*connection_, mobility, editor_);
  ASSERT_FALSE(nominated);
  EXPECT_EQ(nominated.status().code(), Status::Code::kInvalidArgument);
  EXPECT_THAT(nominated.status().message(), HasSubstr("student.global_id: '12345' is not a European Student Identifier"));
  EXPECT_EQ(query("SELECT count(*)::text FROM omobility"), "0");
  EXPECT_EQ(query("SELECT count(*)::text FROM cnr_outbox"), "0");
}

TEST_F(MobilitiesTest, TheStudentAndBothHeisOfAMobilityNeverChange) {
  nominate("om-2");
  Mobility other = sample_mobility("om-2");
  other.student.global_id = "urn:schac:personalUniqueCode:int:esi:fjordland.example:someone-else";
  Status changed = mobilities_.change(*connection_, other, editor_);
  EXPECT_EQ(changed.code(), Status::Code::kInvalidArgument);
  EXPECT_THAT(changed.message(), HasSubstr("student.global_id: never changes for a mobility"));
  other = sample_mobility("om-2", kUs, "pohjola.example");
  EXPECT_THAT(mobilities_.change(*connection_, other, editor_).message(),
              HasSubstr("nomination.receiving.hei_id: never changes"));
}

TEST_F(MobilitiesTest, TheReceivingHeiDecidesOnTheCurrentProposalOnly) {
  std::string id = nominate("om-3");
  std::string proposal = query("SELECT proposal_id FROM omobility WHERE omobility_id = 'om-3'");
  std::vector<std::string> partner = {kPartner};

  Status stranger =
      mobilities_.receive_decision(*connection_, {"pohjola.example"}, id, proposal, NominationDecision::kApprove, {});
  EXPECT_EQ(stranger.code(), Status::Code::kNotFound);
  EXPECT_EQ(stranger.message(), "no mobility om-3 for you");
  Status stale = mobilities_.receive_decision(*connection_, partner, id, "p-old", NominationDecision::kApprove, {});
  EXPECT_EQ(stale.code(), Status::Code::kConflict);
  EXPECT_THAT(stale.message(), HasSubstr("fetch it again"));
  Status bare = mobilities_.receive_decision(*connection_, partner, id, proposal, NominationDecision::kReject, {});
  EXPECT_EQ(bare.code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(query("SELECT status FROM omobility WHERE omobility_id = 'om-3'"), "pending") << "refusals change nothing";

  ASSERT_TRUE(mobilities_.receive_decision(*connection_, partner, id, proposal, NominationDecision::kApprove, {}));
  EXPECT_EQ(query("SELECT status FROM omobility WHERE omobility_id = 'om-3'"), "approved");
  ASSERT_TRUE(mobilities_.receive_decision(*connection_, partner, id, proposal, NominationDecision::kReject,
                                           std::string("Language level too low")))
      << "a decision on the same proposal may be revised";
  auto stored = mobilities_.load(*connection_, id);
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored->status, NominationStatus::kRejected);
  EXPECT_EQ(stored->decision_comment, "Language level too low");
  EXPECT_EQ(query("SELECT proposal_id FROM omobility WHERE omobility_id = 'om-3'"), proposal) << "a decision is not new content";
}

TEST_F(MobilitiesTest, AFixedRejectedNominationIsPendingAgainWithANewProposalId) {
  std::string id = nominate("om-4");
  std::string proposal = query("SELECT proposal_id FROM omobility WHERE omobility_id = 'om-4'");
  ASSERT_TRUE(
      mobilities_.receive_decision(*connection_, {kPartner}, id, proposal, NominationDecision::kReject, std::string("EQF")));
  Mobility fixed = sample_mobility("om-4");
  fixed.nomination.eqf_level_at_departure = 7;
  ASSERT_TRUE(mobilities_.change(*connection_, fixed, editor_));
  EXPECT_EQ(query("SELECT status FROM omobility WHERE omobility_id = 'om-4'"), "pending");
  EXPECT_NE(query("SELECT proposal_id FROM omobility WHERE omobility_id = 'om-4'"), proposal);
  EXPECT_EQ(mobilities_.receive_decision(*connection_, {kPartner}, id, proposal, NominationDecision::kApprove, {}).code(),
            Status::Code::kConflict);
}

TEST_F(MobilitiesTest, ACancelledNominationCannotBeDecidedOrChanged) {
  std::string id = nominate("om-5");
  std::string proposal = query("SELECT proposal_id FROM omobility WHERE omobility_id = 'om-5'");
  ASSERT_TRUE(mobilities_.cancel(*connection_, id, editor_, "the student withdrew"));
  EXPECT_EQ(mobilities_.receive_decision(*connection_, {kPartner}, id, proposal, NominationDecision::kApprove, {}).code(),
            Status::Code::kConflict);
  EXPECT_EQ(mobilities_.change(*connection_, sample_mobility("om-5"), editor_).code(), Status::Code::kConflict);
  EXPECT_EQ(query("SELECT comment FROM omobility_event WHERE omobility_id = 'om-5' AND event = 'cancelled'"),
            "the student withdrew");
}

TEST_F(MobilitiesTest, AnAgreementIsSeenByThePartnerOnlyOnceTheStudentAndTheSendingHeiSigned) {
  std::string id = nominate("om-6");
  ASSERT_TRUE(las_.save_draft(*connection_, id, sample_first_version(), editor_));
  ASSERT_TRUE(las_.sign_draft(*connection_, id, Signer::kStudent, student_signature(), editor_));
  auto hidden = db::find_visible_la_ids(*connection_, kUs, {id}, {kPartner});
  ASSERT_TRUE(hidden);
  EXPECT_TRUE(hidden->empty()) << "a draft is not served";
  EXPECT_EQ(query("SELECT count(*)::text FROM cnr_outbox WHERE api = 'omobility-la-cnr'"), "0");

  Signature unnamed = coordinator_signature(kUs);
  unnamed.signer_position.reset();
  EXPECT_THAT(las_.sign_draft(*connection_, id, Signer::kSendingHei, unnamed, editor_).message(),
              HasSubstr("sending_signature.signer_position: is required"));
  ASSERT_TRUE(las_.sign_draft(*connection_, id, Signer::kSendingHei, coordinator_signature(kUs), editor_));
  auto seen = db::find_visible_la_ids(*connection_, kUs, {id}, {kPartner});
  ASSERT_TRUE(seen);
  EXPECT_EQ(seen->size(), 1u);
  auto la = las_.load(*connection_, id);
  ASSERT_TRUE(la);
  EXPECT_FALSE(la->first_version);
  ASSERT_TRUE(la->changes_proposal);
  EXPECT_EQ(la->changes_proposal_id, changes_proposal_id(sample_first_version()));
  EXPECT_EQ(query("SELECT partner_hei_id FROM cnr_outbox WHERE api = 'omobility-la-cnr'"), kPartner);
}

TEST_F(MobilitiesTest, TheLearningAgreementFlowFromFirstVersionToApprovedChanges) {
  std::string id = nominate("om-7");
  std::string first = propose_first_version(id);
  ASSERT_TRUE(las_.receive_approval(*connection_, {kPartner}, kUs, id, first, coordinator_signature(kPartner)));
  auto la = las_.load(*connection_, id);
  ASSERT_TRUE(la);
  ASSERT_TRUE(la->first_version);
  EXPECT_TRUE(la->first_version->receiving_signature);
  EXPECT_FALSE(la->changes_proposal);

  // A change during the mobility: one course dropped, another one taken instead.
  LaVersion change = testing::sample_change_proposal();
  ASSERT_TRUE(las_.save_draft(*connection_, id, change, editor_));
  ASSERT_TRUE(las_.sign_draft(*connection_, id, Signer::kStudent, student_signature(), editor_));
  ASSERT_TRUE(las_.sign_draft(*connection_, id, Signer::kSendingHei, coordinator_signature(kUs), editor_));
  la = las_.load(*connection_, id);
  ASSERT_TRUE(la && la->changes_proposal_id);
  std::string proposed = *la->changes_proposal_id;

  ASSERT_TRUE(las_.receive_comment(*connection_, {kPartner}, kUs, id, proposed, "Computer Vision is full",
                                   coordinator_signature(kPartner)));
  EXPECT_EQ(query("SELECT state FROM la_version WHERE omobility_id = 'om-7' ORDER BY version DESC LIMIT 1"), "commented");

  // The sending HEI revises: a new proposal id, and the old one is stale at once.
  change.components_of(ComponentTable::kStudied)[1] = testing::course("INF-320", "Robotics", "7.5");
  change.components_of(ComponentTable::kStudied)[1].change = ChangeStatus::kInserted;
  ASSERT_TRUE(las_.save_draft(*connection_, id, change, editor_));
  ASSERT_TRUE(las_.sign_draft(*connection_, id, Signer::kStudent, student_signature(), editor_));
  ASSERT_TRUE(las_.sign_draft(*connection_, id, Signer::kSendingHei, coordinator_signature(kUs), editor_));
  la = las_.load(*connection_, id);
  ASSERT_TRUE(la && la->changes_proposal_id);
  EXPECT_NE(*la->changes_proposal_id, proposed);
  Status stale = las_.receive_approval(*connection_, {kPartner}, kUs, id, proposed, coordinator_signature(kPartner));
  EXPECT_EQ(stale.code(), Status::Code::kConflict);
  ASSERT_TRUE(
      las_.receive_approval(*connection_, {kPartner}, kUs, id, *la->changes_proposal_id, coordinator_signature(kPartner)));
  la = las_.load(*connection_, id);
  ASSERT_TRUE(la && la->approved_changes);
  LaVersion effective = components_in_effect(*la->first_version, la->approved_changes);
  const auto* studied = effective.components(ComponentTable::kStudied);
  ASSERT_NE(studied, nullptr);
  ASSERT_EQ(studied->size(), 2u);
  EXPECT_EQ((*studied)[0].title, "Distributed Systems");
  EXPECT_EQ((*studied)[1].title, "Robotics");
  EXPECT_EQ(query("SELECT string_agg(state, ',' ORDER BY version) FROM la_version WHERE omobility_id = 'om-7'"),
            "approved,superseded,approved");
  EXPECT_EQ(las_.remove(*connection_, id, editor_).code(), Status::Code::kConflict) << "signed by all three";
}

TEST_F(MobilitiesTest, AProposalIsDecidedOnlyByItsReceivingHeiAndForItsSendingHei) {
  std::string id = nominate("om-8");
  std::string first = propose_first_version(id);
  EXPECT_EQ(las_.receive_approval(*connection_, {"pohjola.example"}, kUs, id, first, coordinator_signature(kPartner)).code(),
            Status::Code::kNotFound);
  EXPECT_EQ(las_.receive_approval(*connection_, {kPartner}, "pohjola.example", id, first, coordinator_signature(kPartner)).code(),
            Status::Code::kNotFound);
  Signature unsigned_ = coordinator_signature(kPartner);
  unsigned_.signer_email.reset();
  EXPECT_EQ(las_.receive_approval(*connection_, {kPartner}, kUs, id, first, unsigned_).code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(query("SELECT state FROM la_version WHERE omobility_id = 'om-8'"), "proposed");
}

TEST_F(MobilitiesTest, ShortTermAgreementsHaveNoChangesAfterTheirFirstVersion) {
  Mobility blended = sample_mobility("om-9");
  blended.nomination.activity_attributes = ActivityAttributes::kShortTermBlended;
  ASSERT_TRUE(mobilities_.nominate(*connection_, blended, editor_));
  LaVersion first;
  Component week = testing::course("BIP-1", "Blended intensive programme", "3");
  week.term.reset();
  week.short_description = "Five days on site, four weeks online";
  first.components_of(ComponentTable::kBlended) = {week};
  ASSERT_TRUE(las_.save_draft(*connection_, "om-9", first, editor_));
  ASSERT_TRUE(las_.sign_draft(*connection_, "om-9", Signer::kStudent, student_signature(), editor_));
  ASSERT_TRUE(las_.sign_draft(*connection_, "om-9", Signer::kSendingHei, coordinator_signature(kUs), editor_));
  auto la = las_.load(*connection_, "om-9");
  ASSERT_TRUE(la && la->changes_proposal_id);
  ASSERT_TRUE(
      las_.receive_approval(*connection_, {kPartner}, kUs, "om-9", *la->changes_proposal_id, coordinator_signature(kPartner)));
  auto refused = las_.save_draft(*connection_, "om-9", first, editor_);
  ASSERT_FALSE(refused);
  EXPECT_THAT(refused.status().message(), HasSubstr("short-term mobility's learning agreement has no changes"));
}

TEST_F(MobilitiesTest, ALongTermFirstVersionNeedsBothTablesAndChangesMustBeCumulative) {
  std::string id = nominate("om-10");
  LaVersion studied_only;
  studied_only.components_of(ComponentTable::kStudied) = {testing::course("INF-101", "Distributed Systems", "7.5")};
  auto refused = las_.save_draft(*connection_, id, studied_only, editor_);
  ASSERT_FALSE(refused);
  EXPECT_THAT(refused.status().message(), HasSubstr("components-recognized: needs at least one component"));

  std::string first = propose_first_version(id);
  ASSERT_TRUE(las_.receive_approval(*connection_, {kPartner}, kUs, id, first, coordinator_signature(kPartner)));
  LaVersion unknown_deletion;
  Component ghost = testing::course("INF-999", "Quantum Gardening", "5");
  ghost.change = ChangeStatus::kDeleted;
  unknown_deletion.components_of(ComponentTable::kStudied) = {ghost};
  refused = las_.save_draft(*connection_, id, unknown_deletion, editor_);
  ASSERT_FALSE(refused);
  EXPECT_THAT(refused.status().message(), HasSubstr("deletes 'Quantum Gardening', which the first version does not have"));
}

TEST_F(MobilitiesTest, AnUnsignedAgreementMayBeDeletedAndIsThenNoLongerServed) {
  std::string id = nominate("om-11");
  propose_first_version(id);
  ASSERT_TRUE(las_.remove(*connection_, id, editor_));
  auto seen = db::find_visible_la_ids(*connection_, kUs, {id}, {kPartner});
  ASSERT_TRUE(seen);
  EXPECT_TRUE(seen->empty());
  EXPECT_EQ(query("SELECT count(*)::text FROM cnr_outbox WHERE api = 'omobility-la-cnr' AND object_id = 'om-11'"), "1")
      << "the partner hears of the deletion (coalesced with the pending notification of the proposal)";
}

TEST_F(MobilitiesTest, AnIncomingCopyIsStoredOnlyForAHostedReceivingHei) {
  Mobility theirs = sample_mobility("tur-1", kPartner, kUs);
  auto stored = incoming_.store_copy(*connection_, kPartner, theirs, nomination_proposal_id(theirs.nomination));
  ASSERT_TRUE(stored) << stored.status().to_string();
  EXPECT_TRUE(*stored);
  auto again = incoming_.store_copy(*connection_, kPartner, theirs, nomination_proposal_id(theirs.nomination));
  ASSERT_TRUE(again);
  EXPECT_FALSE(*again) << "nothing changed";

  Mobility elsewhere = sample_mobility("tur-2", kPartner, "pohjola.example");
  auto refused = incoming_.store_copy(*connection_, kPartner, elsewhere, "p-1");
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.status().message(),
            "tu-rheinfeld.example served mobility tur-2 to pohjola.example, which this node does not host");
  auto forged = incoming_.store_copy(*connection_, "pohjola.example", theirs, "p-1");
  ASSERT_FALSE(forged);
  EXPECT_THAT(forged.status().message(), HasSubstr("of another sending HEI"));
  EXPECT_EQ(query("SELECT count(*)::text FROM partner_omobility"), "1");
}

TEST_F(MobilitiesTest, OurDecisionWaitsInTheOutboxWithTheProposalIdOfOurCopy) {
  Mobility theirs = sample_mobility("tur-3", kPartner, kUs);
  ASSERT_TRUE(incoming_.store_copy(*connection_, kPartner, theirs, "p-theirs"));
  PartnerDecision reject{PartnerDecision::Kind::kRejectNomination, "", std::nullopt, std::nullopt, ""};
  EXPECT_EQ(incoming_.decide(*connection_, kUs, kPartner, "tur-3", reject, editor_).code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(incoming_.decide(*connection_, "pohjola.example", kPartner, "tur-3", {}, editor_).code(), Status::Code::kNotFound);
  PartnerDecision approve{PartnerDecision::Kind::kApproveNomination, "", std::nullopt, std::nullopt, ""};
  ASSERT_TRUE(incoming_.decide(*connection_, kUs, kPartner, "tur-3", approve, editor_));
  EXPECT_EQ(query("SELECT payload->>'proposal_id' FROM cnr_outbox WHERE api = 'omobilities-update'"), "p-theirs");
  PartnerDecision la{PartnerDecision::Kind::kApproveLa, "", std::nullopt, coordinator_signature(kUs), ""};
  EXPECT_EQ(incoming_.decide(*connection_, kUs, kPartner, "tur-3", la, editor_).code(), Status::Code::kConflict)
      << "no learning agreement fetched yet";
}

TEST_F(MobilitiesTest, ActualDatesAreCheckedStoredAndNotifiedToTheSendingHei) {
  Mobility theirs = sample_mobility("tur-4", kPartner, kUs);
  ASSERT_TRUE(incoming_.store_copy(*connection_, kPartner, theirs, "p-theirs"));
  EXPECT_EQ(incoming_
                .record_actual_dates(*connection_, kUs, kPartner, "tur-4", std::string("2026-09-01"), std::string("2026-08-01"),
                                     editor_)
                .code(),
            Status::Code::kInvalidArgument);
  ASSERT_TRUE(
      incoming_.record_actual_dates(*connection_, kUs, kPartner, "tur-4", std::string("2026-08-17"), std::nullopt, editor_));
  EXPECT_EQ(query("SELECT actual_arrival_date::text FROM partner_omobility WHERE omobility_id = 'tur-4'"), "2026-08-17");
  EXPECT_EQ(query("SELECT partner_hei_id FROM cnr_outbox WHERE api = 'imobility-cnr' AND object_id = 'tur-4'"), kPartner);
}

}  // namespace
}  // namespace mobility::mobilities
