// News that comes while a worker holds a queue item is never lost to that worker's outcome
// (db/notifications.hpp): a partner's CNR while we fetch, our second change while we notify, a
// newer decision while we send the older one. Against a real PostgreSQL.
#include <gtest/gtest.h>

#include "db/connection.hpp"
#include "db/notifications.hpp"
#include "tests/support/test_database.hpp"

namespace mobility::db {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;

constexpr const char* kHei = "fjordland.example";
constexpr const char* kPartner = "collina.example";

class NotifiedWhileHeldTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = Connection::open(testing::create_demo_database());
    ASSERT_TRUE(opened) << opened.status().to_string();
    connection_ = std::move(*opened);
  }

  // The one item `lease_due` hands out now (the test fails unless there is exactly one).
  QueuedNotification lease_one(Queue queue) {
    auto leased = lease_due(*connection_, queue, 10, seconds(60));
    EXPECT_TRUE(leased) << leased.status().to_string();
    EXPECT_EQ(leased ? leased->size() : 0, 1u);
    return leased && leased->size() == 1 ? leased->front() : QueuedNotification{};
  }

  size_t due(Queue queue) {
    auto leased = lease_due(*connection_, queue, 10, seconds(60));
    EXPECT_TRUE(leased) << leased.status().to_string();
    return leased ? leased->size() : 0;
  }

  std::string text(const std::string& sql) {
    auto rows = connection_->exec(sql);
    EXPECT_TRUE(rows) << rows.status().to_string();
    return rows && !rows->empty() && !rows->front().is_null(0) ? rows->front().get<std::string>(0) : "";
  }

  std::unique_ptr<Connection> connection_;
};

TEST_F(NotifiedWhileHeldTest, APartnersCnrDuringTheFetchMakesTheJobDueAgainAfterIt) {
  ASSERT_TRUE(enqueue_incoming_cnr(*connection_, "iia", kPartner, "collina-77"));
  QueuedNotification held = lease_one(Queue::kCnrInbox);
  ASSERT_TRUE(enqueue_incoming_cnr(*connection_, "iia", kPartner, "collina-77"));  // the partner changed it again
  EXPECT_EQ(due(Queue::kCnrInbox), 0u) << "one worker at a time";
  ASSERT_TRUE(finish_notification(*connection_, Queue::kCnrInbox, held.id, "done"));
  QueuedNotification again = lease_one(Queue::kCnrInbox);
  EXPECT_EQ(again.id, held.id) << "the same item, fetched once more";
  EXPECT_EQ(again.attempts, 1) << "counted afresh";
  ASSERT_TRUE(finish_notification(*connection_, Queue::kCnrInbox, again.id, "done"));
  EXPECT_EQ(text("SELECT state FROM cnr_inbox"), "done");
  EXPECT_EQ(due(Queue::kCnrInbox), 0u) << "nothing more came";
}

TEST_F(NotifiedWhileHeldTest, APartnersCnrDuringABackoffMakesTheJobDueAtOnce) {
  ASSERT_TRUE(enqueue_incoming_cnr(*connection_, "iia-approval", kPartner, "fjordland-demo-sent"));
  QueuedNotification held = lease_one(Queue::kCnrInbox);
  ASSERT_TRUE(retry_notification(*connection_, Queue::kCnrInbox, held.id, milliseconds(3'600'000), "partner down"));
  EXPECT_EQ(due(Queue::kCnrInbox), 0u) << "waiting an hour";
  ASSERT_TRUE(enqueue_incoming_cnr(*connection_, "iia-approval", kPartner, "fjordland-demo-sent"));
  EXPECT_EQ(lease_one(Queue::kCnrInbox).id, held.id) << "the partner that notifies us is up: fetch now";
}

TEST_F(NotifiedWhileHeldTest, OurChangeDuringTheNotificationIsNotifiedAgainAfterIt) {
  ASSERT_TRUE(enqueue_outgoing_cnr(*connection_, "iia-cnr", kHei, kPartner, "fjordland-demo-sent"));
  QueuedNotification held = lease_one(Queue::kCnrOutbox);
  ASSERT_TRUE(enqueue_outgoing_cnr(*connection_, "iia-cnr", kHei, kPartner, "fjordland-demo-sent"));
  ASSERT_TRUE(finish_notification(*connection_, Queue::kCnrOutbox, held.id, "delivered"));
  EXPECT_EQ(lease_one(Queue::kCnrOutbox).id, held.id) << "the partner may have fetched before the change";
}

TEST_F(NotifiedWhileHeldTest, OurChangeDuringARetryWaitKeepsTheBackoff) {
  ASSERT_TRUE(enqueue_outgoing_cnr(*connection_, "iia-cnr", kHei, kPartner, "fjordland-demo-sent"));
  QueuedNotification held = lease_one(Queue::kCnrOutbox);
  ASSERT_TRUE(retry_notification(*connection_, Queue::kCnrOutbox, held.id, milliseconds(3'600'000), "partner down"));
  ASSERT_TRUE(enqueue_outgoing_cnr(*connection_, "iia-cnr", kHei, kPartner, "fjordland-demo-sent"));
  EXPECT_EQ(due(Queue::kCnrOutbox), 0u) << "a partner that is down is not called more often for our changes";
  EXPECT_EQ(text("SELECT count(*)::text FROM cnr_outbox"), "1") << "coalesced";
}

TEST_F(NotifiedWhileHeldTest, ANewerDecisionDuringTheSendingOfAnOlderOneIsSentAfterIt) {
  ASSERT_TRUE(enqueue_partner_update(*connection_, "omobilities-update", kHei, kPartner, "om-1", R"({"decision":"reject"})"));
  QueuedNotification held = lease_one(Queue::kCnrOutbox);
  EXPECT_EQ(held.payload.value_or(""), R"({"decision": "reject"})");
  ASSERT_TRUE(enqueue_partner_update(*connection_, "omobilities-update", kHei, kPartner, "om-1", R"({"decision":"approve"})"));
  ASSERT_TRUE(finish_notification(*connection_, Queue::kCnrOutbox, held.id, "delivered"));
  QueuedNotification next = lease_one(Queue::kCnrOutbox);
  EXPECT_EQ(next.payload.value_or(""), R"({"decision": "approve"})") << "the newer decision reaches the partner";
}

}  // namespace
}  // namespace mobility::db
