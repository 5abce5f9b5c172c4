// The agreement-process tool's pages over real loopback HTTP with real PostgreSQL and the demo
// agreements: list and filters, drafts with errors kept, revise conflicts, share, our copy
// beside the partner's, approve, terminate, delete, history, access per role and unit, CSRF and
// hostile input.
#include <gtest/gtest.h>

#include <regex>

#include "agreements/iia_json.hpp"
#include "db/iia_approvals.hpp"
#include "ewp-node/apis/iias-v7/iia_xml.hpp"
#include "tests/support/iia_samples.hpp"
#include "tests/support/portal_server.hpp"

namespace mobility::agreements::pages {
namespace {

using testing::contains;
using testing::form_fields;
using testing::occurrences;
using testing::Visit;
using testing::with;

constexpr const char* kPassword = "mobility-demo";
constexpr const char* kAdmin = "ingrid.haugland@fjordland.example";    // io_admin, English
constexpr const char* kCoordinator = "per.saether@fjordland.example";  // coordinator of MN, bokmål
constexpr const char* kStudent = "aase.bjornstad@student.fjordland.example";

// A complete new draft for collina.example with one condition.
http::HeaderList new_draft(const std::string& csrf) {
  return testing::new_agreement_form(csrf, "collina.example", "UIF-UNIC-MN-2027", "New agreement with Collina for informatics");
}

class AgreementPagesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    portal_.start(/*demo_agreements=*/true);
    base_ = portal_.base();
  }

  // The whole stored state of the agreements and the audit log, to show that nothing changed.
  std::string snapshot() {
    return portal_.text(
        R"(SELECT concat_ws('|', (SELECT string_agg(concat_ws(',', iia_id, state, current_version, iia_hash, modified_at), ';'
                                                          ORDER BY iia_id) FROM iia),
                                         (SELECT count(*) FROM iia_version), (SELECT count(*) FROM iia_approval_given),
                                         (SELECT count(*) FROM audit_event WHERE action LIKE 'iia%'))::text)");
  }

  std::unique_ptr<Visit> signed_in(const std::string& email) { return testing::signed_in(portal_.base(), email, kPassword); }

  testing::PortalServer portal_;
  std::string base_;
};

TEST_F(AgreementPagesTest, TheListShowsEveryStageInWordsAndTheFiltersKeepTheirValues) {
  auto admin = signed_in(kAdmin);
  auto list = admin->get("/agreements");
  ASSERT_EQ(list.status, 200) << list.body;
  for (const char* stage :
       {"<td>Draft</td>", "<td>Sent – awaiting the partner</td>", "<td>Partner approved</td>", "<td>We approved</td>",
        "<td>Approved by both</td>", "<td>Approval outdated after a change</td>", "<td>Terminated</td>", "<td>Deleted</td>"}) {
    EXPECT_TRUE(contains(list.body, stage)) << stage;
  }
  EXPECT_TRUE(contains(list.body, "Lumière-Nord University (FR)"));
  EXPECT_TRUE(contains(list.body, "<td>2025/2026 – 2027/2028</td>"));
  EXPECT_EQ(occurrences(list.body, "<a href=\"/agreements/fjordland-demo-"), 9u);

  auto approved = admin->get("/agreements?state=approved_by_both");
  EXPECT_EQ(occurrences(approved.body, "<a href=\"/agreements/fjordland-demo-"), 1u);
  EXPECT_TRUE(contains(approved.body, "UIF-ULN-MN-2025"));
  EXPECT_TRUE(contains(approved.body, "<option value=\"approved_by_both\" selected>"));
  auto german = admin->get("/agreements?country=DE&q=ifi");
  EXPECT_EQ(occurrences(german.body, "<a href=\"/agreements/fjordland-demo-"), 1u);
  EXPECT_TRUE(contains(german.body, "UIF-TUR-IFI-2026"));
  EXPECT_TRUE(contains(german.body, "id=\"q\" name=\"q\" value=\"ifi\""));
  auto year = admin->get("/agreements?year=2024%2F2025");
  EXPECT_EQ(occurrences(year.body, "<a href=\"/agreements/fjordland-demo-"), 1u);
  EXPECT_TRUE(contains(year.body, "UIF-ULN-HF-2024"));
  auto unit = admin->get("/agreements?unit=ou-sv&partner=valle-alto.example");
  EXPECT_EQ(occurrences(unit.body, "<a href=\"/agreements/fjordland-demo-"), 1u);
  EXPECT_TRUE(contains(unit.body, "UIF-UVA-SV-2025"));
  EXPECT_TRUE(contains(admin->get("/agreements?q=nothing-like-this").body, "No agreements match."));
}

TEST_F(AgreementPagesTest, AUnitCoordinatorSeesOnlyTheAgreementsOfTheirUnitAndTheUnitsBelow) {
  auto coordinator = signed_in(kCoordinator);
  EXPECT_TRUE(contains(coordinator->get("/coordinator").body, "<a href=\"/agreements\">"));
  auto list = coordinator->get("/agreements");
  ASSERT_EQ(list.status, 200);
  for (const char* visible : {"sent", "differing", "we-approved", "approved", "deleted"}) {
    EXPECT_TRUE(contains(list.body, std::string("href=\"/agreements/fjordland-demo-") + visible + "\"")) << visible;
  }
  for (const char* hidden : {"draft", "partner-approved", "outdated", "terminated"}) {
    EXPECT_FALSE(contains(list.body, std::string("href=\"/agreements/fjordland-demo-") + hidden + "\"")) << hidden;
    EXPECT_EQ(coordinator->get(std::string("/agreements/fjordland-demo-") + hidden).status, 403) << hidden;
  }
  EXPECT_TRUE(contains(list.body, "<h1>Institusjonsavtaler</h1>")) << "Per reads bokmål";
}

TEST_F(AgreementPagesTest, AStudentIsRefusedAndAVisitorIsSentToLogin) {
  auto student = signed_in(kStudent);
  for (const char* path :
       {"/agreements", "/agreements/new", "/agreements/fjordland-demo-approved", "/agreements/fjordland-demo-approved/history"}) {
    EXPECT_EQ(student->get(path).status, 403) << path;
  }
  EXPECT_EQ(student->post("/agreements/fjordland-demo-draft/share", {{"csrf", student->csrf()}}).status, 403);
  Visit anonymous(base_);
  auto page = anonymous.get("/agreements");
  EXPECT_EQ(page.status, 303);
  EXPECT_EQ(page.header("Location"), "/login");
  EXPECT_EQ(portal_.text("SELECT state FROM iia WHERE iia_id = 'fjordland-demo-draft'"), "draft");
}

TEST_F(AgreementPagesTest, ADraftWithAnErrorIsShownAgainWithWhatWasTypedThenSaved) {
  auto admin = signed_in(kAdmin);
  auto form = admin->get("/agreements/new");
  ASSERT_EQ(form.status, 200);
  EXPECT_TRUE(contains(form.body, "<label for=\"spec0_first_year\">"));
  std::string before = snapshot();
  auto refused = admin->post("/agreements/new", with(new_draft(admin->csrf()), "spec0_last_year", "2026/2027"));
  EXPECT_EQ(refused.status, 400);
  EXPECT_TRUE(contains(refused.body,
                       "id=\"spec0_last_year-error\" role=\"alert\">The last academic year must not come before the first."))
      << refused.body;
  EXPECT_TRUE(
      contains(refused.body,
               "name=\"spec0_last_year\" value=\"2026/2027\" aria-invalid=\"true\" aria-describedby=\"spec0_last_year-error\""));
  EXPECT_TRUE(contains(refused.body, "value=\"UIF-UNIC-MN-2027\""));
  EXPECT_TRUE(contains(refused.body, ">0613 Software development\n0541</textarea>"));
  EXPECT_TRUE(contains(refused.body, "<option value=\"collina.example\" selected>"));
  EXPECT_EQ(snapshot(), before) << "nothing stored";

  auto saved = admin->post("/agreements/new", new_draft(admin->csrf()));
  ASSERT_EQ(saved.status, 303) << saved.body;
  std::string location = saved.header("Location");
  EXPECT_TRUE(std::regex_match(location, std::regex("/agreements/[0-9a-f-]{36}\\?done=created"))) << location;
  auto detail = admin->get(location);
  EXPECT_TRUE(contains(detail.body, "role=\"status\">The draft is saved.</p>"));
  EXPECT_TRUE(contains(detail.body, "<dd>Draft</dd>"));
  EXPECT_EQ(
      portal_.text("SELECT count(*)::text FROM audit_event WHERE action = 'iia_created' AND actor = $1", {std::string(kAdmin)}),
      "1");
  EXPECT_EQ(portal_.text("SELECT v.content #>> '{mobility_specs,0,subject_areas,0,isced_clarification}' FROM iia i "
                         "JOIN iia_version v USING (hei_id, iia_id) WHERE i.iia_code = 'UIF-UNIC-MN-2027'"),
            "Software development");
}

TEST_F(AgreementPagesTest, SavingFromAnOutdatedFormIsAConflictThatOverwritesNothing) {
  auto first = signed_in(kAdmin), second = signed_in(kAdmin);
  auto first_form = form_fields(first->get("/agreements/fjordland-demo-sent/edit").body, "/agreements/fjordland-demo-sent/edit");
  auto second_form =
      form_fields(second->get("/agreements/fjordland-demo-sent/edit").body, "/agreements/fjordland-demo-sent/edit");
  ASSERT_FALSE(first_form.empty());
  auto saved = first->post("/agreements/fjordland-demo-sent/edit",
                           with(with(first_form, "spec0_months", "4"), "reason", "Four months are enough"));
  EXPECT_EQ(saved.status, 303) << saved.body;
  auto late =
      second->post("/agreements/fjordland-demo-sent/edit", with(with(second_form, "spec0_months", "6"), "reason", "Six months"));
  EXPECT_EQ(late.status, 409);
  EXPECT_TRUE(contains(late.body, "Someone else changed this agreement after you opened it")) << late.body;
  EXPECT_TRUE(contains(late.body, "name=\"spec0_months\" value=\"6\"")) << "what was typed is kept";
  EXPECT_EQ(portal_.text("SELECT current_version::text FROM iia WHERE iia_id = 'fjordland-demo-sent'"), "2");
  EXPECT_EQ(portal_.text("SELECT v.content #>> '{mobility_specs,0,total_months_per_year}' FROM iia i JOIN iia_version v "
                         "ON v.hei_id = i.hei_id AND v.iia_id = i.iia_id AND v.version = i.current_version WHERE i.iia_id = "
                         "'fjordland-demo-sent'"),
            "4");
}

TEST_F(AgreementPagesTest, SendingADraftSharesItOnce) {
  auto admin = signed_in(kAdmin);
  auto page = admin->get("/agreements/fjordland-demo-draft");
  ASSERT_TRUE(contains(page.body, "action=\"/agreements/fjordland-demo-draft/share\""));
  EXPECT_TRUE(contains(page.body, "We have no copy from the partner yet."));
  EXPECT_TRUE(contains(page.body, "<th scope=\"col\">Our copy</th>")) << "our own conditions are shown at once";
  EXPECT_TRUE(contains(page.body, "<td>UIF-UNIC-HF-2026</td>")) << page.body.substr(0, 400);
  auto shared = admin->post("/agreements/fjordland-demo-draft/share", {{"csrf", admin->csrf()}});
  EXPECT_EQ(shared.status, 303);
  EXPECT_EQ(shared.header("Location"), "/agreements/fjordland-demo-draft?done=shared");
  EXPECT_TRUE(contains(admin->get(shared.header("Location")).body, "The agreement is sent to the partner."));
  EXPECT_EQ(portal_.text("SELECT state FROM iia WHERE iia_id = 'fjordland-demo-draft'"), "shared");
  auto again = admin->post("/agreements/fjordland-demo-draft/share", {{"csrf", admin->csrf()}});
  EXPECT_EQ(again.status, 409);
  EXPECT_TRUE(contains(again.body, "The agreement has already been sent or was deleted."));
  EXPECT_EQ(
      portal_.text("SELECT count(*)::text FROM audit_event WHERE action = 'iia_shared' AND record = 'iia:fjordland-demo-draft'"),
      "1");
}

TEST_F(AgreementPagesTest, OurCopyBesideThePartnersMarksEveryDifferenceAndSaysWhyApprovalIsBlocked) {
  auto admin = signed_in(kAdmin);
  auto page = admin->get("/agreements/fjordland-demo-differing");
  ASSERT_EQ(page.status, 200);
  EXPECT_EQ(occurrences(page.body, "<tr class=\"differs\">"), 3u) << page.body;
  EXPECT_TRUE(contains(page.body, "Fields that differ: 3"));
  EXPECT_TRUE(contains(page.body,
                       "<tr class=\"differs\"><th scope=\"row\">Cooperation condition 1 › Mobilities per year</th>"
                       "<td>2</td><td>3</td><td><strong>Differs</strong></td></tr>"));
  EXPECT_TRUE(contains(page.body, "<th scope=\"row\">Cooperation condition 1 › Months per year</th><td>5</td><td>4.5</td>"));
  EXPECT_TRUE(contains(page.body, "<td>Software and applications development</td><td>Computer science</td>"));
  EXPECT_TRUE(contains(page.body,
                       "<th scope=\"row\">Partner 2 › Agreement id</th><td>TUR-IIA-4711</td><td>TUR-IIA-4711</td><td>Same</td>"))
      << "the partner's copy is read with the partners in our order";
  // The differences first, grouped by cooperation condition; the equal fields folded away below
  // them, in the agreement's own order, with codes in words.
  size_t first_difference = page.body.find("<tr class=\"differs\">");
  size_t folded = page.body.find("<details class=\"equal-fields\">");
  ASSERT_NE(folded, std::string::npos);
  EXPECT_LT(first_difference, folded);
  EXPECT_TRUE(contains(page.body, "<caption>Cooperation condition 1</caption>"));
  EXPECT_LT(page.body.find("<th scope=\"row\">Cooperation condition 1 › Sending institution</th>", folded),
            page.body.find("<th scope=\"row\">Cooperation condition 1 › First academic year</th>", folded));
  EXPECT_TRUE(contains(page.body, "<td>Student mobility for studies</td>")) << "not the raw code student-studies";
  EXPECT_TRUE(contains(page.body, "The cooperation conditions of the two copies differ"));
  EXPECT_FALSE(contains(page.body, "/approve\""));
  auto sent = admin->get("/agreements/fjordland-demo-sent");
  EXPECT_TRUE(contains(sent.body, "We have no copy from the partner yet: the partner has not sent its version"));
  EXPECT_TRUE(contains(admin->get("/agreements/fjordland-demo-approved").body, "The two copies are the same."));
}

TEST_F(AgreementPagesTest, TheInternationalOfficeApprovesThePartnersCopyAndACoordinatorCannot) {
  auto coordinator = signed_in(kCoordinator);
  coordinator->get("/agreements");
  EXPECT_EQ(coordinator->post("/agreements/fjordland-demo-sent/approve", {{"csrf", coordinator->csrf()}}).status, 403);
  auto admin = signed_in(kAdmin);
  auto page = admin->get("/agreements/fjordland-demo-partner-approved");
  ASSERT_TRUE(contains(page.body, "action=\"/agreements/fjordland-demo-partner-approved/approve\""));
  auto approved = admin->post("/agreements/fjordland-demo-partner-approved/approve", {{"csrf", admin->csrf()}});
  EXPECT_EQ(approved.status, 303);
  auto after = admin->get(approved.header("Location"));
  EXPECT_TRUE(contains(after.body, "You approved the partner&apos;s copy.") ||
              contains(after.body, "You approved the partner&#39;s copy."))
      << after.body;
  EXPECT_TRUE(contains(after.body, "<dd>Approved by both</dd>"));
  EXPECT_EQ(portal_.text("SELECT approved_version::text FROM iia WHERE iia_id = 'fjordland-demo-partner-approved'"), "1");
  EXPECT_EQ(portal_.text("SELECT approved_by FROM iia_approval_given WHERE partner_iia_id = 'pohjola-iia-88'"), kAdmin);
  EXPECT_EQ(portal_.text("SELECT count(*)::text FROM audit_event WHERE action = 'iia_partner_copy_approved' AND actor = $1",
                         {std::string(kAdmin)}),
            "1");

  std::string before = snapshot();
  auto refused = admin->post("/agreements/fjordland-demo-differing/approve", {{"csrf", admin->csrf()}});
  EXPECT_EQ(refused.status, 409);
  EXPECT_TRUE(contains(refused.body, "cannot be approved now"));
  EXPECT_EQ(snapshot(), before);
}

TEST_F(AgreementPagesTest, TerminatingAsksForAConfirmationAndAReason) {
  auto admin = signed_in(kAdmin);
  admin->get("/agreements/fjordland-demo-approved");
  std::string before = snapshot();
  auto unconfirmed = admin->post("/agreements/fjordland-demo-approved/terminate",
                                 {{"csrf", admin->csrf()}, {"version", "1"}, {"terminate_reason", "The programme closes"}});
  EXPECT_EQ(unconfirmed.status, 400);
  EXPECT_TRUE(
      contains(unconfirmed.body, "id=\"terminate_confirm-error\" role=\"alert\">Tick the box to confirm the termination."));
  EXPECT_TRUE(contains(unconfirmed.body, ">The programme closes</textarea>"));
  EXPECT_EQ(snapshot(), before);
  auto ended = admin->post(
      "/agreements/fjordland-demo-approved/terminate",
      {{"csrf", admin->csrf()}, {"version", "1"}, {"terminate_reason", "The programme closes"}, {"terminate_confirm", "1"}});
  EXPECT_EQ(ended.status, 303) << ended.body;
  auto page = admin->get(ended.header("Location"));
  EXPECT_TRUE(contains(page.body, "The agreement is terminated."));
  EXPECT_TRUE(contains(page.body, "<dd>Terminated</dd>"));
  EXPECT_EQ(portal_.text("SELECT reason FROM iia_version WHERE iia_id = 'fjordland-demo-approved' AND version = 2"),
            "The programme closes");
}

TEST_F(AgreementPagesTest, DeletingIsRefusedOnceBothPartnersApproved) {
  auto admin = signed_in(kAdmin);
  auto outdated = admin->get("/agreements/fjordland-demo-outdated");
  EXPECT_FALSE(contains(outdated.body, "/delete\"")) << "no delete form after approval by both";
  EXPECT_TRUE(contains(outdated.body, "<dd>Approval outdated after a change</dd>"));
  std::string before = snapshot();
  auto refused =
      admin->post("/agreements/fjordland-demo-outdated/delete", {{"csrf", admin->csrf()}, {"delete_reason", "Not needed"}});
  EXPECT_EQ(refused.status, 409);
  EXPECT_TRUE(contains(refused.body, "approved by both partners, so it cannot be deleted"));
  EXPECT_EQ(snapshot(), before);
  admin->get("/agreements/fjordland-demo-sent");
  auto deleted =
      admin->post("/agreements/fjordland-demo-sent/delete", {{"csrf", admin->csrf()}, {"delete_reason", "Not needed"}});
  EXPECT_EQ(deleted.status, 303);
  EXPECT_EQ(portal_.text("SELECT state FROM iia WHERE iia_id = 'fjordland-demo-sent'"), "deleted");
}

TEST_F(AgreementPagesTest, TheEditFormSaysWhichApprovalAChangeTakesAway) {
  auto admin = signed_in(kAdmin);
  // Editing says exactly which approval a change outdates: the partner's of our copy, not ours
  // of theirs.
  auto form = admin->get("/agreements/fjordland-demo-approved/edit");
  EXPECT_TRUE(contains(form.body, "Saving a change makes that approval outdated: the partner must approve the new version."));
  EXPECT_TRUE(contains(form.body, "Our approval of the partner&apos;s copy stays valid")) << "the apostrophe is escaped";
  auto sent = admin->get("/agreements/fjordland-demo-sent/edit").body;
  EXPECT_FALSE(contains(sent, "makes that approval outdated"));
  EXPECT_FALSE(contains(sent, "copy stays valid"));
}

TEST_F(AgreementPagesTest, TheHistoryListsEveryVersionAndTheDifferencesOfAnyTwo) {
  auto admin = signed_in(kAdmin);
  auto history = admin->get("/agreements/fjordland-demo-outdated/history");
  ASSERT_EQ(history.status, 200);
  EXPECT_TRUE(contains(history.body, "<td>Demo agreement: first proposal</td>"));
  EXPECT_TRUE(contains(history.body, "<td>Demo agreement: six months a year for outgoing students</td>"));
  EXPECT_TRUE(contains(history.body, "<th scope=\"row\">Cooperation condition 1 › Months per year</th><td>5</td><td>6</td>"));
  EXPECT_EQ(occurrences(history.body, "<tr class=\"differs\">"), 1u);
  auto same = admin->get("/agreements/fjordland-demo-outdated/history?from=2&to=2");
  EXPECT_TRUE(contains(same.body, "No differences."));
  EXPECT_TRUE(contains(same.body, "<option value=\"2\" selected>Version 2</option>"));
}

TEST_F(AgreementPagesTest, PostsWithoutTheCsrfFieldAreRefusedAndChangeNothing) {
  auto admin = signed_in(kAdmin);
  std::string before = snapshot();
  auto fields = new_draft("");
  fields.erase(fields.begin());
  EXPECT_EQ(admin->post("/agreements/new", fields).status, 403);
  EXPECT_EQ(admin->post("/agreements/fjordland-demo-draft/share", {}).status, 403);
  EXPECT_EQ(admin->post("/agreements/fjordland-demo-sent/delete", {{"csrf", "forged"}, {"delete_reason", "x"}}).status, 403);
  EXPECT_EQ(snapshot(), before);
}

TEST_F(AgreementPagesTest, HostileInputIsAReadableRefusalThatStoresNothing) {
  auto admin = signed_in(kAdmin);
  admin->get("/agreements/new");
  std::string before = snapshot();
  const std::vector<std::tuple<std::string, std::string, std::string>> cases = {
      {"iia_code", "<script>alert(1)</script>", "This cannot contain &lt; or &gt;"},
      {"spec0_other_info", std::string(100000, 'x'), "This is too long."},
      {"reason", "caf\xe9 au lait", "This contains characters that cannot be used here."},
      {"spec0_first_year", "2027/2028'; DROP TABLE iia; --", "An academic year looks like 2026/2027."},
      {"partner_hei_id", "x' OR '1'='1", "Choose a partner institution from the list."},
      {"spec0_eqf", "6; DELETE FROM iia", "EQF levels are numbers from 1 to 8."}};
  for (const auto& [field, value, message] : cases) {
    auto page = admin->post("/agreements/new", with(new_draft(admin->csrf()), field, value));
    EXPECT_EQ(page.status, 400) << field;
    EXPECT_TRUE(contains(page.body, "id=\"" + field + "-error\" role=\"alert\">" + message))
        << field << page.body.substr(0, 4000);
    EXPECT_FALSE(contains(page.body, "<script>alert(1)")) << field;
  }
  EXPECT_EQ(snapshot(), before);
  EXPECT_EQ(admin->get("/agreements/x'%20OR%201=1").status, 404);
  EXPECT_EQ(admin->get("/agreements/fjordland-demo-sent/unknown").status, 404);
}

// A proposal from Collina, as the notification worker stores it after Collina's IIA CNR.
void store_collina_proposal(db::Pool& pool) {
  Iia theirs = testing::sample_iia("collina.example");
  std::swap(theirs.partners[0], theirs.partners[1]);
  theirs.partners[0].iia_id = "collina-77";
  theirs.partners[0].iia_code = "UNIC-UIF-2027";
  auto connection = pool.acquire();
  ASSERT_TRUE(connection);
  ASSERT_TRUE(db::save_partner_copy(**connection, {"fjordland.example", "collina.example", "collina-77", std::nullopt,
                                                   iia_to_json(theirs).dump(), ewp::served_iia_hash(theirs), true, true}));
}

TEST_F(AgreementPagesTest, AProposalFromAPartnerBecomesOurCopyBoundToItAndSentBack) {
  store_collina_proposal(portal_.pool());
  auto admin = signed_in(kAdmin);
  auto list = admin->get("/agreements/proposals");
  ASSERT_EQ(list.status, 200) << list.body;
  EXPECT_TRUE(contains(list.body, "UNIC-UIF-2027"));
  EXPECT_TRUE(contains(list.body, "University of Collina"));
  std::string before = snapshot();
  auto no_code = admin->post("/agreements/proposals/adopt", {{"csrf", admin->csrf()},
                                                             {"hei_id", "fjordland.example"},
                                                             {"partner_hei_id", "collina.example"},
                                                             {"partner_iia_id", "collina-77"},
                                                             {"iia_code", "  "}});
  EXPECT_EQ(no_code.status, 303);
  EXPECT_EQ(no_code.header("Location"), "/agreements/proposals?error=code");
  EXPECT_EQ(snapshot(), before) << "nothing stored";
  auto forged = admin->post("/agreements/proposals/adopt", {{"hei_id", "fjordland.example"},
                                                            {"partner_hei_id", "collina.example"},
                                                            {"partner_iia_id", "collina-77"},
                                                            {"iia_code", "UIF-UNIC-1"}});
  EXPECT_EQ(forged.status, 403);
  EXPECT_EQ(snapshot(), before) << "a POST without the token changes nothing";
  admin->get("/agreements/proposals");
  auto adopted = admin->post("/agreements/proposals/adopt", {{"csrf", admin->csrf()},
                                                             {"hei_id", "fjordland.example"},
                                                             {"partner_hei_id", "collina.example"},
                                                             {"partner_iia_id", "collina-77"},
                                                             {"iia_code", "UIF-UNIC-1"}});
  ASSERT_EQ(adopted.status, 303) << adopted.body;
  std::string location = adopted.header("Location");
  EXPECT_TRUE(location.starts_with("/agreements/") && location.ends_with("?done=adopted")) << location;
  EXPECT_EQ(portal_.text("SELECT state || ' ' || partner_iia_id FROM iia WHERE iia_code = 'UIF-UNIC-1'"), "shared collina-77");
  EXPECT_EQ(portal_.text("SELECT count(*)::text FROM cnr_outbox WHERE partner_hei_id = 'collina.example' AND api = 'iia-cnr'"),
            "1")
      << "the partner hears of our copy";
  auto opened = admin->get(location);
  EXPECT_TRUE(contains(opened.body, "Our copy is saved, bound to the partner")) << opened.body;
  EXPECT_FALSE(contains(admin->get("/agreements/proposals").body, "UNIC-UIF-2027")) << "answered";
  admin->get("/agreements/proposals");
  auto again = admin->post("/agreements/proposals/adopt", {{"csrf", admin->csrf()},
                                                           {"hei_id", "fjordland.example"},
                                                           {"partner_hei_id", "collina.example"},
                                                           {"partner_iia_id", "collina-77"},
                                                           {"iia_code", "UIF-UNIC-2"}});
  EXPECT_EQ(again.header("Location"), "/agreements/proposals?error=adopt");
}

TEST_F(AgreementPagesTest, APartnersProposalCanBeReadBeforeItIsAnswered) {
  store_collina_proposal(portal_.pool());
  auto admin = signed_in(kAdmin);
  const std::string view =
      "/agreements/proposals/view?hei_id=fjordland.example&partner_hei_id=collina.example&partner_iia_id=collina-77";
  EXPECT_TRUE(contains(admin->get("/agreements/proposals").body,
                       "href=\"/agreements/proposals/view?hei_id=fjordland.example&amp;partner_hei_id=collina.example&amp;"
                       "partner_iia_id=collina-77\""));
  auto page = admin->get(view);
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_TRUE(contains(page.body, "University of Collina"));
  EXPECT_TRUE(contains(page.body, "UNIC-UIF-2027")) << "the partner's own code";
  EXPECT_TRUE(contains(page.body, "Software &amp; applications")) << "the cooperation conditions, field by field";
  auto answer = form_fields(page.body, "/agreements/proposals/adopt");
  EXPECT_TRUE(std::find(answer.begin(), answer.end(), std::pair<std::string, std::string>("partner_iia_id", "collina-77")) !=
              answer.end())
      << "answered from where it is read";
  EXPECT_EQ(admin->get(view.substr(0, view.size() - 2) + "78").status, 404) << "a proposal not stored";
  EXPECT_EQ(admin->get("/agreements/proposals/view?hei_id=uni-y.example&partner_hei_id=collina.example&partner_iia_id=collina-77")
                .status,
            404)
      << "an HEI the visitor does not handle";
  EXPECT_EQ(signed_in(kStudent)->get(view).status, 403);
}

TEST_F(AgreementPagesTest, AProposalThatIsOneOfOursIsBoundToIt) {
  auto admin = signed_in(kAdmin);
  admin->get("/agreements/new");
  auto created = admin->post("/agreements/new", new_draft(admin->csrf()));
  ASSERT_EQ(created.status, 303);
  std::string ours = created.header("Location").substr(std::string("/agreements/").size(), 36);
  store_collina_proposal(portal_.pool());
  auto list = admin->get("/agreements/proposals");
  auto fields = with(form_fields(list.body, "/agreements/proposals/bind"), "iia_id", ours);
  ASSERT_TRUE(contains(list.body, "action=\"/agreements/proposals/bind\"")) << list.body;
  EXPECT_TRUE(contains(list.body, "<option value=\"" + ours + "\">UIF-UNIC-MN-2027</option>")) << "our new draft with Collina";
  EXPECT_TRUE(contains(list.body, "<option value=\"fjordland-demo-draft\">")) << "and the demo one are offered";
  EXPECT_FALSE(contains(list.body, "<option value=\"fjordland-demo-deleted\">")) << "a deleted one is not";
  EXPECT_FALSE(contains(list.body, "<option value=\"fjordland-demo-approved\">")) << "nor one with another partner";

  std::string before = snapshot();
  EXPECT_EQ(admin->post("/agreements/proposals/bind", with(fields, "csrf", "")).status, 403);
  auto elsewhere = admin->post("/agreements/proposals/bind", with(fields, "iia_id", "fjordland-demo-sent"));
  EXPECT_EQ(elsewhere.header("Location"), "/agreements/proposals?error=bind") << "an agreement with another partner";
  EXPECT_TRUE(contains(admin->get("/agreements/proposals?error=bind").body, "That agreement cannot be bound to the proposal"));
  EXPECT_EQ(snapshot(), before) << "nothing stored";

  auto bound = admin->post("/agreements/proposals/bind", fields);
  ASSERT_EQ(bound.status, 303) << bound.body;
  EXPECT_EQ(bound.header("Location"), "/agreements/" + ours + "?done=bound");
  EXPECT_TRUE(contains(admin->get(bound.header("Location")).body, "Our agreement is bound to the partner&apos;s copy") ||
              contains(admin->get(bound.header("Location")).body, "Our agreement is bound to the partner&#39;s copy"));
  EXPECT_EQ(portal_.text("SELECT partner_iia_id || ' ' || current_version FROM iia WHERE iia_id = $1", {ours}), "collina-77 2");
  EXPECT_EQ(portal_.text("SELECT v.content #>> '{partners,1,iia_code}' || ' ' || v.changed_by FROM iia i JOIN iia_version v "
                         "ON v.hei_id = i.hei_id AND v.iia_id = i.iia_id AND v.version = i.current_version WHERE i.iia_id = $1",
                         {ours}),
            std::string("UNIC-UIF-2027 ") + kAdmin)
      << "the partner's code is taken, and the person who bound it is the author";
  EXPECT_FALSE(contains(admin->get("/agreements/proposals").body, "UNIC-UIF-2027")) << "answered";
  admin->get("/agreements/proposals");
  EXPECT_EQ(admin->post("/agreements/proposals/bind", with(fields, "csrf", admin->csrf())).header("Location"),
            "/agreements/proposals?error=bind")
      << "bound already";
}

TEST_F(AgreementPagesTest, ProposalsAreForStaffOfTheWholeInstitution) {
  store_collina_proposal(portal_.pool());
  EXPECT_EQ(signed_in(kCoordinator)->get("/agreements/proposals").status, 403) << "a unit coordinator";
  EXPECT_EQ(signed_in(kStudent)->get("/agreements/proposals").status, 403);
  Visit visitor(portal_.base());
  EXPECT_EQ(visitor.get("/agreements/proposals").status, 303);
}

}  // namespace
}  // namespace mobility::agreements::pages
