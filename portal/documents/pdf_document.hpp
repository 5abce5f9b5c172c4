// A PDF document built top to bottom, over Debian's libharu (libhpdf 2.3.0): a title, headings,
// paragraphs, label–value lists and tables whose cells wrap their text and flow onto further
// pages (a table's header is repeated there). Text is UTF-8, drawn with an embedded TrueType
// font (DejaVu from fonts-dejavu-core covers Norwegian and the partners' Latin, Greek and
// Cyrillic scripts; other characters show as the font's empty box).
//
// The contract:
// - open() fails with kUnavailable naming the file when a font is missing or unreadable, and
//   with kInternal when libharu cannot start; nothing else is read from the disk.
// - Every text is drawn whole, wrapped at spaces (and inside a word longer than a line), except
//   that a text longer than kMaxTextBytes is cut at a character boundary and ends with the
//   document's `cut_marker`, so nothing is ever dropped silently. Control characters other than
//   line breaks are drawn as spaces.
// - finish() returns the bytes, or kInternal with libharu's error code when any drawing call
//   failed. The same calls give the same bytes: the creation date is PdfInfo::created_at (none
//   when absent or unreadable), and libharu writes no /ID without encryption.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/status.hpp"

namespace mobility::portal::documents {

// Longest text drawn of one value; a longer one is cut and marked.
inline constexpr size_t kMaxTextBytes = 20000;

struct PdfFonts {
  std::string regular;  // TrueType files
  std::string bold;
};

// The DejaVu Sans files of Debian's fonts-dejavu-core (ops/packages.txt).
PdfFonts debian_fonts();

struct PdfInfo {
  std::string title;                      // the document's title in its properties
  std::optional<std::string> created_at;  // UTC, "YYYY-MM-DD HH:MM:SS" or "YYYY-MM-DDTHH:MM:SS…"
  std::string cut_marker;                 // appended to a text cut at kMaxTextBytes
};

struct TableColumn {
  std::string heading;
  double share = 1;  // of the width, relative to the other columns
};

using TableRow = std::vector<std::string>;  // one cell per column

class PdfDocument {
 public:
  static Result<PdfDocument> open(const PdfFonts& fonts, const PdfInfo& info);

  PdfDocument(PdfDocument&&) noexcept;
  PdfDocument& operator=(PdfDocument&&) noexcept;
  ~PdfDocument();

  void title(std::string_view text);
  void heading(std::string_view text);
  void paragraph(std::string_view text);
  // Labels in bold beside their values.
  void facts(const std::vector<std::pair<std::string, std::string>>& rows);
  void table(const std::vector<TableColumn>& columns, const std::vector<TableRow>& rows);

  // The document's bytes, with "page / pages" at the foot of every page. Call it once, last.
  Result<std::string> finish();

 private:
  struct State;
  explicit PdfDocument(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
};

}  // namespace mobility::portal::documents
