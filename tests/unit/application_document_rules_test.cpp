// The rules of application documents (mobilities/application_documents.hpp) without a database:
// the type by the first bytes, file names as they are kept, each upload's problem and its code.
#include "mobilities/application_documents.hpp"

#include <gtest/gtest.h>

namespace mobility::mobilities {
namespace {

using namespace std::string_literals;

TEST(ApplicationDocumentRules, TheTypeIsWhatTheFirstBytesSay) {
  EXPECT_EQ(sniff_media_type("%PDF-1.7\n"), "application/pdf");
  EXPECT_EQ(sniff_media_type("\x89PNG\r\n\x1a\n\0\0"s), "image/png");
  EXPECT_EQ(sniff_media_type("\xff\xd8\xff\xe0"), "image/jpeg");
  EXPECT_EQ(sniff_media_type("%PDF"), std::nullopt) << "the dash belongs to the signature";
  EXPECT_EQ(sniff_media_type("\x89PNG\r\n"), std::nullopt);
  EXPECT_EQ(sniff_media_type(" %PDF-1.7"), std::nullopt);
  EXPECT_EQ(sniff_media_type("GIF89a"), std::nullopt);
  EXPECT_EQ(sniff_media_type("<html>%PDF-"), std::nullopt);
  EXPECT_EQ(sniff_media_type(""), std::nullopt);
}

TEST(ApplicationDocumentRules, FileNamesAreKeptWithoutFoldersControlsOrQuotes) {
  EXPECT_EQ(clean_file_name("karakterutskrift.pdf"), "karakterutskrift.pdf");
  EXPECT_EQ(clean_file_name("C:\\Users\\Åse\\Læringsavtale.pdf"), "Læringsavtale.pdf");
  EXPECT_EQ(clean_file_name("../../etc/passwd"), "passwd");
  EXPECT_EQ(clean_file_name("a\"b<c>d|e?f*g:h.pdf"), "a_b_c_d_e_f_g_h.pdf");
  EXPECT_EQ(clean_file_name("line\r\nbreak\ttab.pdf"), "line  break tab.pdf");
  EXPECT_EQ(clean_file_name("nul\0bell\x07.pdf"s), "nul_bell_.pdf");
  EXPECT_EQ(clean_file_name("broken \xc3( utf8.pdf"), "broken _( utf8.pdf");
  EXPECT_EQ(clean_file_name("invoice\xe2\x80\xae"
                            "fdp.exe"),
            "invoice_fdp.exe")
      << "a right-to-left override";
  EXPECT_EQ(clean_file_name("  ..hidden.pdf  "), "hidden.pdf");
  EXPECT_EQ(clean_file_name(""), "document");
  EXPECT_EQ(clean_file_name("folder/"), "document");
  EXPECT_EQ(clean_file_name(" . "), "document");
  std::string long_name = std::string(100, 'a') + "ø" + std::string(100, 'b') + ".jpeg";
  std::string kept = clean_file_name(long_name);
  EXPECT_EQ(kept.size(), kMaxDocumentNameBytes);
  EXPECT_EQ(kept, std::string(100, 'a') + "ø" + std::string(13, 'b') + ".jpeg") << "the stem is cut, the extension kept";
  std::string cut_in_a_letter = clean_file_name(std::string(115, 'a') + "ø" + std::string(10, 'b') + ".pdf");
  EXPECT_EQ(cut_in_a_letter, std::string(115, 'a') + ".pdf") << "never half a letter";
}

TEST(ApplicationDocumentRules, EachUploadHasItsFirstProblemAndItsCode) {
  std::string pdf = "%PDF-1.4";
  EXPECT_EQ(check_upload({false, "", "", ""}, 0), UploadProblem::kNoFile);
  EXPECT_EQ(check_upload({true, "", "application/octet-stream", ""}, 0), UploadProblem::kNoFile);
  EXPECT_EQ(check_upload({true, "a.pdf", "application/pdf", ""}, 0), UploadProblem::kEmpty);
  EXPECT_EQ(check_upload({true, "a.pdf", "", "%PDF-" + std::string(kMaxDocumentBytes - 4, 'x')}, 0), UploadProblem::kTooLarge);
  EXPECT_EQ(check_upload({true, "a.pdf", "", "%PDF-" + std::string(kMaxDocumentBytes - 5, 'x')}, 0), std::nullopt);
  EXPECT_EQ(check_upload({true, "a.pdf", "application/pdf", "GIF89a"}, 0), UploadProblem::kWrongType);
  EXPECT_EQ(check_upload({true, "a.pdf", "", pdf}, kMaxDocumentsPerApplication - 1), std::nullopt);
  EXPECT_EQ(check_upload({true, "a.pdf", "", pdf}, kMaxDocumentsPerApplication), UploadProblem::kTooMany);
  EXPECT_EQ(check_upload({true, "", "", pdf}, 0), std::nullopt) << "a file without a name is kept as 'document'";
  for (auto problem : {UploadProblem::kNoFile, UploadProblem::kEmpty, UploadProblem::kTooLarge, UploadProblem::kWrongType,
                       UploadProblem::kTooMany, UploadProblem::kAttachedAlready}) {
    EXPECT_FALSE(problem_code(problem).empty());
  }
  EXPECT_EQ(problem_code(UploadProblem::kTooLarge), "too_large");
  EXPECT_EQ(upload_problem_of(Status::invalid_argument("document: the file is not a PDF, PNG or JPEG")),
            UploadProblem::kWrongType);
  EXPECT_EQ(upload_problem_of(Status::conflict("document: the file is not a PDF, PNG or JPEG")), std::nullopt);
  EXPECT_EQ(upload_problem_of(Status::invalid_argument("something else")), std::nullopt);
}

}  // namespace
}  // namespace mobility::mobilities
