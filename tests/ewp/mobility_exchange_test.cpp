// Two nodes running the nomination and learning-agreement flow over EWP, in one process on
// loopback: A (fjordland.example) sends a student to B (uni-b.example). Every step goes through
// the real APIs with real signatures: OMobility and LA CNRs, OMobilities and LAs get, their update
// endpoints, IMobility CNR and IMobilities get, with the durable outbox and inbox worked step by
// step. Faults: B down while A notifies, a worker that died holding a lease, a partner answering
// schema-invalid or unsigned XML.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "db/partner_mobilities.hpp"
#include "mobilities/incoming_mobilities.hpp"
#include "mobilities/learning_agreement.hpp"
#include "mobilities/mobility_json.hpp"
#include "mobilities/outgoing_learning_agreements.hpp"
#include "mobilities/outgoing_mobilities.hpp"
#include "tests/ewp/two_nodes_fixture.hpp"
#include "tests/support/mobility_samples.hpp"
#include "tests/support/wait_until.hpp"

namespace mobility::ewp::test {
namespace {

using mobilities::PartnerDecision;
using mobilities::Signer;
using testing::coordinator_signature;
using testing::student_signature;

constexpr const char* kA = "fjordland.example";
constexpr const char* kB = "uni-b.example";
const agreements::Editor kStaff{std::nullopt, "staff@test", std::string("coordinator")};

class MobilityExchangeTest : public TwoNodesTest {
 protected:
  void exchange() {
    for (int round = 0; round < 20; ++round) {
      if (a_.work() + b_.work() == 0) return;
    }
    ADD_FAILURE() << "the nodes kept notifying each other";
  }

  void a_nominates(const std::string& id) {
    auto connection = a_.connection();
    auto nominated = a_mobilities_.nominate(*connection, testing::sample_mobility(id, kA, kB), kStaff);
    ASSERT_TRUE(nominated) << nominated.status().to_string();
  }

  // A's student and coordinator sign `version` as the next proposal; returns its id.
  std::string a_proposes(const std::string& id, const mobilities::LaVersion& version) {
    auto connection = a_.connection();
    EXPECT_TRUE(a_las_.save_draft(*connection, id, version, kStaff));
    EXPECT_TRUE(a_las_.sign_draft(*connection, id, Signer::kStudent, student_signature(), kStaff));
    EXPECT_TRUE(a_las_.sign_draft(*connection, id, Signer::kSendingHei, coordinator_signature(kA), kStaff));
    auto la = a_las_.load(*connection, id);
    return la && la->changes_proposal_id ? *la->changes_proposal_id : "";
  }

  Status b_decides(const std::string& id, PartnerDecision::Kind kind, std::optional<std::string> comment = std::nullopt) {
    auto connection = b_.connection();
    std::optional<mobilities::Signature> signature;
    if (kind == PartnerDecision::Kind::kApproveLa || kind == PartnerDecision::Kind::kCommentLa) {
      signature = coordinator_signature(kB);
    }
    return b_incoming_.decide(*connection, kB, kA, id, {kind, "", std::move(comment), signature, "bea@uni-b.example"}, kStaff);
  }

  db::PartnerOMobilityRecord b_copy(const std::string& id) {
    auto connection = b_.connection();
    auto copy = db::find_partner_omobility(*connection, kA, id);
    EXPECT_TRUE(copy && *copy) << "B holds no copy of " << id;
    return copy && *copy ? **copy : db::PartnerOMobilityRecord{};
  }

  std::optional<db::PartnerOMobilityRecord> b_maybe_copy(const std::string& id) {
    auto connection = b_.connection();
    auto copy = db::find_partner_omobility(*connection, kA, id);
    EXPECT_TRUE(copy);
    return copy ? *copy : std::nullopt;
  }

  mobilities::Mobility a_mobility(const std::string& id) {
    auto connection = a_.connection();
    auto mobility = a_mobilities_.load(*connection, id);
    EXPECT_TRUE(mobility) << mobility.status().to_string();
    return mobility ? *mobility : mobilities::Mobility{};
  }

  mobilities::LearningAgreement a_la(const std::string& id) {
    auto connection = a_.connection();
    auto la = a_las_.load(*connection, id);
    EXPECT_TRUE(la) << la.status().to_string();
    return la ? *la : mobilities::LearningAgreement{};
  }

  std::string b_outbox_state(const std::string& api) {
    auto rows = b_.connection()->exec("SELECT state FROM cnr_outbox WHERE api = $1 ORDER BY cnr_id DESC LIMIT 1", {api});
    return rows && !rows->empty() ? rows->front().get<std::string>(0) : "";
  }

  mobilities::OutgoingMobilities a_mobilities_;
  mobilities::OutgoingLearningAgreements a_las_;
  mobilities::IncomingMobilities b_incoming_;
};

TEST_F(MobilityExchangeTest, TheWholeFlowFromNominationToActualDates) {
  // A nominates; B hears of it and fetches it.
  a_nominates("om-1");
  exchange();
  EXPECT_EQ(b_copy("om-1").status, "pending");
  auto a_proposal = a_.connection()->exec("SELECT proposal_id FROM omobility WHERE omobility_id = 'om-1'");
  ASSERT_TRUE(a_proposal && a_proposal->size() == 1);
  EXPECT_EQ(b_copy("om-1").proposal_id, a_proposal->front().get<std::string>(0));

  // B approves the nomination; A stores the decision and B's copy follows.
  ASSERT_TRUE(b_decides("om-1", PartnerDecision::Kind::kApproveNomination));
  exchange();
  EXPECT_EQ(a_mobility("om-1").status, mobilities::NominationStatus::kApproved);
  EXPECT_EQ(b_copy("om-1").status, "approved");
  EXPECT_EQ(b_outbox_state("omobilities-update"), "delivered");

  // A's student and coordinator sign a first proposal; B comments on it.
  std::string first = a_proposes("om-1", testing::sample_first_version());
  ASSERT_FALSE(first.empty());
  exchange();
  ASSERT_TRUE(b_copy("om-1").changes_proposal_id);
  EXPECT_EQ(*b_copy("om-1").changes_proposal_id, first);
  ASSERT_TRUE(b_decides("om-1", PartnerDecision::Kind::kCommentLa, "Machine Learning is taught in spring only"));
  exchange();
  auto commented =
      a_.connection()->exec("SELECT state, comment FROM la_version WHERE omobility_id = 'om-1' ORDER BY version DESC LIMIT 1");
  ASSERT_TRUE(commented && commented->size() == 1);
  EXPECT_EQ(commented->front().get<std::string>(0), "commented");
  EXPECT_EQ(commented->front().get<std::string>(1), "Machine Learning is taught in spring only");

  // A revises; B, still holding the old proposal, approves it: A answers 409, B fetches again.
  mobilities::LaVersion revised = testing::sample_first_version();
  revised.components_of(mobilities::ComponentTable::kStudied)[1] = testing::course("INF-207", "Statistical Learning", "7.5");
  std::string second = a_proposes("om-1", revised);
  ASSERT_NE(second, first);
  ASSERT_TRUE(b_decides("om-1", PartnerDecision::Kind::kApproveLa));
  EXPECT_EQ(b_.work(), 1) << "B delivers its approval of the old proposal";
  EXPECT_EQ(b_outbox_state("omobility-las-update"), "conflict");
  auto contact = b_.connection()->exec("SELECT coalesce(last_error, '') FROM partner_contact WHERE partner_hei_id = $1", {kA});
  ASSERT_TRUE(contact && contact->size() == 1);
  EXPECT_EQ(contact->front().get<std::string>(0), "") << "a 409 is the partner answering as it should, not an error";
  EXPECT_EQ(b_.work(), 1) << "B fetches A's agreement again";
  EXPECT_EQ(*b_copy("om-1").changes_proposal_id, second);
  ASSERT_TRUE(b_decides("om-1", PartnerDecision::Kind::kApproveLa));
  exchange();
  mobilities::LearningAgreement la = a_la("om-1");
  ASSERT_TRUE(la.first_version);
  EXPECT_TRUE(la.first_version->receiving_signature);
  EXPECT_FALSE(la.changes_proposal);

  // A change during the mobility; B approves it.
  mobilities::LaVersion change = testing::sample_change_proposal("INF-207", "Statistical Learning");
  std::string changes = a_proposes("om-1", change);
  exchange();
  EXPECT_EQ(*b_copy("om-1").changes_proposal_id, changes);
  ASSERT_TRUE(b_decides("om-1", PartnerDecision::Kind::kApproveLa));
  exchange();
  EXPECT_TRUE(a_la("om-1").approved_changes);

  // B records the actual dates; A sees them.
  {
    auto connection = b_.connection();
    ASSERT_TRUE(b_incoming_.record_actual_dates(*connection, kB, kA, "om-1", std::string("2026-08-17"), std::nullopt, kStaff));
  }
  exchange();
  EXPECT_EQ(a_mobility("om-1").actual_arrival_date, "2026-08-17");
}

TEST_F(MobilityExchangeTest, ARejectedNominationIsFixedAndNotifiedAgain) {
  a_nominates("om-2");
  exchange();
  ASSERT_TRUE(b_decides("om-2", PartnerDecision::Kind::kRejectNomination, "The course catalogue does not fit"));
  exchange();
  EXPECT_EQ(a_mobility("om-2").status, mobilities::NominationStatus::kRejected);
  EXPECT_EQ(a_mobility("om-2").decision_comment, "The course catalogue does not fit");
  std::string rejected_proposal = b_copy("om-2").proposal_id;

  mobilities::Mobility fixed = a_mobility("om-2");
  fixed.nomination.nominee_isced_f_code = "0612";
  ASSERT_TRUE(a_mobilities_.change(*a_.connection(), fixed, kStaff));
  exchange();
  EXPECT_EQ(b_copy("om-2").status, "pending");
  EXPECT_NE(b_copy("om-2").proposal_id, rejected_proposal);
}

TEST_F(MobilityExchangeTest, ANotificationToAStoppedPartnerIsDeliveredAfterItRestarts) {
  b_.server.reset();
  a_nominates("om-3");
  EXPECT_EQ(a_.work(), 1);
  EXPECT_EQ(db::count_notifications(*a_.connection(), db::Queue::kCnrOutbox)->pending, 1) << "kept for a retry";
  ASSERT_TRUE(b_.start_server());
  EXPECT_TRUE(testing::wait_until([&] { return a_.work() == 1; }, kRetryDue)) << "the first retry comes after 1 s ± 25 %";
  exchange();
  EXPECT_EQ(b_copy("om-3").status, "pending");
}

TEST_F(MobilityExchangeTest, AWorkerThatDiedHoldingALeaseLosesNothing) {
  a_nominates("om-4");
  auto connection = a_.connection();
  auto leased = db::lease_due(*connection, db::Queue::kCnrOutbox, 10, std::chrono::seconds(1));
  ASSERT_TRUE(leased && leased->size() == 1);  // ... and the worker holding it is gone
  EXPECT_EQ(a_.work(), 0);
  EXPECT_TRUE(testing::wait_until([&] { return a_.work() == 1; }, kRetryDue)) << "due again once the 1 s lease ran out";
  exchange();
  EXPECT_EQ(b_copy("om-4").status, "pending");
}

TEST_F(MobilityExchangeTest, APartnerAnsweringSchemaInvalidXmlIsRecordedAndNothingIsStored) {
  a_nominates("om-5");
  a_.answer_signed_garbage("GET", "/ewp/omobilities/get", "<omobilities-get-response>not what the schema says");
  EXPECT_EQ(a_.work(), 1);
  EXPECT_EQ(b_.work(), 1);
  EXPECT_FALSE(b_maybe_copy("om-5")) << "nothing stored";
  auto contact = b_.connection()->exec("SELECT last_error FROM partner_contact WHERE partner_hei_id = 'fjordland.example'");
  ASSERT_TRUE(contact && contact->size() == 1);
  EXPECT_THAT(contact->front().get<std::string>(0), HasSubstr("fjordland.example omobilities answered invalid XML"));
}

TEST_F(MobilityExchangeTest, APartnerAnsweringUnsignedXmlIsRecordedAndNothingIsStored) {
  a_nominates("om-6");
  a_.router->add("GET", "/ewp/omobilities/get", [](const http::Request&) {
    http::Response response;
    response.content_type = "text/xml; charset=utf-8";
    response.body =
        "<omobilities-get-response xmlns=\"https://github.com/erasmus-without-paper/ewp-specs-api-omobilities/"
        "blob/stable-v3/endpoints/get-response.xsd\"/>";
    return response;
  });
  EXPECT_EQ(a_.work(), 1);
  EXPECT_EQ(b_.work(), 1);
  EXPECT_FALSE(b_maybe_copy("om-6")) << "nothing stored";
  auto contact = b_.connection()->exec("SELECT last_error FROM partner_contact WHERE partner_hei_id = 'fjordland.example'");
  ASSERT_TRUE(contact && contact->size() == 1);
  EXPECT_THAT(contact->front().get<std::string>(0), HasSubstr("fjordland.example omobilities"));
  EXPECT_EQ(db::count_notifications(*b_.connection(), db::Queue::kCnrInbox)->pending, 1) << "kept for a retry";
}

}  // namespace
}  // namespace mobility::ewp::test
