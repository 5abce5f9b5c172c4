// The PDF documents over real loopback HTTP with real PostgreSQL and the demo data, read back
// with poppler's pdftotext and pdfinfo: a learning-agreement version with every field (signed
// through the pages, with Norwegian letters), an agreement with its cooperation conditions and
// both approvals, the same bytes for the same version, and downloads only for those who may
// see the document's page.
#include <gtest/gtest.h>

#include "db/accounts.hpp"
#include "db/institutions.hpp"
#include "mobilities/demo_mobilities.hpp"
#include "portal/accounts/password_hash.hpp"
#include "tests/support/pdf_text.hpp"
#include "tests/support/portal_server.hpp"
#include "tests/support/web_visit.hpp"

namespace mobility::portal {
namespace {

using testing::contains;
using testing::pdf_info;
using testing::pdf_text;
using testing::Visit;

constexpr const char* kAdmin = "ingrid.haugland@fjordland.example";           // io_admin, reads English
constexpr const char* kUnitCoordinator = "per.saether@fjordland.example";     // coordinator of ou-mn, bokmål
constexpr const char* kStudent = "aase.bjornstad@student.fjordland.example";  // reads bokmål
constexpr const char* kOtherHeiCoordinator = "coordinator@uni-y.example";
constexpr const char* kOwn = "/my-exchange/mobilities/fjordland-demo-nominated";
constexpr const char* kOutgoing = "/mobilities/outgoing/fjordland-demo-nominated";
constexpr const char* kIncomingLa =
    "/mobilities/incoming/pohjola.example/pohjola-demo-incoming-la-proposed/la/changes_proposal.pdf";
constexpr const char* kAgreement = "/agreements/fjordland-demo-approved.pdf";  // unit MN, approved by both

class DocumentPagesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    portal_.start(/*demo_agreements=*/true);
    if (HasFatalFailure()) return;
    auto connection = portal_.pool().acquire();
    ASSERT_TRUE(connection);
    auto seeded = mobilities::seed_demo_mobilities(**connection);
    ASSERT_TRUE(seeded) << seeded.status().to_string();
  }

  std::unique_ptr<Visit> visitor(const std::string& email) { return testing::signed_in(portal_.base(), email); }

  // Åse (renamed to carry æøå ÆØÅ) drafts and signs her first version through the pages, her
  // coordinator signs it, and the receiving institution approves it with a comment.
  void sign_first_version() {
    portal_.text(
        "UPDATE omobility SET content = jsonb_set(jsonb_set(content, '{student,given_names}', '\"Åse Æsæ\"'),"
        " '{student,family_name}', '\"Bjørnstad-Øyå\"') WHERE omobility_id = 'fjordland-demo-nominated' RETURNING 1");
    auto student = visitor(kStudent);
    student->get(kOwn);
    auto saved = student->post(std::string(kOwn) + "/draft", {{"csrf", student->csrf()},
                                                              {"a0_code", "ØK-101"},
                                                              {"a0_title", "Økonomi og ærlighet på Åland"},
                                                              {"a0_credits", "7,5"},
                                                              {"a0_term", "1/2"},
                                                              {"b0_code", "SØK1000"},
                                                              {"b0_title", "Innføring i økonomi"},
                                                              {"b0_credits", "7.5"},
                                                              {"b0_term", "1/2"},
                                                              {"b0_conditions", "Godkjent når ÆØÅ-kurset er bestått"}});
    ASSERT_EQ(saved.status, 303) << saved.body;
    student->get(kOwn);
    ASSERT_EQ(student->post(std::string(kOwn) + "/sign", {{"csrf", student->csrf()}}).status, 303);
    auto admin = visitor(kAdmin);
    admin->get(kOutgoing);
    auto signed_by_hei =
        admin->post(std::string(kOutgoing) + "/sign", {{"csrf", admin->csrf()}, {"signer_position", "Rådgiver"}});
    ASSERT_EQ(signed_by_hei.status, 303) << signed_by_hei.body;
    portal_.text(
        "UPDATE la_version SET state = 'approved', decided_at = now(), comment = 'Gjerne også Ærø-ekskursjonen',"
        " content = jsonb_set(content, '{receiving_signature}', '{\"signer_name\":\"Jürgen Wößner\","
        "\"signer_position\":\"Koordinator\",\"signer_email\":\"jw@tu-rheinfeld.example\","
        "\"timestamp\":\"2026-06-01T09:30:00Z\",\"signer_app\":\"EWP Dashboard\"}')"
        " WHERE omobility_id = 'fjordland-demo-nominated' RETURNING 1");
  }

  // A coordinator of uni-y.example, another HEI hosted on the node.
  void host_another_hei() {
    auto connection = portal_.pool().acquire();
    ASSERT_TRUE(connection);
    ASSERT_TRUE(db::host_hei(**connection, {"uni-y.example", "ewp@uni-y.example", "University Y", "en", "DE"}));
    auto id = db::create_account(**connection,
                                 {kOtherHeiCoordinator, "Staff of Y", "en", hash_password("mobility-demo", {10, 8, 1}).value()});
    ASSERT_TRUE(id);
    ASSERT_TRUE(db::add_account_role(**connection, *id, {"coordinator", "uni-y.example", std::nullopt, std::nullopt}));
  }

  testing::PortalServer portal_;
};

TEST_F(DocumentPagesTest, ALearningAgreementVersionIsAPdfWithEveryFieldInTheVisitorsLanguage) {
  sign_first_version();
  ASSERT_FALSE(HasFatalFailure());
  auto admin = visitor(kAdmin);
  auto page = admin->get(kOutgoing);
  EXPECT_TRUE(contains(page.body, "<a href=\"/mobilities/outgoing/fjordland-demo-nominated/la/1.pdf\">Download PDF</a>"));
  auto pdf = admin->get(std::string(kOutgoing) + "/la/1.pdf");
  ASSERT_EQ(pdf.status, 200) << pdf.body;
  EXPECT_EQ(pdf.header("Content-Type"), "application/pdf");
  EXPECT_EQ(pdf.header("Content-Disposition"), "attachment; filename=\"la-fjordland-demo-nominated-v1.pdf\"");
  EXPECT_EQ(pdf.header("Cache-Control"), "no-store");
  EXPECT_EQ(pdf.body.substr(0, 5), "%PDF-");
  std::string text = pdf_text(pdf.body);
  std::string student_signed = portal_.text(
      "SELECT content->'student_signature'->>'timestamp' FROM la_version WHERE omobility_id = 'fjordland-demo-nominated'");
  std::string hei_signed = portal_.text(
      "SELECT content->'sending_signature'->>'timestamp' FROM la_version WHERE omobility_id = 'fjordland-demo-nominated'");
  std::string esi =
      portal_.text("SELECT content->'student'->>'global_id' FROM omobility WHERE omobility_id = 'fjordland-demo-nominated'");
  std::string year = portal_.text(
      "SELECT content->'nomination'->>'receiving_academic_year_id' FROM omobility WHERE omobility_id = "
      "'fjordland-demo-nominated'");
  ASSERT_FALSE(student_signed.empty());
  for (const std::string& expected : {std::string("Learning agreement: Åse Æsæ Bjørnstad-Øyå"),
                                      std::string("Version 1 — approved by all three"),
                                      std::string("aase.bjornstad@student.fjordland.example"),
                                      esi,
                                      std::string("fjordland.example"),
                                      std::string("tu-rheinfeld.example"),
                                      year,
                                      std::string("Table A: components studied at the receiving institution"),
                                      std::string("ØK-101"),
                                      std::string("Økonomi og ærlighet på Åland"),
                                      std::string("7.5 ects"),
                                      std::string("1/2"),
                                      std::string("Table B: components recognised at the sending institution"),
                                      std::string("SØK1000"),
                                      std::string("Innføring i økonomi"),
                                      std::string("Godkjent når ÆØÅ-kurset er bestått"),
                                      std::string("Signatures"),
                                      std::string("Ingrid Haugland"),
                                      std::string("Rådgiver"),
                                      std::string("ingrid.haugland@fjordland.example"),
                                      student_signed,
                                      hei_signed,
                                      std::string("Mobility"),
                                      std::string("Jürgen Wößner"),
                                      std::string("Koordinator"),
                                      std::string("jw@tu-rheinfeld.example"),
                                      std::string("2026-06-01T09:30:00Z"),
                                      std::string("EWP Dashboard"),
                                      std::string("Gjerne også Ærø-ekskursjonen"),
                                      std::string("fjordland-demo-nominated")}) {
    EXPECT_TRUE(contains(text, expected)) << expected << "\n" << text;
  }
  for (const char* letter : {"æ", "ø", "å", "Æ", "Ø", "Å"}) EXPECT_TRUE(contains(text, letter)) << letter;

  // The student downloads her own, in her language.
  auto student = visitor(kStudent);
  EXPECT_TRUE(contains(student->get(kOwn).body, "<a href=\"" + std::string(kOwn) + "/la/1.pdf\">Last ned PDF</a>"));
  auto own = student->get(std::string(kOwn) + "/la/1.pdf");
  ASSERT_EQ(own.status, 200) << own.body;
  std::string own_text = pdf_text(own.body);
  for (const char* expected :
       {"Læringsavtale: Åse Æsæ Bjørnstad-Øyå", "Signaturer", "Økonomi og ærlighet på Åland", "Rådgiver"}) {
    EXPECT_TRUE(contains(own_text, expected)) << expected << "\n" << own_text;
  }
}

TEST_F(DocumentPagesTest, APartnersLearningAgreementIsAPdfForOurReceivingStaff) {
  auto admin = visitor(kAdmin);
  auto page = admin->get("/mobilities/incoming/pohjola.example/pohjola-demo-incoming-la-proposed");
  EXPECT_TRUE(contains(page.body, std::string("<a href=\"") + kIncomingLa + "\">Download PDF</a>")) << page.body;
  auto pdf = admin->get(kIncomingLa);
  ASSERT_EQ(pdf.status, 200) << pdf.body;
  EXPECT_EQ(pdf.header("Content-Disposition"),
            "attachment; filename=\"la-pohjola-demo-incoming-la-proposed-changes_proposal.pdf\"");
  std::string text = pdf_text(pdf.body);
  for (const char* expected : {"Learning agreement: Aino Laine", "Proposal awaiting your decision", "pohjola.example"}) {
    EXPECT_TRUE(contains(text, expected)) << expected << "\n" << text;
  }
  EXPECT_EQ(admin->get("/mobilities/incoming/pohjola.example/pohjola-demo-incoming-la-proposed/la/approved_changes.pdf").status,
            404)
      << "a part the agreement does not have";
  EXPECT_EQ(admin->get("/mobilities/incoming/pohjola.example/pohjola-demo-incoming-la-proposed/la/content.pdf").status, 404);
}

TEST_F(DocumentPagesTest, TheSameVersionGivesTheSameBytesDatedWhenTheVersionWasMade) {
  auto admin = visitor(kAdmin);
  const std::string path = "/mobilities/outgoing/fjordland-demo-la-change/la/1.pdf";
  auto first = admin->get(path);
  ASSERT_EQ(first.status, 200) << first.body;
  auto again = visitor(kUnitCoordinator)->get(path);  // another session, another language
  auto second = admin->get(path);
  EXPECT_TRUE(first.body == second.body) << "the same version, the same bytes";
  EXPECT_FALSE(first.body == again.body) << "bokmål is another document";
  EXPECT_TRUE(contains(pdf_text(again.body), "Versjon 1"));
  std::string made = portal_.text(
      "SELECT to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') FROM la_version"
      " WHERE omobility_id = 'fjordland-demo-la-change' AND version = 1");
  EXPECT_TRUE(contains(pdf_info(first.body), "CreationDate:    " + made)) << made << "\n" << pdf_info(first.body);

  EXPECT_TRUE(admin->get(kIncomingLa).body == admin->get(kIncomingLa).body);
  auto agreement = admin->get(kAgreement);
  ASSERT_EQ(agreement.status, 200);
  EXPECT_TRUE(agreement.body == admin->get(kAgreement).body);
}

TEST_F(DocumentPagesTest, OnlyThoseWhoMaySeeALearningAgreementDownloadIt) {
  host_another_hei();
  ASSERT_FALSE(HasFatalFailure());
  const std::string mn = "/mobilities/outgoing/fjordland-demo-la-approved/la/1.pdf";   // unit MN
  const std::string hf = "/mobilities/outgoing/fjordland-demo-la-commented/la/1.pdf";  // unit HF
  const std::string someone_elses = "/my-exchange/mobilities/fjordland-demo-la-approved/la/1.pdf";
  for (const std::string& path : {mn, hf, someone_elses, std::string(kIncomingLa), std::string(kAgreement),
                                  std::string("/mobilities/outgoing/no-such/la/1.pdf")}) {
    auto anonymous = Visit(portal_.base()).get(path);
    EXPECT_EQ(anonymous.status, 303) << path;
    EXPECT_TRUE(contains(anonymous.header("Location"), "/login")) << path;
  }
  auto admin = visitor(kAdmin);
  EXPECT_EQ(admin->get(mn).status, 200);
  EXPECT_EQ(admin->get(hf).status, 200);
  EXPECT_EQ(admin->get("/mobilities/outgoing/fjordland-demo-la-approved/la/99.pdf").status, 404);
  EXPECT_EQ(admin->get("/mobilities/outgoing/fjordland-demo-la-approved/la/1.txt").status, 404);
  EXPECT_EQ(admin->get(someone_elses).status, 404) << "staff have no own exchange";

  auto coordinator = visitor(kUnitCoordinator);
  EXPECT_EQ(coordinator->get(mn).status, 200) << "their unit";
  EXPECT_EQ(coordinator->get(hf).status, 403) << "another faculty";

  auto student = visitor(kStudent);
  EXPECT_EQ(student->get(someone_elses).status, 404) << "another student's";
  EXPECT_EQ(student->get(mn).status, 404);
  EXPECT_EQ(student->get(kIncomingLa).status, 404);

  auto other_hei = visitor(kOtherHeiCoordinator);
  for (const std::string& path : {mn, hf, someone_elses, std::string(kIncomingLa)}) {
    EXPECT_EQ(other_hei->get(path).status, 404) << path;
  }
}

TEST_F(DocumentPagesTest, AnAgreementIsAPdfWithItsConditionsAndBothApprovals) {
  auto admin = visitor(kAdmin);
  EXPECT_TRUE(contains(admin->get("/agreements/fjordland-demo-approved").body,
                       "<a href=\"/agreements/fjordland-demo-approved.pdf\">Download PDF</a>"));
  auto pdf = admin->get(kAgreement);
  ASSERT_EQ(pdf.status, 200) << pdf.body;
  EXPECT_EQ(pdf.header("Content-Type"), "application/pdf");
  std::string code = portal_.text("SELECT iia_code FROM iia WHERE iia_id = 'fjordland-demo-approved'");
  std::string version = portal_.text("SELECT current_version::text FROM iia WHERE iia_id = 'fjordland-demo-approved'");
  EXPECT_EQ(pdf.header("Content-Disposition"), "attachment; filename=\"iia-" + code + "-v" + version + ".pdf\"");
  auto spec = [&](const std::string& path) {
    return portal_.text("SELECT v.content #>> '{mobility_specs,0," + path +
                        "}' FROM iia JOIN iia_version v USING (hei_id, iia_id)"
                        " WHERE iia_id = 'fjordland-demo-approved' AND v.version = iia.current_version");
  };
  std::string text = pdf_text(pdf.body);
  for (const std::string& expected :
       {"Inter-institutional agreement: " + code, std::string("Approved by both"), std::string("fjordland-demo-approved"),
        std::string("lumiere-nord.example"), std::string("Cooperation conditions"), std::string("Student mobility for studies"),
        spec("receiving_first_academic_year_id") + " – " + spec("receiving_last_academic_year_id"),
        spec("subject_areas,0,isced_f_code"), spec("mobilities_per_year"), spec("eqf_levels,0"),
        std::string("The partner has approved our current copy."), std::string("We have approved the partner's current copy.")}) {
    EXPECT_FALSE(expected.empty());
    EXPECT_TRUE(contains(text, expected)) << expected << "\n" << text;
  }
  auto sent = admin->get("/agreements/fjordland-demo-sent.pdf");
  ASSERT_EQ(sent.status, 200);
  EXPECT_TRUE(contains(pdf_text(sent.body), "The partner has not approved our copy."));
  EXPECT_TRUE(contains(pdf_text(sent.body), "We have not approved the partner's copy."));

  auto coordinator = visitor(kUnitCoordinator);  // MN, bokmål
  auto theirs = coordinator->get(kAgreement);
  ASSERT_EQ(theirs.status, 200);
  EXPECT_TRUE(contains(pdf_text(theirs.body), "Institusjonsavtale: " + code));
  EXPECT_EQ(coordinator->get("/agreements/fjordland-demo-draft.pdf").status, 403) << "HF's agreement";
  EXPECT_EQ(visitor(kStudent)->get(kAgreement).status, 403);
  EXPECT_EQ(admin->get("/agreements/no-such.pdf").status, 404);
}

}  // namespace
}  // namespace mobility::portal
