// The coordinators' mobility pages (portal/mobilities/) over real loopback HTTP with real
// PostgreSQL and the demo mobilities: who sees what, the learning-agreement versions and their
// comparison, our decisions on partners' nominations and agreements (queued for the sending HEI,
// with where each stands, including a partner's 409), actual dates, and every refusal keeping
// what was typed and storing nothing; and the pages kept rendered until their data changes.
#include <gtest/gtest.h>

#include "mobilities/demo_mobilities.hpp"
#include "mobilities/outgoing_learning_agreements.hpp"
#include "tests/support/mobility_samples.hpp"
#include "tests/support/portal_server.hpp"
#include "tests/support/web_visit.hpp"

namespace mobility::portal {
namespace {

using testing::contains;
using testing::occurrences;
using testing::Visit;
using testing::with;

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

  // A first learning-agreement draft of our mobility `omobility_id`, signed by its student.
  void student_signs_a_draft(const std::string& omobility_id, const std::string& student_email) {
    auto connection = portal_.pool().acquire();
    ASSERT_TRUE(connection);
    mobilities::OutgoingLearningAgreements las;
    agreements::Editor student{std::nullopt, student_email, "student"};
    ASSERT_TRUE(las.save_draft(**connection, omobility_id, testing::sample_first_version(), student));
    ASSERT_TRUE(las.sign_draft(**connection, omobility_id, mobilities::Signer::kStudent, testing::student_signature(), student));
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
  for (const char* path : {"/mobilities/outgoing/fjordland-demo-nominated", "/mobilities/outgoing/no-such",
                           "/my-exchange/mobilities/fjordland-demo-nominated", "/my-exchange/mobilities/no-such", kIncomingLa}) {
    EXPECT_EQ(Visit(portal_.base()).get(path).status, 303) << path << ": signed out, to the login page, known id or not";
  }
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
        "learning agreement approved by lumiere-nord.example", "<dt>Sending institution</dt><dd>University of Fjordland, ",
        "<dt>Receiving institution</dt><dd>Lumière-Nord University"}) {
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
  EXPECT_TRUE(contains(admin.get(dates).body, "<dd>2026-08-20 – not recorded</dd>")) << "the facts show the dates we recorded";
}

// OMobilities v3 carries no planned dates: the page takes them from the sending HEI's agreement.
TEST_F(MobilityPagesTest, AnIncomingMobilityShowsThePlannedDatesOfItsLearningAgreement) {
  const std::string page = "/mobilities/incoming/pohjola.example/pohjola-demo-incoming-la-proposed";
  query(
      "UPDATE partner_omobility SET content = content - 'planned_arrival_date' - 'planned_departure_date'"
      " WHERE omobility_id = 'pohjola-demo-incoming-la-proposed' RETURNING omobility_id");
  std::string agreed = query(
      "SELECT concat_ws(' – ', content #>> '{mobility,planned_arrival_date}', content #>> "
      "'{mobility,planned_departure_date}') FROM partner_la WHERE omobility_id = 'pohjola-demo-incoming-la-proposed'");
  ASSERT_EQ(agreed.size(), std::string("2026-08-17 – 2026-12-18").size()) << "both dates: " << agreed;
  Visit admin(portal_.base());
  sign_in(admin, kAdmin);
  auto shown = admin.get(page);
  ASSERT_EQ(shown.status, 200) << shown.body;
  EXPECT_TRUE(contains(shown.body, "<dd>" + agreed + "</dd>")) << shown.body;
}

}  // namespace
}  // namespace mobility::portal

namespace mobility::portal {
namespace {

constexpr const char* kStudent = "aase.bjornstad@student.fjordland.example";  // reads bokmål
constexpr const char* kOwnPage = "/my-exchange/mobilities/fjordland-demo-nominated";

class LearningAgreementEditorTest : public MobilityPagesTest {
 protected:
  // The student's draft becomes the first version: she signs it, the coordinator signs it, and the
  // receiving HEI approves it (as its update call would).
  void agree_on_the_draft(Visit& student) {
    student.get(kOwnPage);
    ASSERT_EQ(student.post(std::string(kOwnPage) + "/sign", {{"csrf", student.csrf()}}).status, 303);
    Visit admin(portal_.base());
    sign_in(admin, kAdmin);
    admin.get("/mobilities/outgoing/fjordland-demo-nominated");
    ASSERT_EQ(admin
                  .post("/mobilities/outgoing/fjordland-demo-nominated/sign",
                        {{"csrf", admin.csrf()}, {"signer_position", "Exchange coordinator"}})
                  .status,
              303);
    query(
        "UPDATE la_version SET state = 'approved', decided_at = now(), content = jsonb_set(content, '{receiving_signature}',"
        " '{\"signer_name\":\"J W\",\"signer_position\":\"C\",\"signer_email\":\"j@tu-rheinfeld.example\","
        "\"timestamp\":\"2026-06-01T00:00:00Z\",\"signer_app\":null}') WHERE omobility_id = 'fjordland-demo-nominated'"
        " RETURNING state");
  }
  // The first table's row 0 and the second's, as a student fills them in.
  http::HeaderList first_draft(const std::string& csrf) {
    return {{"csrf", csrf},
            {"a0_code", "INF-301"},
            {"a0_title", "Verteilte Systeme"},
            {"a0_credits", "7,5"},
            {"a0_term", "1/2"},
            {"a1_title", "Maschinelles Lernen"},
            {"a1_credits", "7.5"},
            {"a1_term", "1/2"},
            {"b0_code", "IN3000"},
            {"b0_title", "Exchange courses"},
            {"b0_credits", "15"},
            {"b0_term", "1/2"},
            {"b0_conditions", "Both passed"}};
  }
  // A change of the first draft's agreement: Maschinelles Lernen dropped, Computer Vision in its place.
  http::HeaderList first_change(const std::string& csrf) {
    return {{"csrf", csrf},
            {"a0_title", "Maschinelles Lernen"},
            {"a0_credits", "7.5"},
            {"a0_term", "1/2"},
            {"a0_change", "deleted"},
            {"a0_reason", "timetable-conflict"},
            {"a1_title", "Computer Vision"},
            {"a1_credits", "7.5"},
            {"a1_term", "1/2"},
            {"a1_change", "inserted"},
            {"a1_reason", "substituting-deleted"}};
  }
};

TEST_F(LearningAgreementEditorTest, AStudentDraftsAndSignsThenTheCoordinatorSignsAndThePartnerIsNotified) {
  Visit student(portal_.base());
  sign_in(student, kStudent);
  auto list = student.get("/my-exchange/mobilities");
  ASSERT_EQ(list.status, 200) << list.body;
  EXPECT_TRUE(contains(list.body, "href=\"/my-exchange/mobilities/fjordland-demo-nominated\""));
  EXPECT_EQ(student.get("/my-exchange/mobilities/fjordland-demo-approved").status, 404) << "another student's";

  student.get(kOwnPage);
  auto refused = student.post(std::string(kOwnPage) + "/draft",
                              {{"csrf", student.csrf()}, {"a0_code", "X1"}, {"a0_credits", "many"}, {"a0_term", "3/2"}});
  EXPECT_EQ(refused.status, 400);
  EXPECT_TRUE(contains(refused.body, "value=\"many\"")) << "what was typed is kept";
  EXPECT_TRUE(contains(refused.body, "Skriv studiepoengene som et tall"));
  EXPECT_TRUE(contains(refused.body, "Skriv semesteret som 1/2"));
  EXPECT_EQ(query("SELECT count(*)::text FROM la_version WHERE omobility_id = 'fjordland-demo-nominated'"), "0");

  auto saved = student.post(std::string(kOwnPage) + "/draft", first_draft(student.csrf()));
  ASSERT_EQ(saved.status, 303) << saved.body;
  auto page = student.get(std::string(kOwnPage) + "?done=saved");
  EXPECT_TRUE(contains(page.body, "value=\"Verteilte Systeme\"")) << "the editor shows the draft";
  EXPECT_TRUE(contains(page.body, "value=\"7.5\"")) << "7,5 is stored as 7.5";
  auto signed_by_student = student.post(std::string(kOwnPage) + "/sign", {{"csrf", student.csrf()}});
  ASSERT_EQ(signed_by_student.status, 303) << signed_by_student.body;
  EXPECT_TRUE(contains(student.get(kOwnPage).body, "venter på koordinatorens signatur"));

  Visit admin(portal_.base());
  sign_in(admin, kAdmin);
  const std::string outgoing = "/mobilities/outgoing/fjordland-demo-nominated";
  auto to_sign = admin.get(outgoing);
  EXPECT_TRUE(contains(to_sign.body, "Sign for the sending institution")) << to_sign.body;
  auto signed_by_hei = admin.post(outgoing + "/sign", {{"csrf", admin.csrf()}, {"signer_position", "Exchange coordinator"}});
  ASSERT_EQ(signed_by_hei.status, 303) << signed_by_hei.body;
  EXPECT_EQ(query("SELECT state FROM la_version WHERE omobility_id = 'fjordland-demo-nominated'"), "proposed");
  EXPECT_EQ(
      query("SELECT count(*)::text FROM cnr_outbox WHERE api = 'omobility-la-cnr' AND object_id = 'fjordland-demo-nominated'"),
      "1");
  EXPECT_TRUE(contains(student.get(kOwnPage).body, "foreslått, venter på mottakende institusjon"));
  EXPECT_FALSE(contains(admin.get(outgoing).body, "/sign\"")) << "nothing more to sign";
}

TEST_F(LearningAgreementEditorTest, AfterTheFirstVersionTheEditorProposesChangesWithReasons) {
  Visit student(portal_.base());
  sign_in(student, kStudent);
  student.get(kOwnPage);
  ASSERT_EQ(student.post(std::string(kOwnPage) + "/draft", first_draft(student.csrf())).status, 303);
  agree_on_the_draft(student);

  auto page = student.get(kOwnPage);
  EXPECT_TRUE(contains(page.body, "Foreslå endringer")) << page.body;
  auto refused =
      student.post(std::string(kOwnPage) + "/draft",
                   {{"csrf", student.csrf()}, {"a0_title", "Computer Vision"}, {"a0_credits", "7.5"}, {"a0_term", "1/2"}});
  EXPECT_EQ(refused.status, 400);
  EXPECT_TRUE(contains(refused.body, "Velg om emnet legges til eller droppes"));
  auto saved = student.post(std::string(kOwnPage) + "/draft", first_change(student.csrf()));
  ASSERT_EQ(saved.status, 303) << saved.body;
  // A component the first version does not have cannot be dropped: the domain's rule, shown.
  student.get(kOwnPage);
  auto ghost = student.post(std::string(kOwnPage) + "/draft", {{"csrf", student.csrf()},
                                                               {"a0_title", "Quantum Computing"},
                                                               {"a0_credits", "5"},
                                                               {"a0_term", "1/2"},
                                                               {"a0_change", "deleted"}});
  EXPECT_EQ(ghost.status, 400);
  EXPECT_TRUE(contains(ghost.body, "which the first version does not have"));
}

// Changes are cumulative against the first version: once a change is approved, the editor of the
// next round starts from it, so a second change cannot drop the first by leaving it out.
TEST_F(LearningAgreementEditorTest, ASecondRoundOfChangesStartsFromTheChangesInEffect) {
  Visit student(portal_.base());
  sign_in(student, kStudent);
  student.get(kOwnPage);
  ASSERT_EQ(student.post(std::string(kOwnPage) + "/draft", first_draft(student.csrf())).status, 303);
  agree_on_the_draft(student);
  ASSERT_FALSE(HasFatalFailure());
  student.get(kOwnPage);
  auto saved = student.post(std::string(kOwnPage) + "/draft", first_change(student.csrf()));
  ASSERT_EQ(saved.status, 303) << saved.body;
  agree_on_the_draft(student);
  ASSERT_FALSE(HasFatalFailure());

  auto next = student.get(kOwnPage);
  ASSERT_EQ(next.status, 200);
  http::HeaderList fields = testing::form_fields(next.body, std::string(kOwnPage) + "/draft");
  using Values = std::vector<std::string>;
  EXPECT_EQ(http::header_values(fields, "a0_title"), Values{"Maschinelles Lernen"}) << next.body;
  EXPECT_EQ(http::header_values(fields, "a0_change"), Values{"deleted"});
  EXPECT_EQ(http::header_values(fields, "a1_title"), Values{"Computer Vision"});
  EXPECT_EQ(http::header_values(fields, "a1_change"), Values{"inserted"});
}

// Courses pre-approved as alternatives go into a changes proposal with one click, with the line's
// data and its term (not the first version's); other lines, and the same one twice, do not.
TEST_F(LearningAgreementEditorTest, AnApprovedAlternativeGoesIntoTheChangesInOneClick) {
  Visit student(portal_.base());
  sign_in(student, kStudent);
  student.get(kOwnPage);
  ASSERT_EQ(student.post(std::string(kOwnPage) + "/draft", first_draft(student.csrf())).status, 303);
  auto add_line = [&](const std::string& code, const std::string& title, const std::string& state, bool alternative) {
    return query(
        "INSERT INTO preapproval_line (omobility_id, host_course_code, host_course_title, host_credits, term_number,"
        " total_terms, home_course_code, home_course_title, home_credits, alternative, state) VALUES"
        " ('fjordland-demo-nominated', '" +
        code + "', '" + title + "', 7.5, 2, 2, 'IN4310', 'Mobile robots', 10, " + (alternative ? "true" : "false") + ", '" +
        state + "') RETURNING line_id::text");
  };
  std::string vision = add_line("INF-420", "Computer Vision", "approved", true);
  std::string waiting = add_line("INF-430", "Robotik", "proposed", true);
  std::string main_line = add_line("INF-440", "Datenbanken", "approved", false);
  student.get(kOwnPage);
  EXPECT_EQ(student.post(std::string(kOwnPage) + "/draft", with(first_draft(student.csrf()), "preapproved_line", vision)).status,
            404)
      << "no changes before the first version is agreed";
  agree_on_the_draft(student);

  auto page = student.get(kOwnPage);
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_TRUE(
      contains(page.body, "name=\"preapproved_line\" value=\"" + vision +
                              "\" aria-describedby=\"alternatives-hint\">"
                              "Legg til i endringene: INF-420 Computer Vision (7.5 ECTS)</button> teller som IN4310 Mobile "
                              "robots (10 ECTS)"))
      << page.body;
  EXPECT_FALSE(contains(page.body, "value=\"" + waiting + "\"")) << "not approved yet";
  EXPECT_FALSE(contains(page.body, "value=\"" + main_line + "\"")) << "not an alternative";

  // One click, with a deletion typed above it: both are saved, the alternative with its data.
  http::HeaderList typed = {
      {"csrf", student.csrf()}, {"a0_title", "Maschinelles Lernen"}, {"a0_credits", "7.5"},       {"a0_term", "1/2"},
      {"a0_change", "deleted"}, {"a0_reason", "timetable-conflict"}, {"preapproved_line", vision}};
  auto added = student.post(std::string(kOwnPage) + "/draft", typed);
  ASSERT_EQ(added.status, 303) << added.body;
  std::string draft = "SELECT content::text FROM la_version WHERE omobility_id = 'fjordland-demo-nominated' AND state = 'draft'";
  std::string stored = query(draft);
  EXPECT_TRUE(contains(stored, "Maschinelles Lernen")) << stored;
  EXPECT_EQ(query("SELECT c->>'los_code' || ' ' || (c->>'title') || ' ' || (c->'credits'->0->>'value') || ' ' ||"
                  " (c->'term'->>'term_number') || '/' || (c->'term'->>'total_terms') || ' ' || (c->>'reason_code')"
                  " FROM la_version, jsonb_array_elements(content->'tables') t, jsonb_array_elements(t->'components') c"
                  " WHERE omobility_id = 'fjordland-demo-nominated' AND la_version.state = 'draft'"
                  " AND t->>'table' = 'studied' AND c->>'title' = 'Computer Vision'"),
            "INF-420 Computer Vision 7.5 2/2 substituting-deleted")
      << "the line's term, though every course of the first version is in 1/2: " << stored;
  EXPECT_EQ(occurrences(stored, "Mobile robots"), 1) << "the home course it counts as, in table B";
  EXPECT_EQ(query("SELECT (c->'term'->>'term_number') || '/' || (c->'term'->>'total_terms') || ' ' || (c->>'reason_code')"
                  " FROM la_version, jsonb_array_elements(content->'tables') t, jsonb_array_elements(t->'components') c"
                  " WHERE omobility_id = 'fjordland-demo-nominated' AND la_version.state = 'draft'"
                  " AND t->>'table' = 'recognized' AND c->>'title' = 'Mobile robots'"),
            "2/2 substituting-deleted")
      << stored;
  auto after = student.get(kOwnPage);
  EXPECT_TRUE(contains(after.body, "value=\"Computer Vision\""));
  EXPECT_FALSE(contains(after.body, "value=\"" + vision + "\"")) << "added already: no button";

  // The same click again (a double submit from the same page, or with the row in the form already),
  // and lines it may not add: nothing more.
  auto twice = student.post(std::string(kOwnPage) + "/draft", with(typed, "csrf", student.csrf()));
  EXPECT_EQ(twice.status, 303) << twice.body;
  EXPECT_EQ(occurrences(query(draft), "Computer Vision"), 1);
  auto with_row = with(testing::form_fields(after.body, std::string(kOwnPage) + "/draft"), "preapproved_line", vision);
  EXPECT_EQ(student.post(std::string(kOwnPage) + "/draft", with_row).status, 303);
  EXPECT_EQ(occurrences(query(draft), "Computer Vision"), 1);
  EXPECT_EQ(occurrences(query(draft), "Mobile robots"), 1);
  for (const std::string& line : {waiting, main_line, std::string("999999"), std::string("x")}) {
    SCOPED_TRACE(line);
    EXPECT_EQ(student.post(std::string(kOwnPage) + "/draft", with(typed, "preapproved_line", line)).status, 404);
  }
  EXPECT_EQ(occurrences(query(draft), "Computer Vision"), 1);
  // Another student's mobility with the same line id: not theirs (404 before anything is read).
  EXPECT_EQ(student.post("/my-exchange/mobilities/fjordland-demo-approved/draft", with(typed, "preapproved_line", vision)).status,
            404);
}

// The coordinators' queue: what waits for a decision of the visitor, each a link to the form that
// decides it, narrowed to their units, and gone once decided.
TEST_F(MobilityPagesTest, TheWorkQueueShowsWhatWaitsOneClickFromEachDecision) {
  student_signs_a_draft("fjordland-demo-approved", "oyvind.kristiansen@student.fjordland.example");
  ASSERT_FALSE(HasFatalFailure());
  Visit admin(portal_.base());
  sign_in(admin, kAdmin);
  auto queue = admin.get("/coordinator/queue");
  ASSERT_EQ(queue.status, 200) << queue.body;
  for (const char* expected :
       {"href=\"/mobilities/outgoing/fjordland-demo-approved#la\">Sign</a>", "Øyvind Kristiansen",
        "href=\"/mobilities/incoming/tu-rheinfeld.example/rheinfeld-demo-incoming-nominated#nomination\"",
        "href=\"/mobilities/incoming/pohjola.example/pohjola-demo-incoming-la-proposed#la\"",
        "href=\"/mobilities/outgoing/fjordland-demo-nominated/courses\"", "href=\"/coordinator/applications/"}) {
    EXPECT_TRUE(contains(queue.body, expected)) << expected;
  }
  EXPECT_FALSE(contains(queue.body, "lumiere-demo-incoming-approved")) << "decided already";
  EXPECT_TRUE(contains(admin.get("/mobilities/outgoing/fjordland-demo-approved").body, "<h2 id=\"la\">"));

  EXPECT_EQ(occurrences(admin.get("/coordinator/queue?year=2099/2100").body, "Nothing waits here."), 5u);
  auto odd = admin.get("/coordinator/queue?year=next");
  EXPECT_EQ(odd.status, 200);
  EXPECT_TRUE(contains(odd.body, "Write the academic year as 2026/2027; all years are shown."));
  EXPECT_TRUE(contains(odd.body, "Øyvind Kristiansen"));
  EXPECT_FALSE(contains(admin.get("/coordinator/queue?unit=ou-mn").body, "Øyvind Kristiansen")) << "HF is not below MN";

  Visit coordinator(portal_.base());
  sign_in(coordinator, kUnitCoordinator);
  auto theirs = coordinator.get("/coordinator/queue");
  EXPECT_EQ(theirs.status, 200);
  EXPECT_FALSE(contains(theirs.body, "Øyvind Kristiansen")) << "another faculty's student";
  Visit student(portal_.base());
  sign_in(student, "aase.bjornstad@student.fjordland.example");
  EXPECT_EQ(student.get("/coordinator/queue").status, 403);
  EXPECT_EQ(Visit(portal_.base()).get("/coordinator/queue").status, 303);

  admin.get(kIncomingNomination);
  auto approved = admin.post(std::string(kIncomingNomination) + "/nomination", {{"csrf", admin.csrf()}, {"decision", "approve"}});
  EXPECT_EQ(approved.status, 303) << approved.body;
  EXPECT_FALSE(contains(admin.get("/coordinator/queue").body, "rheinfeld-demo-incoming-nominated")) << "decided now";
}

// The timeline says where an exchange stands: what is done, who holds the waiting step and since
// when, what comes next and before which date; "you" for the reader's own step.
TEST_F(MobilityPagesTest, TheTimelineSaysWhoHoldsEachStepAndSinceWhen) {
  Visit admin(portal_.base());
  sign_in(admin, kAdmin);
  auto proposed = admin.get("/mobilities/outgoing/fjordland-demo-la-proposed");
  ASSERT_EQ(proposed.status, 200);
  size_t timeline = proposed.body.find("<ol class=\"timeline\">");
  ASSERT_NE(timeline, std::string::npos) << proposed.body;
  std::string steps = proposed.body.substr(timeline, proposed.body.find("</ol>", timeline) - timeline);
  EXPECT_TRUE(contains(steps, "<li class=\"done\"><strong>Nominated by the home institution</strong>: done 20")) << steps;
  EXPECT_TRUE(
      contains(steps, "<li class=\"waiting\"><strong>Approved by the receiving institution (version 1)</strong>: waiting for "))
      << steps;
  EXPECT_TRUE(contains(steps, " since 20")) << steps;
  EXPECT_TRUE(contains(steps, "(before 20")) << "the planned arrival is the deadline\n" << steps;
  EXPECT_TRUE(contains(steps, "<li class=\"next\"><strong>The stay abroad</strong>: next")) << steps;

  student_signs_a_draft("fjordland-demo-approved", "oyvind.kristiansen@student.fjordland.example");
  ASSERT_FALSE(HasFatalFailure());
  auto to_sign = admin.get("/mobilities/outgoing/fjordland-demo-approved").body;
  EXPECT_TRUE(contains(to_sign, "<strong>Signed by the home institution (version 1)</strong>: <em>waiting for you since 20"))
      << to_sign;

  Visit student(portal_.base());
  sign_in(student, "aase.bjornstad@student.fjordland.example");
  auto own = student.get("/my-exchange/mobilities/fjordland-demo-nominated");
  ASSERT_EQ(own.status, 200);
  EXPECT_TRUE(contains(own.body, "<strong>Vertsinstitusjonen avgjør nominasjonen</strong>: venter på ")) << own.body;
}

// Kept pages (portal/web/page_cache.hpp): a student's mobility page and the coordinators' work
// queue are rendered once and then served from memory, each visitor only their own, until a change
// anywhere (here: another connection, as another process or the EWP node would) reaches the data
// they show.
class KeptPagesTest : public MobilityPagesTest {
 protected:
  int64_t hits() const { return portal_.site().pages().counts().hits; }
};

TEST_F(KeptPagesTest, TheStudentsPageIsServedAgainUntilItsDataChanges) {
  Visit student(portal_.base());
  sign_in(student, kStudent);
  auto first = student.get(kOwnPage);
  ASSERT_EQ(first.status, 200) << first.body;
  EXPECT_FALSE(contains(first.body, "Exchange courses in informatics"));
  int64_t before = hits();
  auto again = student.get(kOwnPage);
  EXPECT_EQ(again.body, first.body);
  EXPECT_EQ(hits(), before + 1) << "served from memory";

  // The student's draft saved by another connection, as another node process would.
  {
    auto connection = portal_.pool().acquire();
    ASSERT_TRUE(connection);
    mobilities::OutgoingLearningAgreements las;
    agreements::Editor editor{std::nullopt, kStudent, "student"};
    auto saved = las.save_draft(**connection, "fjordland-demo-nominated", testing::sample_first_version(), editor);
    ASSERT_TRUE(saved) << saved.status().to_string();
  }
  auto changed = student.get(kOwnPage);
  EXPECT_TRUE(contains(changed.body, "Exchange courses in informatics")) << "the draft shows at once";
  EXPECT_EQ(hits(), before + 1);
}

TEST_F(KeptPagesTest, EachVisitorIsServedOnlyTheirOwnView) {
  Visit admin(portal_.base());
  sign_in(admin, kAdmin);
  auto theirs = admin.get("/coordinator/queue");
  ASSERT_EQ(theirs.status, 200);
  ASSERT_EQ(admin.get("/coordinator/queue").body, theirs.body);

  Visit coordinator(portal_.base());
  sign_in(coordinator, kUnitCoordinator);
  int64_t before = hits();
  auto own = coordinator.get("/coordinator/queue");
  EXPECT_EQ(own.status, 200);
  EXPECT_NE(own.body, theirs.body) << "another unit, another language, another page";
  EXPECT_EQ(hits(), before) << "not the admin's page";

  Visit second_tab(portal_.base());
  sign_in(second_tab, kAdmin);
  EXPECT_EQ(second_tab.get("/coordinator/queue").status, 200);
  EXPECT_EQ(hits(), before) << "another session renders its own (its forms carry its own token)";

  Visit student(portal_.base());
  sign_in(student, kStudent);
  EXPECT_EQ(student.get("/coordinator/queue").status, 403);
  EXPECT_EQ(Visit(portal_.base()).get("/coordinator/queue").status, 303);
  EXPECT_EQ(hits(), before);
}

}  // namespace
}  // namespace mobility::portal
