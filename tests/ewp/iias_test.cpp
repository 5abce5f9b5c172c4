// IIAs v7 served end to end over loopback HTTP with real signatures: the validator's get and
// index cases (ewp-apis.md §14), who may see what, stats, and every answer checked against the
// official schemas and signed by the node. uni-a.example (test key 0) is the partner;
// uni-b.example (test key 3) is another participant of the network with no agreement with us.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "agreements/iia_book.hpp"
#include "agreements/iia_json.hpp"
#include "db/iia_approvals.hpp"
#include "db/iias.hpp"
#include "ewp-node/apis/iias-v7/iia_hash.hpp"
#include "ewp-node/apis/iias-v7/iia_xml.hpp"
#include "ewp-node/apis/iias-v7/iias_api.hpp"
#include "tests/ewp/ewp_node_fixture.hpp"
#include "tests/support/iia_samples.hpp"
#include "tests/support/web_visit.hpp"

namespace mobility::ewp::test {
namespace {

using ::testing::Not;

class IiasApiTest : public EwpNodeTest {
 protected:
  void SetUp() override {
    extra_manifests_ = {partner_manifest("uni-b.example", kOtherParticipant)};
    EwpNodeTest::SetUp();
    auto connection = pool_->acquire();
    ASSERT_TRUE(connection);
    ASSERT_TRUE((*connection)->exec("INSERT INTO hei (hei_id, country_code) VALUES ('uni-a.example', 'FR')"));
    shared_id_ = create("uni-a.example", true);
    draft_id_ = create("uni-a.example", false);
    other_partners_id_ = create("lumiere-nord.example", true);
  }

  std::string create(const std::string& partner, bool shared, const std::string& first_year = "2026/2027") {
    auto connection = pool_->acquire();
    EXPECT_TRUE(connection);
    agreements::Iia content = testing::sample_iia(partner);
    for (auto& spec : content.mobility_specs) {
      spec.receiving_first_academic_year_id = first_year;
      spec.receiving_last_academic_year_id = std::max(spec.receiving_last_academic_year_id, first_year);
    }
    auto id =
        book_.create_draft(**connection, {"fjordland.example", "UiF-" + std::to_string(++count_), "ou-mn", std::nullopt, content},
                           editor_, "test agreement");
    EXPECT_TRUE(id) << id.status().to_string();
    if (shared) {
      EXPECT_TRUE(book_.share(**connection, "fjordland.example", *id, editor_));
    }
    return id ? *id : "";
  }

  Call get(const std::string& query) {
    Call reply = call("GET", "/ewp/iias/get" + query);
    if (reply.reply.status == 200) {
      EXPECT_TRUE(testing::iias_response_schema().validate(reply.reply.body)) << reply.reply.body;
    }
    expect_signed_by_node(reply);
    return reply;
  }

  Call index(const std::string& query) {
    Call reply = call("GET", "/ewp/iias/index" + query);
    if (reply.reply.status == 200) {
      EXPECT_TRUE(testing::iias_response_schema().validate(reply.reply.body)) << reply.reply.body;
    }
    return reply;
  }

  static int count_iias(const std::string& body) { return static_cast<int>(testing::occurrences(body, "<iia>")); }

  static constexpr int kOtherParticipant = 3;  // test key of uni-b.example

  agreements::IiaBook book_{served_iia_hash};
  agreements::Editor editor_{std::nullopt, "command line", std::nullopt};
  int count_ = 0;
  std::string shared_id_, draft_id_, other_partners_id_;
};

TEST_F(IiasApiTest, KnownIdGivesTheAgreementWithAHashThatVerifies) {
  Call reply = get("?iia_id=" + shared_id_);
  ASSERT_EQ(reply.reply.status, 200) << reply.reply.body;
  EXPECT_EQ(count_iias(reply.reply.body), 1);
  EXPECT_THAT(reply.reply.body, HasSubstr("<iia-id>" + shared_id_ + "</iia-id>"));
  EXPECT_THAT(reply.reply.body, HasSubstr("<iia-code>UiF-1</iia-code>"));
  auto checks = check_iia_hashes(reply.reply.body);  // validator: "Verify conditions-hash"
  ASSERT_TRUE(checks);
  ASSERT_EQ(checks->size(), 1u);
  EXPECT_TRUE(checks->front().matches());
}

TEST_F(IiasApiTest, UnknownHiddenAndOtherPartnersIdsAreSilentlyLeftOut) {
  for (const std::string& id : {std::string("no-such-iia"), draft_id_, other_partners_id_}) {
    Call reply = get("?iia_id=" + id);
    EXPECT_EQ(reply.reply.status, 200) << id;
    EXPECT_EQ(count_iias(reply.reply.body), 0) << id;
  }
  Call mixed = get("?iia_id=no-such-iia&iia_id=" + shared_id_ + "&iia_id=" + draft_id_ + "&iia_id=" + shared_id_);
  EXPECT_EQ(count_iias(mixed.reply.body), 1);
}

TEST_F(IiasApiTest, PostFormsWorkLikeGet) {
  Call reply = call("POST", "/ewp/iias/get", "iia_id=" + shared_id_, "application/x-www-form-urlencoded");
  ASSERT_EQ(reply.reply.status, 200);
  EXPECT_EQ(count_iias(reply.reply.body), 1);
}

TEST_F(IiasApiTest, ParameterErrorsAre400WithAReadableMessage) {
  expect_error(call("GET", "/ewp/iias/get"), 400, "parameter iia_id is required");
  expect_error(call("GET", "/ewp/iias/get?iia_id_param=" + shared_id_), 400, "parameter iia_id is required");
  std::string too_many;
  for (int i = 0; i <= kMaxIiaIds; ++i) too_many += "&iia_id=unknown-" + std::to_string(i);
  expect_error(call("GET", "/ewp/iias/get?" + too_many.substr(1)), 400, "at most 50 iia_id values");
  expect_error(call("PUT", "/ewp/iias/get", "iia_id=x", "application/x-www-form-urlencoded"), 405, "PUT is not allowed");
  expect_error(call("DELETE", "/ewp/iias/index"), 405, "DELETE is not allowed");
  expect_error(call("POST", "/ewp/iias/stats"), 405, "POST is not allowed");
}

TEST_F(IiasApiTest, ExactlyMaxKnownIdsAreAnswered) {
  std::string ids = "iia_id=" + shared_id_;
  for (int i = 1; i < kMaxIiaIds; ++i) ids += "&iia_id=" + create("uni-a.example", true);
  Call reply = call("POST", "/ewp/iias/get", ids, "application/x-www-form-urlencoded");
  ASSERT_EQ(reply.reply.status, 200);
  EXPECT_EQ(count_iias(reply.reply.body), kMaxIiaIds);
  EXPECT_TRUE(testing::iias_response_schema().validate(reply.reply.body));
  ids += "&iia_id=" + create("uni-a.example", true);
  expect_error(call("POST", "/ewp/iias/get", ids, "application/x-www-form-urlencoded"), 400, "at most 50");
}

TEST_F(IiasApiTest, IndexListsExactlyWhatGetReturns) {
  Call reply = index("");
  ASSERT_EQ(reply.reply.status, 200) << reply.reply.body;
  EXPECT_THAT(reply.reply.body, HasSubstr("<iia-id>" + shared_id_ + "</iia-id>"));
  EXPECT_THAT(reply.reply.body, Not(HasSubstr(draft_id_)));
  EXPECT_THAT(reply.reply.body, Not(HasSubstr(other_partners_id_)));
  expect_signed_by_node(reply);
}

TEST_F(IiasApiTest, IndexFiltersByAcademicYearAndModificationTime) {
  std::string later = create("uni-a.example", true, "2028/2029");
  auto ids_for = [&](const std::string& query) { return index(query).reply.body; };
  EXPECT_THAT(ids_for("?receiving_academic_year_id=2027/2028"), HasSubstr(shared_id_));
  EXPECT_THAT(ids_for("?receiving_academic_year_id=2027/2028"), Not(HasSubstr(later)));
  EXPECT_THAT(ids_for("?receiving_academic_year_id=2010/2011"), Not(HasSubstr("<iia-id>")));
  EXPECT_THAT(ids_for("?receiving_academic_year_id=2010/2011&receiving_academic_year_id=2028/2029"), HasSubstr(later));
  EXPECT_EQ(index("?receiving_academic_year_id=2010/2010").reply.status, 200);
  EXPECT_THAT(ids_for("?modified_since=2000-02-12T15:19:21%2B01:00"), HasSubstr(shared_id_));
  EXPECT_THAT(ids_for("?modified_since=2999-01-01T00:00:00Z"), Not(HasSubstr("<iia-id>")));
}

TEST_F(IiasApiTest, IndexParameterErrorsAre400) {
  expect_error(call("GET", "/ewp/iias/index?receiving_academic_year_id=test/test"), 400, "test/test");
  expect_error(call("GET", "/ewp/iias/index?modified_since=2004-02-12T15:19:21Z&modified_since=2004-02-12T15:19:21Z"), 400,
               "must not be repeated");
  expect_error(call("GET", "/ewp/iias/index?modified_since=2004-02-12"), 400, "xs:dateTime");
  expect_error(call("GET", "/ewp/iias/index?modified_since=05/29/2015%2005:50"), 400, "xs:dateTime");
  expect_error(call("GET", "/ewp/iias/index?modified_since=2004-13-45T99:00:00Z"), 400, "modified_since");
}

TEST_F(IiasApiTest, AnotherParticipantSeesNothing) {  // validator: "request as other participant"
  Call listed = call("GET", "/ewp/iias/index", "", "", kOtherParticipant);
  ASSERT_EQ(listed.reply.status, 200) << listed.reply.body;
  EXPECT_TRUE(testing::iias_response_schema().validate(listed.reply.body)) << listed.reply.body;
  EXPECT_THAT(listed.reply.body, Not(HasSubstr("<iia-id>")));
  expect_signed_by_node(listed);
  std::string ids = "iia_id=" + shared_id_ + "&iia_id=" + draft_id_ + "&iia_id=" + other_partners_id_;
  Call fetched = call("POST", "/ewp/iias/get", ids, "application/x-www-form-urlencoded", kOtherParticipant);
  ASSERT_EQ(fetched.reply.status, 200) << fetched.reply.body;
  EXPECT_TRUE(testing::iias_response_schema().validate(fetched.reply.body)) << fetched.reply.body;
  EXPECT_EQ(count_iias(fetched.reply.body), 0);
  expect_signed_by_node(fetched);
  EXPECT_EQ(count_iias(call("POST", "/ewp/iias/get", ids, "application/x-www-form-urlencoded").reply.body), 1)
      << "the partner itself sees its agreement";
}

TEST_F(IiasApiTest, KeyUnknownToTheCatalogueIsForbiddenBeforeAnyHandler) {
  Call refused = call("GET", "/ewp/iias/index", "", "", 2);
  expect_error(refused, 403, "keyId " + test_key(2).public_key.key_id() + " is not a client key in the EWP registry catalogue");
  expect_signed_by_node(refused);
}

TEST_F(IiasApiTest, StatsCountTheSharedAgreements) {
  Call reply = call("GET", "/ewp/iias/stats");
  ASSERT_EQ(reply.reply.status, 200) << reply.reply.body;
  EXPECT_TRUE(testing::iias_response_schema().validate(reply.reply.body)) << reply.reply.body;
  EXPECT_THAT(reply.reply.body, HasSubstr("<iia-fetchable>2</iia-fetchable>"));
  EXPECT_THAT(reply.reply.body, HasSubstr("<iia-both-approved>0</iia-both-approved>"));
}

TEST_F(IiasApiTest, RevisionChangesTheServedHashAndTheIndexTime) {
  Call before = get("?iia_id=" + shared_id_);
  auto connection = pool_->acquire();
  ASSERT_TRUE(connection);
  agreements::Iia content = testing::sample_iia();
  content.mobility_specs[0].mobilities_per_year = 4;
  auto version = book_.revise(**connection, "fjordland.example", shared_id_, 1, content, editor_, "four places");
  ASSERT_TRUE(version) << version.status().to_string();
  EXPECT_EQ(*version, 2);
  Call after = get("?iia_id=" + shared_id_);
  EXPECT_THAT(after.reply.body, HasSubstr("<mobilities-per-year>4</mobilities-per-year>"));
  EXPECT_NE(check_iia_hashes(before.reply.body)->front().computed_hash,
            check_iia_hashes(after.reply.body)->front().computed_hash);
  EXPECT_TRUE(check_iia_hashes(after.reply.body)->front().matches());
  auto stale = book_.revise(**connection, "fjordland.example", shared_id_, 1, content, editor_, "lost update");
  ASSERT_FALSE(stale);
  EXPECT_EQ(stale.status().code(), Status::Code::kConflict);
}

// The partner's copy of shared_id_, bound to ours, as its get would have answered.
db::PartnerCopy partner_copy(const std::string& our_iia_id, bool hash_verified) {
  agreements::Iia theirs = testing::sample_iia();
  std::swap(theirs.partners[0], theirs.partners[1]);
  theirs.partners[0].iia_id = "their-7";
  theirs.partners[1].iia_id = our_iia_id;
  return {"fjordland.example",     "uni-a.example", "their-7", our_iia_id, agreements::iia_to_json(theirs).dump(),
          served_iia_hash(theirs), hash_verified,   true};
}

TEST_F(IiasApiTest, ApprovalAnswersTheHashWeApprovedOfTheCallersCopy) {
  auto connection = pool_->acquire();
  ASSERT_TRUE(connection);
  db::PartnerCopy copy = partner_copy(shared_id_, true);
  auto version = db::save_partner_copy(**connection, copy);
  ASSERT_TRUE(version) << version.status().to_string();
  EXPECT_EQ(*version, 1);
  auto again = db::save_partner_copy(**connection, copy);
  ASSERT_TRUE(again);
  EXPECT_EQ(*again, 1) << "an unchanged copy is no new version";
  Call before = call("GET", "/ewp/iias-approval?iia_id=their-7");
  ASSERT_EQ(before.reply.status, 200) << before.reply.body;
  EXPECT_THAT(before.reply.body, Not(HasSubstr("<approval>")));
  ASSERT_TRUE(
      db::approve_partner_copy(**connection, "fjordland.example", "uni-a.example", "their-7", std::nullopt, "command line"));
  Call after = call("POST", "/ewp/iias-approval", "iia_id=unknown&iia_id=their-7", "application/x-www-form-urlencoded");
  ASSERT_EQ(after.reply.status, 200) << after.reply.body;
  EXPECT_TRUE(testing::iias_response_schema().validate(after.reply.body)) << after.reply.body;
  EXPECT_THAT(after.reply.body, HasSubstr("<iia-id>their-7</iia-id>"));
  EXPECT_THAT(after.reply.body, HasSubstr("<iia-hash>" + copy.iia_hash + "</iia-hash>"));
  expect_signed_by_node(after);
  expect_error(call("GET", "/ewp/iias-approval"), 400, "parameter iia_id is required");
  expect_error(call("PUT", "/ewp/iias-approval", "iia_id=their-7", "application/x-www-form-urlencoded"), 405, "PUT");
}

TEST_F(IiasApiTest, ACopyWhoseHashDoesNotVerifyCannotBeApproved) {
  auto connection = pool_->acquire();
  ASSERT_TRUE(connection);
  ASSERT_TRUE(db::save_partner_copy(**connection, partner_copy(shared_id_, false)));
  Status approved = db::approve_partner_copy(**connection, "fjordland.example", "uni-a.example", "their-7", std::nullopt, "x");
  EXPECT_EQ(approved.code(), Status::Code::kConflict);
  EXPECT_THAT(approved.message(), HasSubstr("hash check"));
}

TEST_F(IiasApiTest, StatsCountMutualApproval) {
  auto connection = pool_->acquire();
  ASSERT_TRUE(connection);
  ASSERT_TRUE((*connection)->exec("UPDATE iia SET partner_iia_id = 'their-7' WHERE iia_id = $1", {shared_id_}));
  ASSERT_TRUE(db::save_partner_copy(**connection, partner_copy(shared_id_, true)));
  ASSERT_TRUE(db::approve_partner_copy(**connection, "fjordland.example", "uni-a.example", "their-7", std::nullopt, "x"));
  auto record = db::find_iia(**connection, "fjordland.example", shared_id_);
  ASSERT_TRUE(record && *record);
  EXPECT_THAT(call("GET", "/ewp/iias/stats").reply.body, HasSubstr("<iia-local-approved-partner-unapproved>1<"));
  ASSERT_TRUE(db::save_partner_approval(**connection, "fjordland.example", shared_id_, (*record)->iia_hash));
  EXPECT_THAT(call("GET", "/ewp/iias/stats").reply.body, HasSubstr("<iia-both-approved>1</iia-both-approved>"));
}

TEST_F(IiasApiTest, ChangeNotificationsAreAcknowledgedAndQueued) {  // validator: IIA CNR
  for (const char* path : {"/ewp/iia-cnr", "/ewp/iia-approval-cnr"}) {
    Call reply = call("POST", path, "iia_id=anything-at-all", "application/x-www-form-urlencoded");
    ASSERT_EQ(reply.reply.status, 200) << path << reply.reply.body;
    EXPECT_TRUE(testing::iias_response_schema().validate(reply.reply.body)) << reply.reply.body;
    expect_signed_by_node(reply);
    expect_error(call("POST", path, "", "application/x-www-form-urlencoded"), 400, "parameter iia_id is required");
    expect_error(call("GET", std::string(path) + "?iia_id=x"), 405, "GET is not allowed");
  }
  auto connection = pool_->acquire();
  ASSERT_TRUE(connection);
  auto queued = (*connection)->exec("SELECT kind, partner_hei_id, object_id FROM cnr_inbox ORDER BY job_id");
  ASSERT_TRUE(queued);
  ASSERT_EQ(queued->size(), 2);
  EXPECT_EQ((*queued)[0].get<std::string>("kind"), "iia");
  EXPECT_EQ((*queued)[1].get<std::string>("kind"), "iia-approval");
  EXPECT_EQ((*queued)[0].get<std::string>("partner_hei_id"), "uni-a.example");
  EXPECT_EQ((*queued)[0].get<std::string>("object_id"), "anything-at-all");
}

}  // namespace
}  // namespace mobility::ewp::test
