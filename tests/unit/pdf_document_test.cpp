// PdfDocument (portal/documents/pdf_document.hpp) and the learning agreement's PDF
// (portal/mobilities/la_pdf.hpp) without a server, read back with poppler's pdftotext and
// pdfinfo: long texts wrap and flow onto further pages, a text beyond the limit is cut with the
// marker, hostile characters are drawn as something, missing fonts are a clear error, the same
// input gives the same bytes, and file names are safe.
#include <gtest/gtest.h>

#include <fstream>

#include "portal/documents/pdf_document.hpp"
#include "portal/documents/pdf_download.hpp"
#include "portal/mobilities/la_pdf.hpp"
#include "tests/support/pdf_text.hpp"
#include "tests/support/web_visit.hpp"

namespace mobility::portal {
namespace {

using documents::PdfDocument;
using testing::contains;
using testing::pdf_info;
using testing::pdf_text;

constexpr const char* kMarker = "[shortened here: the whole text is in Mobility]";

// "word1 word2 … wordN": N words of ordinary text.
std::string words(int count) {
  std::string text;
  for (int i = 1; i <= count; ++i) text += (i == 1 ? "" : " ") + ("word" + std::to_string(i));
  return text;
}

int pages_of(const std::string& pdf) {
  std::string info = pdf_info(pdf);
  size_t at = info.find("Pages:");
  return at == std::string::npos ? 0 : std::stoi(info.substr(at + 6));
}

mobility_pages::LaDocument sample_la(int components, const std::string& comment) {
  mobility_pages::LaDocument la;
  la.mobility.omobility_id = "m-1";
  la.mobility.student = {"Åse",
                         "Bjørnstad",
                         "urn:schac:personalUniqueCode:int:esi:fjordland.example:1",
                         "2003-04-12",
                         "NO",
                         2,
                         "aase@student.fjordland.example"};
  la.mobility.nomination.sending.hei_id = "fjordland.example";
  la.mobility.nomination.receiving.hei_id = "tu-rheinfeld.example";
  la.mobility.nomination.receiving_academic_year_id = "2026/2027";
  mobilities::ComponentList studied;
  for (int i = 1; i <= components; ++i) {
    studied.components.push_back({std::nullopt,
                                  "C" + std::to_string(i),
                                  "Component number " + std::to_string(i),
                                  std::nullopt,
                                  mobilities::TermId{1, 2},
                                  {{"ects", "5"}},
                                  std::nullopt,
                                  std::nullopt,
                                  mobilities::ChangeStatus::kUnchanged,
                                  std::nullopt,
                                  std::nullopt});
  }
  la.version.tables.push_back(studied);
  la.heading = "Version 1";
  la.state = "approved by all three";
  la.receiving_comment = comment;
  la.created_at = "2026-03-01 10:00:00";
  return la;
}

Result<std::string> render(const mobility_pages::LaDocument& la) {
  return mobility_pages::la_pdf(la, Messages::of(Language::kEnglish));
}

TEST(PdfDocument, HundredsOfComponentsAndALongCommentFlowOntoFurtherPagesWhole) {
  auto pdf = render(sample_la(300, words(1500)));  // about 11,000 characters of comment
  ASSERT_TRUE(pdf) << pdf.status().to_string();
  EXPECT_GT(pages_of(*pdf), 5);
  std::string text = pdf_text(*pdf);
  EXPECT_TRUE(contains(text, "Component number 1 "));
  EXPECT_TRUE(contains(text, "Component number 300 "));
  EXPECT_TRUE(contains(text, "word1 word2 word3"));
  EXPECT_TRUE(contains(text, "word1499 word1500")) << "the whole comment, across pages";
  EXPECT_FALSE(contains(text, kMarker));
  EXPECT_GT(testing::occurrences(text, "Code Title Credits Term"), 3) << "a table's header again on the pages it continues on";
}

TEST(PdfDocument, ATextBeyondTheLimitIsCutWithTheMarkerAndAWordWiderThanALineIsBroken) {
  std::string unbroken(documents::kMaxTextBytes - 10, 'x');
  auto pdf = render(sample_la(1, unbroken + "TAIL-NOT-SHOWN"));
  ASSERT_TRUE(pdf) << pdf.status().to_string();
  std::string text = pdf_text(*pdf);
  EXPECT_TRUE(contains(text, kMarker));
  EXPECT_FALSE(contains(text, "NOT-SHOWN"));
  EXPECT_TRUE(contains(text, "xxxxxxxxxx")) << "the long word is drawn, broken into lines";
  EXPECT_GT(pages_of(*pdf), 1);

  std::string fits(documents::kMaxTextBytes, 'y');
  auto whole = render(sample_la(1, fits));
  ASSERT_TRUE(whole);
  EXPECT_FALSE(contains(pdf_text(*whole), kMarker)) << "exactly the limit is not cut";
}

TEST(PdfDocument, ControlCharactersBrokenUtf8AndCharactersBeyondTheFontAreDrawnAsSomething) {
  auto pdf = render(sample_la(1,
                              "a\x01"
                              "b\r\nc\td\xff\xfe"
                              "e \xF0\x9F\x98\x80 漢字 Ελληνικά Кириллица end"));
  ASSERT_TRUE(pdf) << pdf.status().to_string();
  std::string text = pdf_text(*pdf);
  EXPECT_TRUE(contains(text, "c d")) << "a tab is a space\n" << text;
  EXPECT_TRUE(contains(text, "\uFFFD")) << "what cannot be drawn shows as the replacement character";
  EXPECT_TRUE(contains(text, "Ελληνικά Кириллица end")) << text;
}

TEST(PdfDocument, MissingFontsAreAClearError) {
  auto opened = PdfDocument::open({"/nonexistent/DejaVuSans.ttf", "/nonexistent/DejaVuSans-Bold.ttf"}, {"t", {}, "cut"});
  ASSERT_FALSE(opened);
  EXPECT_EQ(opened.status().code(), Status::Code::kUnavailable);
  EXPECT_TRUE(contains(opened.status().message(), "/nonexistent/DejaVuSans.ttf"));
  EXPECT_TRUE(contains(opened.status().message(), "fonts-dejavu-core"));
  auto not_a_font = PdfDocument::open({"/etc/hostname", "/etc/hostname"}, {"t", {}, "cut"});
  EXPECT_FALSE(not_a_font) << "a file that is not a TrueType font";
  for (const auto& path : {documents::debian_fonts().regular, documents::debian_fonts().bold}) {
    EXPECT_TRUE(std::ifstream(path).good()) << path << ": install fonts-dejavu-core";
  }
}

TEST(PdfDocument, TheSameInputGivesTheSameBytesDatedAsAsked) {
  auto first = render(sample_la(3, "Gjerne"));
  auto second = render(sample_la(3, "Gjerne"));
  ASSERT_TRUE(first && second);
  EXPECT_TRUE(*first == *second);
  EXPECT_TRUE(contains(pdf_info(*first), "CreationDate:    2026-03-01T10:00:00Z")) << pdf_info(*first);
  EXPECT_FALSE(contains(*first, "/ID")) << "libharu writes no file identifier without encryption";
  auto undated = sample_la(3, "Gjerne");
  undated.created_at = std::nullopt;
  auto without = render(undated);
  ASSERT_TRUE(without);
  EXPECT_FALSE(contains(pdf_info(*without), "CreationDate"));
}

TEST(PdfDocument, DownloadsHaveSafeFileNames) {
  EXPECT_EQ(documents::safe_file_name("la-m-1-v2.pdf"), "la-m-1-v2.pdf");
  EXPECT_EQ(documents::safe_file_name("iia-UIF/ULN \"2026\"\r\nX: y"), "iia-UIF-ULN--2026---X--y.pdf");
  EXPECT_EQ(documents::safe_file_name("iia-Ørsta"), "iia---rsta.pdf");
  EXPECT_EQ(documents::safe_file_name(".hidden"), "x.hidden.pdf");
  EXPECT_EQ(documents::safe_file_name(""), "x.pdf");
  EXPECT_EQ(documents::safe_file_name(std::string(500, 'a')).size(), 120u);
  auto response = documents::pdf_download("%PDF-1.3", "la-\"x\".pdf");
  EXPECT_EQ(response.content_type, "application/pdf");
  ASSERT_EQ(response.headers.size(), 1u);
  EXPECT_EQ(response.headers[0].second, "attachment; filename=\"la--x-.pdf\"");
  auto stored = documents::file_download("\x89PNG", "image/png", "Bilde av vitnemål.png");
  EXPECT_EQ(stored.content_type, "image/png");
  ASSERT_EQ(stored.headers.size(), 1u);
  EXPECT_EQ(stored.headers[0].second,
            "attachment; filename=\"Bilde-av-vitnem--l.png\"; filename*=UTF-8''Bilde%20av%20vitnem%C3%A5l.png");
  EXPECT_EQ(documents::file_download("x", "application/pdf", "no extension \"here\"").headers[0].second,
            "attachment; filename=\"no-extension--here-\"; filename*=UTF-8''no%20extension%20%22here%22");
}

}  // namespace
}  // namespace mobility::portal
