// Per-agreement information against a real PostgreSQL: every save a new version, the review
// workflow's allowed and refused steps through the information desk (each audited, refusals
// storing nothing), stale edits, the constraints, and the students' destination search.
#include <gtest/gtest.h>

#include <algorithm>

#include "agreements/information_desk.hpp"
#include "db/accounts.hpp"
#include "db/agreement_information.hpp"
#include "db/demo_seed.hpp"
#include "tests/support/test_database.hpp"

namespace mobility::agreements {
namespace {

const std::string kHei = "fjordland.example";
const DestinationKey kPohjola{kHei, "pohjola.example"};  // the demo data has no information on it

AgreementInformation oulu() {
  AgreementInformation info;
  info.city = "Oulu";
  info.country_code = "FI";
  info.study_places = {{"master", "Computer science", "0613", "", 2, 5}, {"bachelor", "Biology", "0511", "", 1, 10}};
  info.tuition_fees = "No tuition fees for exchange students.";
  return info;
}

class AgreementInformationTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = testing::open_demo_database();
    ASSERT_TRUE(opened) << opened.status().to_string();
    connection_ = std::move(opened.value());
    per_ = editor("per.saether@fjordland.example", "coordinator");
    ingrid_ = editor("ingrid.haugland@fjordland.example", "io_admin");
  }

  Editor editor(const std::string& email, const std::string& role) {
    auto account = db::find_account_by_email(*connection_, email);
    EXPECT_TRUE(account && *account);
    return {(*account)->account_id, email, role};
  }

  DeskOutcome save(const AgreementInformation& content, int seen_version, const std::string& reason = "New term") {
    auto outcome =
        save_information_draft(*connection_, kPohjola, {content, std::nullopt, reason, seen_version}, per_, ReviewRole::kEditor);
    EXPECT_TRUE(outcome) << outcome.status().to_string();
    return outcome ? *outcome : DeskOutcome{};
  }

  std::vector<std::string> states() {
    std::vector<std::string> list;
    auto versions = db::list_information_versions(*connection_, kHei, kPohjola.partner_hei_id);
    EXPECT_TRUE(versions) << versions.status().to_string();
    for (const auto& version : versions ? *versions : std::vector<db::InformationVersionRecord>{}) {
      list.push_back(std::to_string(version.version_number) + ":" + version.state);
    }
    return list;
  }

  int64_t count(const std::string& sql) { return connection_->exec(sql)->front().get<int64_t>(0); }
  int64_t stored_rows() {
    return count(
        "SELECT (SELECT count(*) FROM agreement_information) + (SELECT count(*) FROM agreement_information_version) + "
        "(SELECT count(*) FROM audit_event)");
  }

  std::unique_ptr<db::Connection> connection_;
  Editor per_, ingrid_;
};

TEST_F(AgreementInformationTest, EverySaveIsANewAuditedDraftVersionAndTheOldDraftIsSuperseded) {
  DeskOutcome first = save(oulu(), 0, "First description");
  ASSERT_TRUE(first.done());
  EXPECT_EQ(first.version_number, 1);
  AgreementInformation changed = oulu();
  changed.study_places[0].places = 3;
  DeskOutcome second = save(changed, 1, "One more place");
  ASSERT_TRUE(second.done());
  EXPECT_EQ(second.version_number, 2);
  EXPECT_EQ(states(), (std::vector<std::string>{"2:draft", "1:superseded"}));
  auto version = db::find_information_version(*connection_, kHei, kPohjola.partner_hei_id, 1);
  ASSERT_TRUE(version && *version);
  EXPECT_EQ((*version)->saved_by, "per.saether@fjordland.example");
  EXPECT_EQ((*version)->reason, "First description");
  EXPECT_EQ(information_from_json_text((*version)->content_json).value(), oulu()) << "old versions stay as saved";
  EXPECT_EQ(count("SELECT count(*) FROM audit_event WHERE action = 'information_saved' "
                  "AND record = 'agreement_information:pohjola.example:2' AND detail = 'One more place'"),
            1);
}

TEST_F(AgreementInformationTest, AStaleEditIsRefusedAndStoresNothing) {
  ASSERT_TRUE(save(oulu(), 0).done());
  ASSERT_TRUE(save(oulu(), 1).done());
  int64_t before = stored_rows();
  DeskOutcome stale = save(oulu(), 1, "Started from version 1");
  ASSERT_TRUE(stale.refusal);
  EXPECT_EQ(stale.refusal->message_key, "info_refused_stale");
  EXPECT_EQ(save(oulu(), 0).refusal->message_key, "info_refused_stale") << "a second 'first' version";
  EXPECT_EQ(stored_rows(), before);
}

TEST_F(AgreementInformationTest, SubmitApproveAndTheNextApprovalSupersedesThePublishedVersion) {
  ASSERT_TRUE(save(oulu(), 0).done());
  auto submitted = submit_information(*connection_, kPohjola, 1, per_, ReviewRole::kEditor);
  ASSERT_TRUE(submitted && submitted->done());
  EXPECT_EQ(save(oulu(), 1).refusal->message_key, "info_refused_in_review") << "no edits while in review";
  auto approved = approve_information(*connection_, kPohjola, 1, ingrid_, ReviewRole::kReviewer);
  ASSERT_TRUE(approved && approved->done());
  auto published = db::published_information(*connection_, kHei, kPohjola.partner_hei_id);
  ASSERT_TRUE(published && *published);
  EXPECT_EQ((*published)->version_number, 1);
  EXPECT_EQ((*published)->submitted_by, "per.saether@fjordland.example");
  EXPECT_EQ((*published)->reviewed_by, "ingrid.haugland@fjordland.example");
  EXPECT_TRUE((*published)->published_at);

  AgreementInformation next = oulu();
  next.city = "Oulu (Linnanmaa campus)";
  ASSERT_TRUE(save(next, 1).done());
  EXPECT_EQ(states(), (std::vector<std::string>{"2:draft", "1:published"})) << "students still see version 1";
  ASSERT_TRUE(submit_information(*connection_, kPohjola, 2, per_, ReviewRole::kEditor)->done());
  ASSERT_TRUE(approve_information(*connection_, kPohjola, 2, ingrid_, ReviewRole::kReviewer)->done());
  EXPECT_EQ(states(), (std::vector<std::string>{"2:published", "1:superseded"}));
  EXPECT_EQ(count("SELECT count(*) FROM audit_event WHERE action IN ('information_submitted', 'information_approved') "
                  "AND hei_id = 'fjordland.example'"),
            4);
}

TEST_F(AgreementInformationTest, AReturnGoesBackToDraftWithTheCommentAndCanBeSubmittedAgain) {
  ASSERT_TRUE(save(oulu(), 0).done());
  ASSERT_TRUE(submit_information(*connection_, kPohjola, 1, per_, ReviewRole::kEditor)->done());
  auto without = return_information(*connection_, kPohjola, 1, " ", ingrid_, ReviewRole::kReviewer);
  EXPECT_EQ(without->refusal->message_key, "info_refused_comment_required");
  auto returned = return_information(*connection_, kPohjola, 1, "Add the visa rules", ingrid_, ReviewRole::kReviewer);
  ASSERT_TRUE(returned && returned->done());
  auto version = db::find_information_version(*connection_, kHei, kPohjola.partner_hei_id, 1);
  EXPECT_EQ((*version)->state, "draft");
  EXPECT_EQ((*version)->review_comment, "Add the visa rules");
  EXPECT_EQ(db::published_information(*connection_, kHei, kPohjola.partner_hei_id)->has_value(), false);
  EXPECT_EQ(count("SELECT count(*) FROM audit_event WHERE action = 'information_returned' AND detail = 'Add the visa rules'"), 1);
  ASSERT_TRUE(submit_information(*connection_, kPohjola, 1, per_, ReviewRole::kEditor)->done());
}

TEST_F(AgreementInformationTest, RefusedStepsStoreNothing) {
  ASSERT_TRUE(save(oulu(), 0).done());
  int64_t before = stored_rows();
  EXPECT_EQ(approve_information(*connection_, kPohjola, 1, ingrid_, ReviewRole::kReviewer)->refusal->message_key,
            "info_refused_not_in_review");
  EXPECT_EQ(submit_information(*connection_, kPohjola, 7, per_, ReviewRole::kEditor)->refusal->message_key, "info_refused_stale");
  EXPECT_EQ(submit_information(*connection_, kPohjola, 1, ingrid_, ReviewRole::kReviewer)->refusal->message_key,
            "info_refused_editor_only");
  EXPECT_EQ(submit_information(*connection_, {kHei, "collina.example"}, 1, per_, ReviewRole::kEditor)->refusal->message_key,
            "info_refused_no_draft");
  EXPECT_EQ(stored_rows(), before);
  ASSERT_TRUE(submit_information(*connection_, kPohjola, 1, ingrid_, ReviewRole::kEditor)->done());
  before = stored_rows();
  EXPECT_EQ(approve_information(*connection_, kPohjola, 1, ingrid_, ReviewRole::kReviewer)->refusal->message_key,
            "info_refused_own_submission");
  EXPECT_EQ(stored_rows(), before);
}

TEST_F(AgreementInformationTest, BadInputIsRefusedAndStoresNothing) {
  int64_t before = stored_rows();
  AgreementInformation bad = oulu();
  bad.country_code = "fi";
  DeskOutcome problems = save(bad, 0);
  ASSERT_EQ(problems.problems.size(), 1u);
  EXPECT_EQ(problems.problems[0].field, "country_code");
  EXPECT_EQ(save(oulu(), 0, "").problems.at(0).field, "reason");
  auto unknown =
      save_information_draft(*connection_, {kHei, "nowhere.example"}, {oulu(), std::nullopt, "x", 0}, per_, ReviewRole::kEditor);
  EXPECT_EQ(unknown->refusal->message_key, "info_refused_unknown_destination");
  auto not_our_iia = save_information_draft(*connection_, kPohjola, {oulu(), "no-such-iia", "x", 0}, per_, ReviewRole::kEditor);
  EXPECT_EQ(not_our_iia->refusal->message_key, "info_refused_unknown_destination");
  EXPECT_EQ(stored_rows(), before);

  // What the desk checks, the database refuses too.
  ASSERT_TRUE(db::put_information_destination(*connection_, kHei, "pohjola.example", std::nullopt));
  for (const db::NewInformationVersion& version :
       {db::NewInformationVersion{kHei, "pohjola.example", 1, "{}", std::nullopt, "x", ""},
        db::NewInformationVersion{kHei, "pohjola.example", 1, "[]", std::nullopt, "x", "why"},
        db::NewInformationVersion{kHei, "pohjola.example", 0, "{}", std::nullopt, "x", "why"},
        db::NewInformationVersion{kHei, "pohjola.example", 1, "{\"a\": \"" + std::string(200001, 'x') + "\"}", std::nullopt, "x",
                                  "why"}}) {
    Status refused = db::insert_information_draft(*connection_, version);
    EXPECT_EQ(refused.code(), Status::Code::kInvalidArgument) << refused.to_string();
  }
  EXPECT_EQ(count("SELECT count(*) FROM agreement_information_version WHERE partner_hei_id = 'pohjola.example'"), 0);
  EXPECT_FALSE(db::put_information_destination(*connection_, kHei, kHei, std::nullopt)) << "not a partner of itself";
}

TEST_F(AgreementInformationTest, HostileTextIsStoredAsData) {
  AgreementInformation hostile = oulu();
  hostile.tuition_fees = "'); DROP TABLE agreement_information; -- <script>";
  ASSERT_TRUE(save(hostile, 0).done());
  auto version = db::find_information_version(*connection_, kHei, kPohjola.partner_hei_id, 1);
  EXPECT_EQ(information_from_json_text((*version)->content_json)->tuition_fees, hostile.tuition_fees);
}

TEST_F(AgreementInformationTest, StudentsFindOnlyPublishedDestinationsBySearch) {
  ASSERT_TRUE(save(oulu(), 0).done());
  auto find = [&](db::DestinationFilter filter) {
    std::vector<std::string> ids;
    auto destinations = db::list_published_destinations(*connection_, kHei, filter, "en");
    EXPECT_TRUE(destinations) << destinations.status().to_string();
    for (const auto& destination : destinations ? *destinations : std::vector<db::PublishedDestination>{}) {
      ids.push_back(destination.partner_hei_id);
    }
    return std::find(ids.begin(), ids.end(), "pohjola.example") != ids.end();
  };
  EXPECT_FALSE(find({})) << "a draft is not published";
  ASSERT_TRUE(submit_information(*connection_, kPohjola, 1, per_, ReviewRole::kEditor)->done());
  EXPECT_FALSE(find({})) << "nor is a version in review";
  ASSERT_TRUE(approve_information(*connection_, kPohjola, 1, ingrid_, ReviewRole::kReviewer)->done());
  EXPECT_TRUE(find({}));
  EXPECT_TRUE(find({"fi", "", "", "", "", ""}));
  EXPECT_FALSE(find({"FR", "", "", "", "", ""}));
  EXPECT_TRUE(find({"", "ulu", "", "", "", ""}));
  EXPECT_TRUE(find({"", "", "computer", "", "", ""}));
  EXPECT_TRUE(find({"", "", "051", "", "", ""})) << "an ISCED-F prefix";
  EXPECT_FALSE(find({"", "", "%", "", "", ""})) << "the text is matched literally";
  EXPECT_FALSE(find({"", "", "History", "", "", ""}));
}

}  // namespace
}  // namespace mobility::agreements
