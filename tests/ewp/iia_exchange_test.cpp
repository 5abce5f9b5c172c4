// Two nodes negotiating an agreement over EWP, in one process on loopback: node A hosts
// fjordland.example, node B uni-b.example, each with its own database and key, trusting each
// other through a catalogue built from their manifests. Every step goes through the real
// HTTP APIs with real signatures: IIA CNRs, IIAs get, IIA Approval CNRs and IIAs Approval, with
// the durable outbox and inbox worked step by step. Faults: the partner down while we notify,
// a worker that died holding a lease, a partner answering garbage, a partner refusing our
// notification (4xx: given up), a partner without the IIA CNR API (no_cnr_api) and a node
// without a registry catalogue (notifications wait, untried).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "agreements/iia_book.hpp"
#include "agreements/iia_json.hpp"
#include "agreements/partner_copies.hpp"
#include "db/iia_approvals.hpp"
#include "db/notifications.hpp"
#include "ewp-node/apis/iias-v7/iia_xml.hpp"
#include "tests/ewp/two_nodes_fixture.hpp"
#include "tests/support/iia_samples.hpp"
#include "tests/support/wait_until.hpp"

namespace mobility::ewp::test {
namespace {

const agreements::Editor kStaff{std::nullopt, "staff@test", std::string("io_admin")};

class IiaExchangeTest : public TwoNodesTest {
 protected:
  // Works both nodes' queues until nothing is due (a bounded number of rounds).
  void exchange() {
    for (int round = 0; round < 20; ++round) {
      if (a_.work() + b_.work() == 0) return;
    }
    ADD_FAILURE() << "the nodes kept notifying each other";
  }

  std::string a_drafts_and_shares() {
    auto connection = a_.connection();
    auto id = a_book_.create_draft(*connection,
                                   {"fjordland.example", "UiF-B-1", "ou-mn", std::nullopt, testing::sample_iia("uni-b.example")},
                                   kStaff, "new partner");
    EXPECT_TRUE(id) << id.status().to_string();
    EXPECT_TRUE(a_book_.share(*connection, "fjordland.example", *id, kStaff));
    return *id;
  }

  // A's agreement, negotiated until both have approved it; returns (A's id, B's id).
  std::pair<std::string, std::string> mutually_approved() {
    std::string a_id = a_drafts_and_shares();
    exchange();
    auto b_connection = b_.connection();
    auto b_id = b_copies_.create_own_copy(*b_connection, "uni-b.example", "fjordland.example", a_id, "B-17", kStaff);
    EXPECT_TRUE(b_id) << b_id.status().to_string();
    exchange();
    EXPECT_TRUE(b_book_.approve_partner_copy(*b_connection, "uni-b.example", *b_id, kStaff));
    exchange();
    auto a_connection = a_.connection();
    EXPECT_TRUE(a_book_.approve_partner_copy(*a_connection, "fjordland.example", a_id, kStaff));
    exchange();
    return {a_id, *b_id};
  }

  // "state attempts last_error" of A's notification about `object_id`.
  std::string a_delivery(const std::string& object_id) {
    auto rows = a_.connection()->exec("SELECT concat_ws(' ', state, attempts, last_error) FROM cnr_outbox WHERE object_id = $1",
                                      {object_id});
    EXPECT_TRUE(rows && rows->size() == 1) << object_id;
    return rows && rows->size() == 1 ? rows->front().get<std::string>(0) : "";
  }

  agreements::IiaBook a_book_{served_iia_hash};
  agreements::PartnerCopies a_copies_{a_book_};
  agreements::IiaBook b_book_{served_iia_hash};
  agreements::PartnerCopies b_copies_{b_book_};
};

TEST_F(IiaExchangeTest, APartnerHearsOfANewAgreementAndFetchesIt) {
  std::string a_id = a_drafts_and_shares();
  EXPECT_EQ(a_.work(), 1) << "A delivers its IIA CNR";
  EXPECT_EQ(b_.work(), 1) << "B fetches A's agreement";
  auto connection = b_.connection();
  auto copy = db::find_partner_copy(*connection, "uni-b.example", "fjordland.example", a_id);
  ASSERT_TRUE(copy && *copy);
  EXPECT_TRUE((*copy)->hash_verified);
  EXPECT_EQ((*copy)->iia_hash, a_.iia(a_id).iia_hash);
  auto counts = db::count_notifications(*a_.connection(), db::Queue::kCnrOutbox);
  EXPECT_EQ(counts->finished_ok, 1);
}

TEST_F(IiaExchangeTest, TheWholeNegotiationBindsApprovesModifiesAndTerminates) {
  auto [a_id, b_id] = mutually_approved();
  db::IiaRecord ours = a_.iia(a_id);
  db::IiaRecord theirs = b_.iia(b_id);
  EXPECT_EQ(ours.partner_iia_id, b_id) << "A bound its copy to B's";
  EXPECT_EQ(theirs.partner_iia_id, a_id);
  EXPECT_EQ(ours.partner_approved_hash, ours.iia_hash);
  EXPECT_EQ(theirs.partner_approved_hash, theirs.iia_hash);
  EXPECT_TRUE(ours.approved_version.has_value()) << "mutual approval is noted on A";
  EXPECT_TRUE(theirs.approved_version.has_value()) << "and on B";
  EXPECT_EQ(db::iia_stats(*a_.connection())->both_approved, 1);

  // A modifies: B's approval no longer covers A's copy.
  auto stored = agreements::iia_from_json_text(ours.content_json);
  ASSERT_TRUE(stored);
  agreements::Iia changed = *stored;
  changed.mobility_specs[0].mobilities_per_year = 5;
  auto a_connection = a_.connection();
  ASSERT_TRUE(a_book_.revise(*a_connection, "fjordland.example", a_id, ours.current_version, changed, kStaff, "more places"));
  exchange();
  db::IiaRecord modified = a_.iia(a_id);
  EXPECT_NE(modified.partner_approved_hash, modified.iia_hash) << "the approval is invalidated";
  EXPECT_EQ(db::iia_stats(*a_.connection())->both_approved, 0);

  // B cannot approve A's copy while its own says otherwise; it follows A's change, approves, and
  // A approves B's changed copy again.
  auto b_connection = b_.connection();
  Status blocked = b_book_.approve_partner_copy(*b_connection, "uni-b.example", b_id, kStaff);
  EXPECT_EQ(blocked.code(), Status::Code::kConflict) << blocked.to_string();
  db::IiaRecord b_record = b_.iia(b_id);
  auto b_stored = agreements::iia_from_json_text(b_record.content_json);
  ASSERT_TRUE(b_stored);
  b_stored->mobility_specs[0].mobilities_per_year = 5;
  ASSERT_TRUE(b_book_.revise(*b_connection, "uni-b.example", b_id, b_record.current_version, *b_stored, kStaff, "as A proposed"));
  exchange();
  Status approved = b_book_.approve_partner_copy(*b_connection, "uni-b.example", b_id, kStaff);
  ASSERT_TRUE(approved) << approved.to_string();
  Status approved_back = a_book_.approve_partner_copy(*a_connection, "fjordland.example", a_id, kStaff);
  ASSERT_TRUE(approved_back) << approved_back.to_string();
  exchange();
  EXPECT_EQ(a_.iia(a_id).partner_approved_hash, a_.iia(a_id).iia_hash);
  EXPECT_EQ(b_.iia(b_id).partner_approved_hash, b_.iia(b_id).iia_hash);
  EXPECT_EQ(db::iia_stats(*a_.connection())->both_approved, 1);
  EXPECT_EQ(db::iia_stats(*b_.connection())->both_approved, 1);

  // A terminates; B sees the terminated copy.
  ASSERT_TRUE(a_book_.terminate(*a_connection, "fjordland.example", a_id, a_.iia(a_id).current_version, kStaff, "ends"));
  exchange();
  auto copy = db::find_partner_copy(*b_connection, "uni-b.example", "fjordland.example", a_id);
  ASSERT_TRUE(copy && *copy);
  auto terminated = agreements::iia_from_json_text((*copy)->content_json);
  ASSERT_TRUE(terminated);
  EXPECT_TRUE(terminated->terminated_as_a_whole);
  EXPECT_TRUE((*copy)->hash_verified);
}

TEST_F(IiaExchangeTest, ADeletedCopyUnbindsThePartnersCopy) {
  std::string a_id = a_drafts_and_shares();
  exchange();
  auto b_connection = b_.connection();
  auto b_id = b_copies_.create_own_copy(*b_connection, "uni-b.example", "fjordland.example", a_id, "B-18", kStaff);
  ASSERT_TRUE(b_id) << b_id.status().to_string();
  exchange();
  ASSERT_EQ(b_.iia(*b_id).partner_iia_id, a_id);
  auto a_connection = a_.connection();
  ASSERT_TRUE(a_book_.remove(*a_connection, "fjordland.example", a_id, kStaff, "never mind"));
  exchange();
  db::IiaRecord unbound = b_.iia(*b_id);
  EXPECT_FALSE(unbound.partner_iia_id.has_value()) << "B's copy no longer names A's deleted one";
  EXPECT_EQ(unbound.current_version, 2) << "unbinding is a version of its own";
  auto copy = db::find_partner_copy(*b_connection, "uni-b.example", "fjordland.example", a_id);
  ASSERT_TRUE(copy);
  EXPECT_FALSE(*copy) << "A's copy is marked gone";
}

TEST_F(IiaExchangeTest, ANotificationToAStoppedPartnerIsDeliveredAfterItRestarts) {
  b_.server.reset();
  std::string a_id = a_drafts_and_shares();
  EXPECT_EQ(a_.work(), 1);
  auto pending = db::count_notifications(*a_.connection(), db::Queue::kCnrOutbox);
  EXPECT_EQ(pending->pending, 1) << "kept for a retry";
  EXPECT_EQ(a_.work(), 0) << "not due again before its backoff";
  ASSERT_TRUE(b_.start_server());
  EXPECT_TRUE(testing::wait_until([&] { return a_.work() == 1; }, kRetryDue)) << "the first retry comes after 1 s ± 25 %";
  EXPECT_EQ(db::count_notifications(*a_.connection(), db::Queue::kCnrOutbox)->finished_ok, 1);
  EXPECT_EQ(b_.work(), 1);
  auto copy = db::find_partner_copy(*b_.connection(), "uni-b.example", "fjordland.example", a_id);
  EXPECT_TRUE(copy && *copy);
}

TEST_F(IiaExchangeTest, AWorkerThatDiedHoldingALeaseLosesNothing) {
  a_drafts_and_shares();
  auto connection = a_.connection();
  auto leased = db::lease_due(*connection, db::Queue::kCnrOutbox, 10, std::chrono::seconds(1));
  ASSERT_TRUE(leased);
  ASSERT_EQ(leased->size(), 1u);  // ... and the worker holding it is gone
  EXPECT_EQ(a_.work(), 0) << "leased items are nobody else's";
  EXPECT_TRUE(testing::wait_until([&] { return a_.work() == 1; }, kRetryDue)) << "due again once the 1 s lease ran out";
  EXPECT_EQ(db::count_notifications(*connection, db::Queue::kCnrOutbox)->finished_ok, 1);
}

TEST_F(IiaExchangeTest, DuplicateNotificationsCoalesceAndForceRetryBringsBackGivenUpOnes) {
  std::string a_id = a_drafts_and_shares();
  auto connection = a_.connection();
  ASSERT_TRUE(db::enqueue_outgoing_cnr(*connection, "iia-cnr", "fjordland.example", "uni-b.example", a_id));
  EXPECT_EQ(db::count_notifications(*connection, db::Queue::kCnrOutbox)->pending, 1);
  auto item = db::lease_due(*connection, db::Queue::kCnrOutbox, 1, std::chrono::seconds(30));
  ASSERT_TRUE(item && item->size() == 1);
  ASSERT_TRUE(db::finish_notification(*connection, db::Queue::kCnrOutbox, item->front().id, "gave_up", "test"));
  auto retried = db::force_retry_partner(*connection, "uni-b.example", std::nullopt);
  ASSERT_TRUE(retried);
  EXPECT_EQ(*retried, 1);
  EXPECT_EQ(a_.work(), 1);
  EXPECT_EQ(db::count_notifications(*connection, db::Queue::kCnrOutbox)->finished_ok, 1);
}

TEST_F(IiaExchangeTest, ANotificationThePartnerRefusesIsGivenUpAtTheFirstTry) {
  b_.refuse("POST", "/ewp/iia-cnr", 400, "no such notifier");
  std::string a_id = a_drafts_and_shares();
  EXPECT_EQ(a_.work(), 1);
  EXPECT_EQ(a_delivery(a_id), "gave_up 1 uni-b.example iia-cnr answered HTTP 400: no such notifier")
      << "a 4xx would be refused again: no retry";
  EXPECT_EQ(a_.work(), 0);
  auto counts = db::count_notifications(*a_.connection(), db::Queue::kCnrOutbox);
  EXPECT_EQ(counts->failed, 1);
  EXPECT_EQ(counts->pending, 0);
}

TEST_F(IiaExchangeTest, APartnerAnsweringGarbageIsRecordedAndNothingIsStored) {
  std::string a_id = a_drafts_and_shares();
  a_.answer_signed_garbage("GET", "/ewp/iias/get", "<iias-get-response>not what the schema says");
  EXPECT_EQ(a_.work(), 1);
  EXPECT_EQ(b_.work(), 1);
  auto connection = b_.connection();
  auto copy = db::find_partner_copy(*connection, "uni-b.example", "fjordland.example", a_id);
  ASSERT_TRUE(copy);
  EXPECT_FALSE(*copy) << "nothing stored";
  auto contact = connection->exec("SELECT last_error FROM partner_contact WHERE partner_hei_id = 'fjordland.example'");
  ASSERT_TRUE(contact && contact->size() == 1);
  EXPECT_THAT(contact->front().get<std::string>(0), HasSubstr("fjordland.example iias answered invalid XML"));
  EXPECT_EQ(db::count_notifications(*connection, db::Queue::kCnrInbox)->pending, 1) << "kept for a retry";
}

TEST_F(IiaExchangeTest, ACopyAPartnerServesInAnotherHeisNameIsRefused) {
  agreements::Iia forged = testing::sample_iia("uni-b.example");
  std::swap(forged.partners[0], forged.partners[1]);
  forged.partners[0].hei_id = "elsewhere.example";  // B serves an agreement that is not B's
  forged.partners[0].iia_id = "forged-1";
  std::string body = iias_get_response_xml({forged});
  b_.answer_signed_garbage("GET", "/ewp/iias/get", body);  // well-formed and valid, but forged
  auto connection = a_.connection();
  ASSERT_TRUE(db::enqueue_incoming_cnr(*connection, "iia", "uni-b.example", "forged-1"));
  EXPECT_EQ(a_.work(), 1);
  auto counts = db::count_notifications(*connection, db::Queue::kCnrInbox);
  EXPECT_EQ(counts->failed, 1) << "given up: asking again would give the same answer";
  EXPECT_EQ(counts->pending, 0);
  auto stored = connection->exec("SELECT count(*) FROM partner_iia");
  EXPECT_EQ(stored->front().get<int64_t>(0), 0);
}

// B's manifest announces every API but the IIA CNR.
class IiaExchangeWithoutCnrTest : public IiaExchangeTest {
 protected:
  std::vector<ApiDescriptor> announced_apis(TestNode& node) override {
    std::vector<ApiDescriptor> apis = IiaExchangeTest::announced_apis(node);
    if (&node == &b_) std::erase_if(apis, [](const ApiDescriptor& api) { return api.entry_namespace == ns::kIiaCnrEntry; });
    return apis;
  }
};

TEST_F(IiaExchangeWithoutCnrTest, ANotificationToAPartnerWithoutTheCnrApiEndsAsNoCnrApi) {
  std::string a_id = a_drafts_and_shares();
  EXPECT_EQ(a_.work(), 1);
  EXPECT_EQ(a_delivery(a_id),
            "no_cnr_api 1 the registry lists no iia-cnr url with HTTP-signature authentication for uni-b.example");
  EXPECT_EQ(a_.work(), 0) << "nothing to retry";
  auto contact = a_.connection()->exec("SELECT last_error FROM partner_contact WHERE partner_hei_id = 'uni-b.example'");
  ASSERT_TRUE(contact);
  EXPECT_TRUE(contact->empty()) << "no call was made: neither a failed nor a successful contact";
}

class IiaExchangeWithoutRegistryTest : public IiaExchangeTest {
 protected:
  bool registry_answers() override { return false; }
};

TEST_F(IiaExchangeWithoutRegistryTest, WithoutACatalogueNotificationsWaitWithoutSpendingAttempts) {
  std::string a_id = a_drafts_and_shares();
  EXPECT_EQ(a_.work(), 0) << "nothing can be sent without the registry";
  EXPECT_EQ(a_.work(), 0);
  EXPECT_EQ(a_delivery(a_id), "pending 0") << "no attempt spent, no error recorded per item";
  auto contact = a_.connection()->exec("SELECT 1 FROM partner_contact");
  ASSERT_TRUE(contact);
  EXPECT_TRUE(contact->empty()) << "no partner was called";
}

}  // namespace
}  // namespace mobility::ewp::test
