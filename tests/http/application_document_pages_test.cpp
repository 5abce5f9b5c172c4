// Documents attached to applications (portal/mobilities/application_document_pages.hpp,
// mobilities/application_documents.hpp) over real loopback HTTP with real PostgreSQL and the demo
// data: the student attaches (multipart/form-data), lists, downloads and deletes; every refused
// upload says why beside the file field and stores nothing; after the deadline or a withdrawal
// they can only be read; the coordinator of the applicant's unit and the international office
// download them from the round page, and nobody else reaches them.
#include <gtest/gtest.h>

#include "base/sha256.hpp"
#include "db/accounts.hpp"
#include "mobilities/application_documents.hpp"
#include "portal/accounts/password_hash.hpp"
#include "portal/mobilities/application_document_pages.hpp"
#include "tests/support/portal_server.hpp"
#include "tests/support/web_visit.hpp"

namespace mobility::portal {
namespace {

using namespace std::string_literals;
using testing::contains;
using testing::form_fields;
using testing::HttpReply;
using testing::Visit;
using testing::with;

constexpr const char* kStudent = "aase.bjornstad@student.fjordland.example";  // stud-aase, ou-mn-ifi
constexpr const char* kAdmin = "ingrid.haugland@fjordland.example";           // io_admin
constexpr const char* kUnitCoordinator = "per.saether@fjordland.example";     // coordinator of ou-mn
constexpr const char* kJonas = "jonas.eriksen@student.fjordland.example";     // stud-jonas, ou-mn (made here)
constexpr const char* kLumiere = "lumiere-nord.example";

// A small PDF with the bytes a careless parser would trip on: CR LF, dashes, NUL, high bytes.
const std::string kPdf = "%PDF-1.4\r\n%\xe2\xe3\xcf\xd3\r\n--\r\n\0\xff 1 0 obj <<>> endobj\r\n%%EOF\r\n"s;
const std::string kPng = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0"s;

http::FormPart file(const std::string& name, const std::string& content, const std::string& type = "application/pdf") {
  return {"document", name, type, content};
}

class ApplicationDocumentPagesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    portal_.start_with_demo_applications();  // the texts below are English
    if (HasFatalFailure()) return;
    auto connection = portal_.pool().acquire();
    ASSERT_TRUE(connection);
    auto jonas =
        db::create_account(**connection, {kJonas, "Jonas Eriksen", "en", hash_password("mobility-demo", {10, 8, 1}).value()});
    ASSERT_TRUE(jonas) << jonas.status().to_string();
    ASSERT_TRUE(db::add_account_role(**connection, *jonas, {"student", "fjordland.example", std::nullopt, "stud-jonas"}));
    round_ = portal_.text("SELECT round_id::text FROM application_round WHERE title = 'Exchange studies 2027/2028'");
    ASSERT_FALSE(round_.empty());
  }

  std::string form_path() const { return "/my-exchange/applications/" + round_; }
  std::string upload_path() const { return form_path() + "/documents"; }
  std::string round_path() const { return "/coordinator/applications/" + round_; }

  std::string application_of(const std::string& student_id) {
    return portal_.text("SELECT application_id::text FROM application WHERE round_id = " + round_ + " AND student_id = $1",
                        {student_id});
  }
  int64_t documents() { return portal_.count("SELECT count(*) FROM application_document"); }

  // Åse saves her application (as a draft, or handed in) so that documents can be attached.
  std::unique_ptr<Visit> student_with_application(bool hand_in = false) {
    auto student = testing::signed_in(portal_.base(), kStudent);
    auto page = student->get(form_path());
    EXPECT_TRUE(contains(page.body, "Save the application as a draft first")) << "no application yet, no upload form";
    EXPECT_FALSE(contains(page.body, "multipart/form-data"));
    auto fields = with(with(form_fields(page.body, form_path()), "choice_1", kLumiere), "motivation", "Maskinlæring");
    fields = with(with(fields, "citizenship", "NO"), "action", hand_in ? "submit" : "save");
    EXPECT_EQ(student->post(form_path(), fields).status, 303);
    return student;
  }

  HttpReply attach(Visit& visit, const http::FormPart& part) {
    visit.get(form_path());
    return visit.post_multipart(upload_path(), {{"csrf", visit.csrf()}}, {part});
  }

  // The id of the stored document named `file_name`.
  std::string document_named(const std::string& file_name) {
    return portal_.text("SELECT document_id::text FROM application_document WHERE file_name = $1", {file_name});
  }

  testing::PortalServer portal_;
  std::string round_;
};

TEST_F(ApplicationDocumentPagesTest, AStudentAttachesListsDownloadsAndDeletesOwnDocuments) {
  auto student = student_with_application();
  auto page = student->get(form_path());
  EXPECT_TRUE(contains(page.body, "action=\"" + upload_path() + "\" enctype=\"multipart/form-data\""));
  EXPECT_TRUE(contains(page.body, "No documents are attached."));

  auto attached = attach(*student, file("C:\\Users\\Åse\\Læringsavtale \"utkast\".pdf", kPdf, "application/octet-stream"));
  ASSERT_EQ(attached.status, 303) << attached.body;
  EXPECT_EQ(attached.header("Location"), form_path() + "?done=attached#documents");
  EXPECT_EQ(portal_.text("SELECT concat_ws('|', application_id, file_name, declared_type, media_type, size_bytes, sha256,"
                         " uploaded_by, (content = $1::bytea)::text) FROM application_document",
                         {"\\x" + to_hex(kPdf)}),
            application_of("stud-aase") + "|Læringsavtale _utkast_.pdf|application/octet-stream|application/pdf|" +
                std::to_string(kPdf.size()) + "|" + sha256_hex(kPdf) + "|" + kStudent + "|true")
      << "the name without its folder and quotes; the type the bytes show, whatever the browser said";
  std::string pdf_id = document_named("Læringsavtale _utkast_.pdf");
  EXPECT_EQ(portal_.text("SELECT concat_ws('|', actor, role, hei_id, record, detail) FROM audit_event"
                         " WHERE action = 'application_document_uploaded'"),
            std::string(kStudent) + "|student|fjordland.example|application:" + application_of("stud-aase") + "|document " +
                pdf_id + ": Læringsavtale _utkast_.pdf (application/pdf, " + std::to_string(kPdf.size()) + " bytes, SHA-256 " +
                sha256_hex(kPdf) + ")");

  ASSERT_EQ(attach(*student, file("photo.png", kPng, "image/png")).status, 303);
  auto listed = student->get(form_path() + "?done=attached");
  EXPECT_TRUE(contains(listed.body, "The document is attached."));
  EXPECT_TRUE(contains(listed.body, "<a href=\"" + upload_path() + "/" + pdf_id + "\">Læringsavtale _utkast_.pdf</a>"));
  EXPECT_TRUE(contains(listed.body, "photo.png"));
  EXPECT_TRUE(contains(listed.body, "<td>PDF</td><td>" + std::to_string(kPdf.size()) + " B</td>"));

  auto download = student->get(upload_path() + "/" + pdf_id);
  ASSERT_EQ(download.status, 200);
  EXPECT_TRUE(download.body == kPdf) << "every byte as uploaded";
  EXPECT_EQ(download.header("Content-Type"), "application/pdf");
  EXPECT_EQ(download.header("Content-Disposition"),
            "attachment; filename=\"L--ringsavtale-_utkast_.pdf\"; "
            "filename*=UTF-8''L%C3%A6ringsavtale%20_utkast_.pdf");
  EXPECT_EQ(download.header("X-Content-Type-Options"), "nosniff");
  EXPECT_EQ(student->get(upload_path() + "/" + document_named("photo.png")).header("Content-Type"), "image/png");

  student->get(form_path());
  auto deleted = student->post(upload_path() + "/" + pdf_id + "/delete", {{"csrf", student->csrf()}});
  ASSERT_EQ(deleted.status, 303) << deleted.body;
  EXPECT_EQ(deleted.header("Location"), form_path() + "?done=deleted#documents");
  EXPECT_EQ(documents(), 1);
  EXPECT_EQ(
      portal_.count("SELECT count(*) FROM audit_event WHERE action = 'application_document_deleted' AND detail LIKE 'document " +
                    pdf_id + ": %'"),
      1);
  EXPECT_EQ(student->get(upload_path() + "/" + pdf_id).status, 404);
  student->get(form_path());
  EXPECT_EQ(student->post(upload_path() + "/" + pdf_id + "/delete", {{"csrf", student->csrf()}}).status, 404) << "gone already";
  EXPECT_EQ(student->get(upload_path()).status, 404) << "the upload path takes only POSTs";
}

TEST_F(ApplicationDocumentPagesTest, EveryRefusedUploadSaysWhyBesideTheFieldAndStoresNothing) {
  auto student = student_with_application();
  struct Case {
    std::string name;
    std::vector<http::FormPart> files;
    std::string message;
  };
  std::string just_too_large = "%PDF-" + std::string(mobilities::kMaxDocumentBytes - 4, 'x');
  std::vector<Case> cases = {
      {"no file field", {}, "Choose a file to attach."},
      {"sent without choosing a file", {file("", "", "application/octet-stream")}, "Choose a file to attach."},
      {"an empty file", {file("empty.pdf", "")}, "The file is empty; choose another one."},
      {"a GIF named and declared a PDF",
       {file("scan.pdf", "GIF89a\x01\0\x01\0"s)},
       "Only PDF, PNG and JPEG files can be attached"},
      {"a PDF too late in the file", {file("late.pdf", " %PDF-1.4")}, "Only PDF, PNG and JPEG files can be attached"},
      {"one byte over the limit", {file("large.pdf", just_too_large)}, "The file is larger than 10 MB"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    student->get(form_path());
    auto refused = student->post_multipart(upload_path(), {{"csrf", student->csrf()}}, c.files);
    EXPECT_EQ(refused.status, 400);
    EXPECT_TRUE(contains(refused.body, "<p class=\"field-error\" id=\"document-error\" role=\"alert\">" + c.message))
        << refused.body.substr(0, 300);
    EXPECT_TRUE(contains(refused.body, "aria-describedby=\"document-hint document-error\" aria-invalid=\"true\""));
    EXPECT_EQ(documents(), 0);
  }

  std::string largest = "%PDF-" + std::string(mobilities::kMaxDocumentBytes - 5, 'x');
  ASSERT_EQ(attach(*student, file("largest.pdf", largest)).status, 303) << "exactly the limit";
  ASSERT_EQ(portal_.text("SELECT size_bytes::text FROM application_document"), std::to_string(mobilities::kMaxDocumentBytes));
  auto twice = attach(*student, file("again.pdf", largest));
  EXPECT_EQ(twice.status, 400) << "the same bytes again (a form sent twice)";
  EXPECT_TRUE(contains(twice.body, "This file is attached already."));
  for (int i = 2; i <= mobilities::kMaxDocumentsPerApplication; ++i) {
    ASSERT_EQ(attach(*student, file("n" + std::to_string(i) + ".pdf", kPdf + std::to_string(i))).status, 303) << i;
  }
  auto eleventh = attach(*student, file("eleventh.pdf", kPdf + "11"));
  EXPECT_EQ(eleventh.status, 400);
  EXPECT_TRUE(contains(eleventh.body, "The application has 10 documents already; delete one to attach another."));
  EXPECT_EQ(documents(), mobilities::kMaxDocumentsPerApplication);

  ASSERT_TRUE(portal_.pool().acquire().value()->exec("UPDATE account SET language = 'nn' WHERE email = $1", {kStudent}));
  auto reading_nynorsk = testing::signed_in(portal_.base(), kStudent);  // a new session reads the account anew
  auto nynorsk = attach(*reading_nynorsk, file("scan.pdf", "GIF89a"));
  EXPECT_TRUE(contains(nynorsk.body, "Berre PDF-, PNG- og JPEG-filer kan leggjast ved")) << "in the student's language";
  EXPECT_EQ(documents(), mobilities::kMaxDocumentsPerApplication);
}

TEST_F(ApplicationDocumentPagesTest, UnreadableForgedOrOversizedUploadsChangeNothing) {
  auto student = student_with_application();
  student->get(form_path());
  std::string csrf = student->csrf();
  auto forged = student->post_multipart(upload_path(), {{"csrf", "not-the-token"}}, {file("a.pdf", kPdf)});
  EXPECT_EQ(forged.status, 403) << "the csrf field of a multipart form is checked like any other";
  auto without = student->post_multipart(upload_path(), {}, {file("a.pdf", kPdf)});
  EXPECT_EQ(without.status, 403);
  auto unreadable = student->post_body(upload_path(), "multipart/form-data; boundary=XYZ",
                                       "--XYZ\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n" + csrf + "\r\n--XYZ");
  EXPECT_EQ(unreadable.status, 400);
  EXPECT_TRUE(contains(unreadable.body, "The request was not valid"));
  // Bodies too large are refused from their Content-Length, before a byte of them is read.
  auto port = static_cast<uint16_t>(std::stoi(portal_.base().substr(portal_.base().rfind(':') + 1)));
  auto head = [&](const std::string& path, size_t length) {
    return "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: multipart/form-data; boundary=x\r\n" +
           "Content-Length: " + std::to_string(length) + "\r\n\r\n";
  };
  std::string oversized =
      testing::raw_exchange(port, head(upload_path(), mobility_pages::kUploadBodyBytes + 1), std::chrono::milliseconds(2000));
  EXPECT_TRUE(oversized.starts_with("HTTP/1.1 413")) << oversized;
  EXPECT_TRUE(contains(oversized, "the limit is " + std::to_string(mobility_pages::kUploadBodyBytes))) << oversized;
  std::string elsewhere = testing::raw_exchange(port, head(form_path(), (1 << 20) + 1), std::chrono::milliseconds(2000));
  EXPECT_TRUE(elsewhere.starts_with("HTTP/1.1 413")) << "other paths keep the 1 MiB limit: " << elsewhere;
  EXPECT_TRUE(contains(elsewhere, "the limit is 1048576")) << elsewhere;
  EXPECT_EQ(documents(), 0);
  EXPECT_EQ(portal_.count("SELECT count(*) FROM audit_event WHERE action LIKE 'application_document_%'"), 0);
}

TEST_F(ApplicationDocumentPagesTest, AfterTheDeadlineOrOnceWithdrawnDocumentsCanOnlyBeRead) {
  auto student = student_with_application();
  ASSERT_EQ(attach(*student, file("transcript.pdf", kPdf)).status, 303);
  std::string id = document_named("transcript.pdf");
  std::string closed =
      "UPDATE application_round SET opens_at = now() - interval '30 days', closes_at = now() - interval '1 minute'"
      " WHERE round_id = " +
      round_;
  ASSERT_TRUE(portal_.pool().acquire().value()->exec(closed));
  auto page = student->get(form_path());
  EXPECT_TRUE(contains(page.body, ">transcript.pdf</a>"));
  EXPECT_TRUE(contains(page.body, "its documents can only be opened"));
  EXPECT_FALSE(contains(page.body, "multipart/form-data")) << "no upload form";
  EXPECT_FALSE(contains(page.body, id + "/delete")) << "no delete button";
  auto late = student->post_multipart(upload_path(), {{"csrf", student->csrf()}}, {file("late.pdf", kPdf + "late")});
  EXPECT_EQ(late.status, 409);
  EXPECT_TRUE(contains(late.body, "The application can no longer be changed (the round has closed"));
  student->get(form_path());
  EXPECT_EQ(student->post(upload_path() + "/" + id + "/delete", {{"csrf", student->csrf()}}).status, 409);
  EXPECT_EQ(student->get(upload_path() + "/" + id).status, 200) << "still readable";
  EXPECT_EQ(documents(), 1);

  std::string reopened = "UPDATE application_round SET closes_at = now() + interval '30 days' WHERE round_id = " + round_;
  ASSERT_TRUE(portal_.pool().acquire().value()->exec(reopened));
  ASSERT_TRUE(
      portal_.pool().acquire().value()->exec("UPDATE application SET state = 'withdrawn' WHERE student_id = 'stud-aase'"));
  student->get(form_path());
  auto withdrawn = student->post_multipart(upload_path(), {{"csrf", student->csrf()}}, {file("late.pdf", kPdf + "late")});
  EXPECT_EQ(withdrawn.status, 409);
  student->get(form_path());
  EXPECT_EQ(student->post(upload_path() + "/" + id + "/delete", {{"csrf", student->csrf()}}).status, 409);
  EXPECT_EQ(student->get(upload_path() + "/" + id).status, 200);
  EXPECT_EQ(documents(), 1);
}

TEST_F(ApplicationDocumentPagesTest, OnlyTheApplicantsUnitCoordinatorAndTheInternationalOfficeReachThem) {
  auto student = student_with_application(/*hand_in=*/true);
  ASSERT_EQ(attach(*student, file("transcript.pdf", kPdf)).status, 303);
  std::string id = document_named("transcript.pdf");
  std::string aase = application_of("stud-aase");
  std::string staff_link = round_path() + "/" + aase + "/documents/" + id;

  for (const char* email : {kUnitCoordinator, kAdmin}) {
    SCOPED_TRACE(email);
    auto staff = testing::signed_in(portal_.base(), email);
    auto round = staff->get(round_path());
    EXPECT_TRUE(contains(round.body, "<a href=\"" + staff_link + "\">transcript.pdf</a> (PDF, "));
    auto download = staff->get(staff_link);
    EXPECT_EQ(download.status, 200);
    EXPECT_TRUE(download.body == kPdf);
    EXPECT_EQ(download.header("Content-Disposition").substr(0, 11), "attachment;");
    EXPECT_EQ(staff->get(round_path() + "/" + application_of("stud-jonas") + "/documents/" + id).status, 404)
        << "the document under another application's id";
    EXPECT_EQ(staff->get(upload_path() + "/" + id).status, 403) << "staff have no exchange of their own";
  }

  // Jonas, a student of the same HEI with an application in the same round.
  auto jonas = testing::signed_in(portal_.base(), kJonas);
  EXPECT_EQ(jonas->get(upload_path() + "/" + id).status, 404) << "another student's document";
  EXPECT_EQ(jonas->get(staff_link).status, 403);
  jonas->get(form_path());
  EXPECT_EQ(jonas->post(upload_path() + "/" + id + "/delete", {{"csrf", jonas->csrf()}}).status, 404);
  EXPECT_FALSE(contains(jonas->get(form_path()).body, "transcript.pdf"));

  // A coordinator of another unit.
  ASSERT_TRUE(portal_.pool().acquire().value()->exec("UPDATE account_role SET ounit_id = 'ou-hf' WHERE role = 'coordinator'"));
  auto other_unit = testing::signed_in(portal_.base(), kUnitCoordinator);
  EXPECT_FALSE(contains(other_unit->get(round_path()).body, "transcript.pdf"));
  EXPECT_EQ(other_unit->get(staff_link).status, 404);
  EXPECT_EQ(documents(), 1);

  // A draft is not handed in: its documents are not the coordinators' yet.
  ASSERT_TRUE(portal_.pool().acquire().value()->exec("UPDATE application SET state = 'draft' WHERE application_id = " + aase));
  auto admin = testing::signed_in(portal_.base(), kAdmin);
  EXPECT_EQ(admin->get(staff_link).status, 404);
}

}  // namespace
}  // namespace mobility::portal
