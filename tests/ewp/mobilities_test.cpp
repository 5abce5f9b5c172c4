// The mobility APIs we serve (OMobilities v3, OMobility LAs v1.2, IMobilities v2), over loopback
// HTTP with real signatures, against the mobility domain on PostgreSQL: the official validator's
// cases (ewp-apis.md §14), every answer checked against its official XSD, and the permissions
// (uni-a.example, test key 0, sees only what it sends or receives).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "ewp-node/apis/omobilities-v3/omobilities_api.hpp"
#include "ewp-node/apis/omobilities-v3/omobility_xml.hpp"
#include "ewp-node/apis/omobility-las-v1/la_xml.hpp"
#include "ewp-node/apis/omobility-las-v1/las_api.hpp"
#include "mobilities/incoming_mobilities.hpp"
#include "mobilities/outgoing_learning_agreements.hpp"
#include "mobilities/outgoing_mobilities.hpp"
#include "tests/ewp/ewp_node_fixture.hpp"
#include "tests/support/mobility_samples.hpp"

namespace mobility::ewp::test {
namespace {

using mobilities::Signer;
using testing::coordinator_signature;
using ::testing::Not;
using testing::sample_first_version;
using testing::sample_mobility;
using testing::student_signature;

constexpr const char* kUs = "fjordland.example";
constexpr const char* kPartner = "uni-a.example";       // the caller
constexpr const char* kOther = "tu-rheinfeld.example";  // a partner the caller does not cover
constexpr const char* kXml = "text/xml; charset=utf-8";

class MobilitiesApiTest : public EwpNodeTest {
 protected:
  void SetUp() override {
    EwpNodeTest::SetUp();
    auto acquired = pool_->acquire();
    ASSERT_TRUE(acquired) << acquired.status().to_string();
    connection_.emplace(std::move(*acquired));
    ASSERT_TRUE(db().exec("INSERT INTO hei (hei_id, country_code) VALUES ('uni-a.example', 'FR')"));
    nominate("om-a1", kPartner);
    nominate("om-a2", kPartner);
    nominate("om-other", kOther);
    proposal_id_ = propose_first_version("om-a1");
    propose_first_version("om-other");
  }

  db::Connection& db() { return **connection_; }

  void nominate(const std::string& id, const std::string& receiving) {
    auto nominated = mobilities::OutgoingMobilities().nominate(db(), sample_mobility(id, kUs, receiving), editor_);
    ASSERT_TRUE(nominated) << nominated.status().to_string();
  }

  std::string propose_first_version(const std::string& id) {
    mobilities::OutgoingLearningAgreements las;
    EXPECT_TRUE(las.save_draft(db(), id, sample_first_version(), editor_));
    EXPECT_TRUE(las.sign_draft(db(), id, Signer::kStudent, student_signature(), editor_));
    EXPECT_TRUE(las.sign_draft(db(), id, Signer::kSendingHei, coordinator_signature(kUs), editor_));
    auto la = las.load(db(), id);
    return la && la->changes_proposal_id ? *la->changes_proposal_id : "";
  }

  std::string nomination_proposal_id(const std::string& id) {
    auto rows = db().exec("SELECT proposal_id FROM omobility WHERE omobility_id = $1", {id});
    return rows && !rows->empty() ? rows->front().get<std::string>(0) : "";
  }

  std::vector<std::string> outbox(const std::string& api) {
    auto rows = db().exec("SELECT partner_hei_id || ' ' || object_id FROM cnr_outbox WHERE api = $1 ORDER BY 1", {api});
    std::vector<std::string> items;
    if (rows) {
      for (db::Row row : *rows) items.push_back(row.get<std::string>(0));
    }
    return items;
  }

  void expect_valid(const Call& reply, const ewp::SchemaValidator& schema) {
    ASSERT_EQ(reply.reply.status, 200) << reply.reply.body;
    auto valid = schema.validate(reply.reply.body);
    EXPECT_TRUE(valid) << valid.to_string() << "\n" << reply.reply.body;
    expect_signed_by_node(reply);
  }

  Call update_omobility(OMobilityUpdateRequest request) {
    return call("POST", "/ewp/omobilities/update", omobility_update_request_xml(request), kXml);
  }

  Call update_la(LaUpdateRequest request) {
    return call("POST", "/ewp/omobility-las/update", la_update_request_xml(request), kXml);
  }

  LaUpdateRequest approval(const std::string& id, const std::string& proposal_id) {
    return {kUs, LaUpdateRequest::Type::kApprove, id, proposal_id, std::nullopt, coordinator_signature(kPartner)};
  }

  std::optional<db::PooledConnection> connection_;
  agreements::Editor editor_{std::nullopt, "kari.nordmann@fjordland.example", std::string("coordinator")};
  std::string proposal_id_;
};

// ---- OMobilities v3 ----

TEST_F(MobilitiesApiTest, OMobilitiesGetAnswersKnownIdsAndLeavesOutUnknownAndForeignOnes) {
  Call known = call("GET", "/ewp/omobilities/get?omobility_id=om-a1");
  expect_valid(known, testing::omobilities_v3_schema());
  EXPECT_THAT(known.reply.body, HasSubstr("<omobility-id>om-a1</omobility-id>"));
  EXPECT_THAT(known.reply.body, HasSubstr("proposal-id=\"" + nomination_proposal_id("om-a1") + "\""));

  Call mixed = call("POST", "/ewp/omobilities/get", "omobility_id=om-a2&omobility_id=nope&omobility_id=om-other",
                    "application/x-www-form-urlencoded");
  expect_valid(mixed, testing::omobilities_v3_schema());
  EXPECT_THAT(mixed.reply.body, HasSubstr("om-a2"));
  EXPECT_THAT(mixed.reply.body, Not(HasSubstr("nope")));
  EXPECT_THAT(mixed.reply.body, Not(HasSubstr("om-other")));  // another receiving HEI's

  Call unknown = call("GET", "/ewp/omobilities/get?omobility_id=nope");
  expect_valid(unknown, testing::omobilities_v3_schema());
  EXPECT_THAT(unknown.reply.body, Not(HasSubstr("student-mobility")));
}

TEST_F(MobilitiesApiTest, OMobilitiesGetRefusesMissingAndTooManyIds) {
  expect_error(call("GET", "/ewp/omobilities/get"), 400, "omobility_id");
  expect_error(call("GET", "/ewp/omobilities/get?omobility_id_param=om-a1"), 400, "omobility_id");
  std::string many = "/ewp/omobilities/get?omobility_id=om-a1";
  for (int i = 1; i < kMaxOMobilityIds; ++i) many += "&omobility_id=x" + std::to_string(i);
  expect_valid(call("GET", many), testing::omobilities_v3_schema());  // exactly max
  expect_error(call("GET", many + "&omobility_id=one-more"), 400, "omobility_id");
}

TEST_F(MobilitiesApiTest, OMobilitiesIndexFiltersByYearAndModificationAndHidesForeignMobilities) {
  Call all = call("GET", "/ewp/omobilities/index");
  expect_valid(all, testing::omobilities_v3_schema());
  EXPECT_THAT(all.reply.body, HasSubstr("om-a1"));
  EXPECT_THAT(all.reply.body, HasSubstr("om-a2"));
  EXPECT_THAT(all.reply.body, Not(HasSubstr("om-other")));

  EXPECT_THAT(call("GET", "/ewp/omobilities/index?receiving_academic_year_id=2026/2027").reply.body, HasSubstr("om-a1"));
  Call other_year = call("GET", "/ewp/omobilities/index?receiving_academic_year_id=2010/2011");
  expect_valid(other_year, testing::omobilities_v3_schema());
  EXPECT_THAT(other_year.reply.body, Not(HasSubstr("om-a1")));
  expect_valid(call("GET", "/ewp/omobilities/index?receiving_academic_year_id=2010/2010"), testing::omobilities_v3_schema());
  expect_error(call("GET", "/ewp/omobilities/index?receiving_academic_year_id=test/test"), 400, "receiving_academic_year_id");

  EXPECT_THAT(call("GET", "/ewp/omobilities/index?modified_since=2000-01-01T00:00:00Z").reply.body, HasSubstr("om-a1"));
  EXPECT_THAT(call("GET", "/ewp/omobilities/index?modified_since=2100-01-01T00:00:00Z").reply.body, Not(HasSubstr("om-a1")));
  expect_error(call("GET", "/ewp/omobilities/index?modified_since=2004-02-12"), 400, "modified_since");
  expect_error(call("GET", "/ewp/omobilities/index?modified_since=05/29/2015%2005:50"), 400, "modified_since");
  expect_error(call("GET", "/ewp/omobilities/index?modified_since=2000-01-01T00:00:00Z&modified_since=2000-01-01T00:00:00Z"), 400,
               "modified_since");
}

TEST_F(MobilitiesApiTest, OMobilitiesUpdateTakesTheDecisionOnTheCurrentNominationOnly) {
  std::string proposal = nomination_proposal_id("om-a2");
  Call stale = update_omobility({OMobilityUpdateRequest::Type::kApprove, "om-a2", "p-stale", std::nullopt});
  expect_error(stale, 409, "has changed since you fetched it");
  EXPECT_THAT(stale.reply.body, HasSubstr("user-message"));
  expect_error(update_omobility({OMobilityUpdateRequest::Type::kApprove, "om-unknown", proposal, std::nullopt}), 400,
               "no mobility om-unknown");
  // Another receiving HEI's mobility reads as unknown.
  expect_error(
      update_omobility({OMobilityUpdateRequest::Type::kApprove, "om-other", nomination_proposal_id("om-other"), std::nullopt}),
      400, "no mobility om-other");
  expect_error(call("POST", "/ewp/omobilities/update", "<nonsense/>", kXml), 400, "root element");
  expect_error(call("GET", "/ewp/omobilities/update"), 405, "GET is not allowed");

  Call rejected = update_omobility({OMobilityUpdateRequest::Type::kReject, "om-a2", proposal, "No places left"});
  expect_valid(rejected, testing::omobilities_v3_schema());
  EXPECT_THAT(call("GET", "/ewp/omobilities/get?omobility_id=om-a2").reply.body, HasSubstr("<status>rejected</status>"));
  // The receiving HEI is notified of the change it made itself, as the spec asks.
  EXPECT_THAT(outbox("omobility-cnr"), ::testing::Contains("uni-a.example om-a2"));
}

// ---- OMobility LAs v1.2 ----

TEST_F(MobilitiesApiTest, LasGetServesTheProposalToItsReceivingHeiOnly) {
  Call known = call("GET", "/ewp/omobility-las/get?sending_hei_id=fjordland.example&omobility_id=om-a1");
  expect_valid(known, testing::las_schema());
  EXPECT_THAT(known.reply.body, HasSubstr("changes-proposal id=\"" + proposal_id_ + "\""));
  // om-a2 has no agreement yet, om-other is another receiving HEI's: both left out.
  Call mixed =
      call("GET",
           "/ewp/omobility-las/get?sending_hei_id=fjordland.example&omobility_id=om-a2&omobility_id=om-other&omobility_id=om-a1");
  expect_valid(mixed, testing::las_schema());
  EXPECT_THAT(mixed.reply.body, HasSubstr("om-a1"));
  EXPECT_THAT(mixed.reply.body, Not(HasSubstr("om-a2")));
  EXPECT_THAT(mixed.reply.body, Not(HasSubstr("om-other")));
}

TEST_F(MobilitiesApiTest, AnAgreementTheReceivingHeiCouldNotBeServedIsNeverSigned) {
  // As a nomination made from an application starts: no dates, language or partner's contact.
  mobilities::Mobility bare = sample_mobility("om-a3", kUs, kPartner);
  bare.planned_arrival_date.reset();
  bare.planned_departure_date.reset();
  bare.language_skill.reset();
  bare.nomination.receiving.contact.reset();
  ASSERT_TRUE(mobilities::OutgoingMobilities().nominate(db(), bare, editor_));
  mobilities::OutgoingLearningAgreements las;
  ASSERT_TRUE(las.save_draft(db(), "om-a3", sample_first_version(), editor_)) << "a draft may be incomplete";
  Status refused = las.sign_draft(db(), "om-a3", Signer::kStudent, student_signature(), editor_);
  EXPECT_EQ(refused.code(), Status::Code::kInvalidArgument);
  EXPECT_THAT(refused.message(), HasSubstr("nomination.receiving.contact, planned_arrival_date, planned_departure_date, "
                                           "language_skill"));
  EXPECT_EQ(las.sign_draft(db(), "om-a3", Signer::kSendingHei, coordinator_signature(kUs), editor_).code(),
            Status::Code::kInvalidArgument);
  auto draft = las.draft(db(), "om-a3");
  ASSERT_TRUE(draft && *draft);
  EXPECT_FALSE((*draft)->student_signature) << "nothing signed";
  EXPECT_THAT(outbox("omobility-la-cnr"), Not(::testing::Contains(std::string(kPartner) + " om-a3")));

  // Given them, the agreement is signed, proposed and served.
  ASSERT_TRUE(mobilities::OutgoingMobilities().change(db(), sample_mobility("om-a3", kUs, kPartner), editor_));
  ASSERT_TRUE(las.sign_draft(db(), "om-a3", Signer::kStudent, student_signature(), editor_));
  ASSERT_TRUE(las.sign_draft(db(), "om-a3", Signer::kSendingHei, coordinator_signature(kUs), editor_));
  Call served = call("GET", "/ewp/omobility-las/get?sending_hei_id=fjordland.example&omobility_id=om-a3");
  expect_valid(served, testing::las_schema());
  EXPECT_THAT(served.reply.body, HasSubstr("om-a3"));
}

TEST_F(MobilitiesApiTest, LasGetRefusesAnUnknownOrMissingSendingHei) {  // validator: unknown HEI param → 400
  expect_error(call("GET", "/ewp/omobility-las/get?sending_hei_id=unknown.example&omobility_id=om-a1"), 400,
               "sending_hei_id unknown.example is not an HEI this node covers");
  expect_error(call("GET", "/ewp/omobility-las/get?omobility_id=om-a1"), 400, "sending_hei_id");
  expect_error(
      call("GET", "/ewp/omobility-las/get?sending_hei_id=fjordland.example&sending_hei_id=fjordland.example&omobility_id=om-a1"),
      400, "sending_hei_id");
  expect_error(call("GET", "/ewp/omobility-las/get?sending_hei_id=fjordland.example"), 400, "omobility_id");
  expect_error(call("GET", "/ewp/omobility-las/get?sending_hei_id=fjordland.example&omobility_id_param=om-a1"), 400,
               "omobility_id");
  std::string many = "/ewp/omobility-las/get?sending_hei_id=fjordland.example&omobility_id=om-a1";
  for (int i = 1; i < kMaxLaOMobilityIds; ++i) many += "&omobility_id=x" + std::to_string(i);
  Call exactly_max = call("GET", many);
  expect_valid(exactly_max, testing::las_schema());
  EXPECT_THAT(exactly_max.reply.body, HasSubstr("om-a1"));
  expect_error(call("GET", many + "&omobility_id=one-more"), 400, "omobility_id");
}

TEST_F(MobilitiesApiTest, LasIndexListsTheCallersAgreementsWithEveryFilter) {
  const std::string index = "/ewp/omobility-las/index?sending_hei_id=fjordland.example";
  Call all = call("GET", index);
  expect_valid(all, testing::las_schema());
  EXPECT_THAT(all.reply.body, HasSubstr("om-a1"));
  EXPECT_THAT(all.reply.body, Not(HasSubstr("om-other")));
  EXPECT_THAT(call("GET", index + "&receiving_hei_id=uni-a.example").reply.body, HasSubstr("om-a1"));
  EXPECT_THAT(call("GET", index + "&receiving_hei_id=uni-a.example&receiving_hei_id=nobody.example").reply.body,
              HasSubstr("om-a1"));
  EXPECT_THAT(call("GET", index + "&receiving_hei_id=nobody.example&receiving_hei_id=none.example").reply.body,
              Not(HasSubstr("om-a1")));
  EXPECT_THAT(call("GET", index + "&mobility_type=semester").reply.body, HasSubstr("om-a1"));
  EXPECT_THAT(call("GET", index + "&mobility_type=doctoral").reply.body, Not(HasSubstr("om-a1")));
  expect_error(call("GET", index + "&mobility_type=sabbatical"), 400, "mobility_type 'sabbatical'");
  EXPECT_THAT(call("GET", index + "&receiving_academic_year_id=2026/2027").reply.body, HasSubstr("om-a1"));
  EXPECT_THAT(call("GET", index + "&receiving_academic_year_id=2011/2012").reply.body, Not(HasSubstr("om-a1")));
  expect_error(call("GET", index + "&receiving_academic_year_id=test/test"), 400, "receiving_academic_year_id");
  EXPECT_THAT(call("GET", index + "&modified_since=2000-01-01T00:00:00Z").reply.body, HasSubstr("om-a1"));
  EXPECT_THAT(call("GET", index + "&modified_since=2100-01-01T00:00:00Z").reply.body, Not(HasSubstr("om-a1")));
  expect_error(call("GET", index + "&modified_since=garbage"), 400, "modified_since");

  expect_error(call("GET", "/ewp/omobility-las/index"), 400, "sending_hei_id");
  expect_error(call("GET", "/ewp/omobility-las/index?receiving_hei_id=uni-a.example"), 400, "sending_hei_id");
  expect_error(call("GET", index + "&sending_hei_id=unknown.example"), 400, "sending_hei_id");
  expect_error(call("GET", "/ewp/omobility-las/index?sending_hei_id=unknown.example"), 400, "not an HEI this node covers");
}

TEST_F(MobilitiesApiTest, LasUpdateApprovesTheCurrentProposalAndAnswers409ForAStaleOne) {
  Call stale = update_la(approval("om-a1", "cp-stale"));
  expect_error(stale, 409, "has changed since you fetched it");
  EXPECT_THAT(stale.reply.body, HasSubstr("Your copy of this learning agreement is not up to date"));
  expect_error(update_la(approval("om-unknown", proposal_id_)), 400, "no mobility om-unknown");
  expect_error(update_la(approval("om-other", proposal_id_)), 400, "no learning agreement om-other");
  LaUpdateRequest wrong_sender = approval("om-a1", proposal_id_);
  wrong_sender.sending_hei_id = "tu-rheinfeld.example";
  expect_error(update_la(wrong_sender), 400, "no learning agreement om-a1 of tu-rheinfeld.example");

  Call approved = update_la(approval("om-a1", proposal_id_));
  expect_valid(approved, testing::las_schema());
  Call after = call("GET", "/ewp/omobility-las/get?sending_hei_id=fjordland.example&omobility_id=om-a1");
  expect_valid(after, testing::las_schema());
  EXPECT_THAT(after.reply.body, HasSubstr("first-version"));
  EXPECT_THAT(after.reply.body, Not(HasSubstr("changes-proposal")));
  EXPECT_THAT(outbox("omobility-la-cnr"), ::testing::Contains("uni-a.example om-a1"));
  // The proposal is gone: approving it again is stale.
  expect_error(update_la(approval("om-a1", proposal_id_)), 409, "no changes proposal awaiting");
}

TEST_F(MobilitiesApiTest, LasUpdateRefusesMalformedRequestsNamingTheElement) {  // validator: 400 cases
  const std::string ns =
      "https://github.com/erasmus-without-paper/ewp-specs-api-omobility-las/blob/stable-v1/endpoints/update-request.xsd";
  expect_error(call("POST", "/ewp/omobility-las/update",
                    "<omobility-las-update-request xmlns=\"" + ns +
                        "\"><sending-hei-id>fjordland.example</sending-hei-id>"
                        "</omobility-las-update-request>",
                    kXml),
               400, "has no update element");
  expect_error(call("POST", "/ewp/omobility-las/update",
                    "<omobility-las-update-request xmlns=\"" + ns +
                        "\"><sending-hei-id>fjordland.example</sending-hei-id>"
                        "<reject-everything/></omobility-las-update-request>",
                    kXml),
               400, "unknown update element");
  std::string unsigned_approval = la_update_request_xml(approval("om-a1", proposal_id_));
  auto start = unsigned_approval.find("<signature");
  auto end = unsigned_approval.find("</signature>");
  ASSERT_NE(end, std::string::npos);
  unsigned_approval.erase(start, end + std::string("</signature>").size() - start);
  expect_error(call("POST", "/ewp/omobility-las/update", unsigned_approval, kXml), 400, "has no &lt;signature&gt;");
  LaUpdateRequest comment = approval("om-a1", proposal_id_);
  comment.type = LaUpdateRequest::Type::kComment;
  comment.comment = "";
  expect_error(update_la(comment), 400, "comment");
  expect_error(call("POST", "/ewp/omobility-las/update", "not xml", kXml), 400, "not well-formed");
  expect_error(call("GET", "/ewp/omobility-las/update"), 405, "GET is not allowed");
  EXPECT_THAT(call("GET", "/ewp/omobility-las/get?sending_hei_id=fjordland.example&omobility_id=om-a1").reply.body,
              HasSubstr("changes-proposal id=\"" + proposal_id_ + "\""));  // nothing changed
}

TEST_F(MobilitiesApiTest, ACommentedProposalIsRevisedUnderANewIdAndTheOldIdIsStale) {
  LaUpdateRequest comment = approval("om-a1", proposal_id_);
  comment.type = LaUpdateRequest::Type::kComment;
  comment.comment = "Machine Learning is not taught in the autumn";
  expect_valid(update_la(comment), testing::las_schema());

  mobilities::LaVersion revised = sample_first_version();
  revised.components_of(mobilities::ComponentTable::kStudied)[1].title = "Statistical Learning";
  mobilities::OutgoingLearningAgreements las;
  ASSERT_TRUE(las.save_draft(db(), "om-a1", revised, editor_));
  ASSERT_TRUE(las.sign_draft(db(), "om-a1", Signer::kStudent, student_signature(), editor_));
  ASSERT_TRUE(las.sign_draft(db(), "om-a1", Signer::kSendingHei, coordinator_signature(kUs), editor_));
  auto la = las.load(db(), "om-a1");
  ASSERT_TRUE(la && la->changes_proposal_id);
  EXPECT_NE(*la->changes_proposal_id, proposal_id_);

  expect_error(update_la(approval("om-a1", proposal_id_)), 409, "not up to date");
  expect_valid(update_la(approval("om-a1", *la->changes_proposal_id)), testing::las_schema());
}

TEST_F(MobilitiesApiTest, LasStatsCountTheAgreementsPerYear) {
  Call stats = call("GET", "/ewp/omobility-las/stats");
  expect_valid(stats, testing::las_schema());
  EXPECT_THAT(stats.reply.body, HasSubstr("<receiving-academic-year-id>2026/2027</receiving-academic-year-id>"));
  EXPECT_THAT(stats.reply.body, HasSubstr("<la-outgoing-latest-version-awaiting>2</la-outgoing-latest-version-awaiting>"));
}

// ---- IMobilities v2 ----

TEST_F(MobilitiesApiTest, IMobilitiesGetServesTheActualDatesToTheSendingHei) {
  mobilities::IncomingMobilities incoming;
  mobilities::Mobility copy = sample_mobility("their-1", kPartner, kUs);
  auto stored = incoming.store_copy(db(), kPartner, copy, "p-1");
  ASSERT_TRUE(stored) << stored.status().to_string();
  ASSERT_TRUE(incoming.record_actual_dates(db(), kUs, kPartner, "their-1", "2026-08-20", std::nullopt, editor_));

  Call dates = call("GET", "/ewp/imobilities/get?omobility_id=their-1&omobility_id=nope");
  expect_valid(dates, testing::imobilities_v2_schema());
  EXPECT_THAT(dates.reply.body, HasSubstr("<actual-arrival-date>2026-08-20</actual-arrival-date>"));
  EXPECT_THAT(dates.reply.body, Not(HasSubstr("nope")));
  EXPECT_THAT(outbox("imobility-cnr"), ::testing::Contains("uni-a.example their-1"));
  expect_error(call("GET", "/ewp/imobilities/get"), 400, "omobility_id");
}

TEST_F(MobilitiesApiTest, TheManifestAnnouncesTheMobilityApis) {
  Call manifest = call("GET", "/ewp/manifest.xml", "", "", -1);
  ASSERT_EQ(manifest.reply.status, 200);
  for (const char* url : {"/ewp/omobilities/update", "/ewp/omobility-las/stats", "/ewp/imobilities/get"}) {
    EXPECT_THAT(manifest.reply.body, HasSubstr(kPublicUrl + url));
  }
  EXPECT_TRUE(testing::manifest_schema().validate(manifest.reply.body)) << manifest.reply.body;
}

}  // namespace
}  // namespace mobility::ewp::test
