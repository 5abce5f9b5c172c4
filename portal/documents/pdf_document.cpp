#include "portal/documents/pdf_document.hpp"

#include <hpdf.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <numeric>

namespace mobility::portal::documents {
namespace {

constexpr double kMargin = 50;                        // left, right and top
constexpr double kBottom = 56;                        // lowest baseline of the text; the page number sits below
constexpr double kGap = 6;                            // between table columns
constexpr double kBodySize = 9.5;                     // points
constexpr double kLeading = 12.5;                     // from one line of body text to the next
constexpr const char* kReplacement = "\xEF\xBF\xBD";  // U+FFFD, for what cannot be drawn

struct Style {
  bool bold = false;
  double size = kBodySize;
  double leading = kLeading;
};
constexpr Style kBody{};
constexpr Style kStrong{true};
constexpr Style kCell{false, 9, 11.5};
constexpr Style kColumnHeading{true, 8.5, 11};
constexpr Style kHeading{true, 12, 18};
constexpr Style kTitle{true, 17, 24};

// The length of the UTF-8 character starting at text[at], or 0 when the bytes there are not
// one. Characters beyond the Basic Multilingual Plane count as invalid: libharu 2.3.0's UTF-8
// encoder does not draw them.
size_t character_length(std::string_view text, size_t at) {
  auto byte = [&](size_t i) { return i < text.size() ? static_cast<unsigned char>(text[i]) : 0u; };
  auto continuation = [&](size_t i) { return (byte(i) & 0xC0) == 0x80; };
  unsigned first = byte(at);
  if (first < 0x80) return 1;
  if (first >= 0xC2 && first < 0xE0 && continuation(at + 1)) return 2;
  if (first >= 0xE0 && first < 0xF0 && continuation(at + 1) && continuation(at + 2)) {
    bool overlong = first == 0xE0 && byte(at + 1) < 0xA0;
    bool surrogate = first == 0xED && byte(at + 1) >= 0xA0;
    return overlong || surrogate ? 0 : 3;
  }
  return 0;
}

// `text` ready to draw: clean UTF-8, "\r\n" and "\r" as "\n", other control characters as
// spaces, and cut after kMaxTextBytes with `marker`.
std::string prepared(std::string_view text, const std::string& marker) {
  std::string out;
  size_t at = 0;
  while (at < text.size()) {
    if (out.size() >= kMaxTextBytes) return out + " " + marker;
    size_t length = character_length(text, at);
    unsigned char c = static_cast<unsigned char>(text[at]);
    if (length == 0) {
      out += kReplacement;
      ++at;
      continue;
    }
    if (c == '\r') {
      if (text.substr(at + 1, 1) != "\n") out += '\n';
    } else if ((c < 0x20 && c != '\n') || c == 0x7F) {
      out += ' ';
    } else {
      out.append(text.substr(at, length));
    }
    at += length;
  }
  return out;
}

}  // namespace

PdfFonts debian_fonts() {
  return {"/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"};
}

// One cell as drawn: its left edge, and its lines already wrapped to its width.
struct Cell {
  double x = 0;
  std::vector<std::string> lines;
  Style style;
};

struct PdfDocument::State {
  HPDF_Doc doc = nullptr;
  HPDF_STATUS error = HPDF_OK;  // the first libharu error, and its detail
  HPDF_STATUS detail = HPDF_OK;
  HPDF_Font regular = nullptr;
  HPDF_Font bold = nullptr;
  std::string cut_marker;
  std::vector<HPDF_Page> pages;
  double y = 0;                       // the top of the next line on the last page
  std::vector<Cell> repeated_header;  // drawn first on a page a table continues on
  double page_width = 0;
  double page_height = 0;

  ~State() {
    if (doc) HPDF_Free(doc);
  }

  // libharu's error handler: keeps the first error, which finish() reports.
  static void on_error(HPDF_STATUS error, HPDF_STATUS detail, void* user_data) {
    auto* state = static_cast<State*>(user_data);
    if (state->error != HPDF_OK) return;
    state->error = error;
    state->detail = detail;
  }

  double text_width() const { return page_width - 2 * kMargin; }
  HPDF_Font font(const Style& style) const { return style.bold ? bold : regular; }

  double width_of(std::string_view text, const Style& style) const {
    HPDF_TextWidth width =
        HPDF_Font_TextWidth(font(style), reinterpret_cast<const HPDF_BYTE*>(text.data()), static_cast<HPDF_UINT>(text.size()));
    return width.width * style.size / 1000.0;
  }

  void new_page() {
    HPDF_Page page = HPDF_AddPage(doc);
    HPDF_Page_SetSize(page, HPDF_PAGE_SIZE_A4, HPDF_PAGE_PORTRAIT);
    pages.push_back(page);
    page_width = HPDF_Page_GetWidth(page);
    page_height = HPDF_Page_GetHeight(page);
    y = page_height - kMargin;
    if (!repeated_header.empty()) {
      std::vector<Cell> header = std::move(repeated_header);
      ruled_row(header, kColumnHeading);
      repeated_header = std::move(header);
    }
  }

  void text_at(double x, double baseline, std::string_view text, const Style& style) {
    if (text.empty()) return;
    HPDF_Page page = pages.back();
    HPDF_Page_BeginText(page);
    HPDF_Page_SetFontAndSize(page, font(style), static_cast<HPDF_REAL>(style.size));
    HPDF_Page_TextOut(page, static_cast<HPDF_REAL>(x), static_cast<HPDF_REAL>(baseline), std::string(text).c_str());
    HPDF_Page_EndText(page);
  }

  void rule(double below) {
    HPDF_Page page = pages.back();
    HPDF_Page_SetLineWidth(page, 0.4f);
    HPDF_Page_MoveTo(page, static_cast<HPDF_REAL>(kMargin), static_cast<HPDF_REAL>(below));
    HPDF_Page_LineTo(page, static_cast<HPDF_REAL>(page_width - kMargin), static_cast<HPDF_REAL>(below));
    HPDF_Page_Stroke(page);
  }

  // Breaks one line that has no space to break at (a long word) into pieces no wider than `width`.
  void break_word(std::string_view word, double width, const Style& style, std::vector<std::string>& lines) const {
    std::string piece;
    double piece_width = 0;
    for (size_t at = 0; at < word.size();) {
      size_t length = std::max<size_t>(1, character_length(word, at));
      std::string_view character = word.substr(at, length);
      double w = width_of(character, style);
      if (!piece.empty() && piece_width + w > width) {
        lines.push_back(std::move(piece));
        piece.clear();
        piece_width = 0;
      }
      piece.append(character);
      piece_width += w;
      at += length;
    }
    if (!piece.empty()) lines.push_back(std::move(piece));
  }

  // `text` (prepared) in lines no wider than `width`: broken at spaces, words longer than a line
  // broken inside, each "\n" starting a new line.
  std::vector<std::string> wrap(std::string_view text, double width, const Style& style) const {
    std::vector<std::string> lines;
    size_t start = 0;
    while (start <= text.size()) {
      size_t end = std::min(text.find('\n', start), text.size());
      std::string_view paragraph = text.substr(start, end - start);
      std::string line;
      size_t word_start = 0;
      while (word_start <= paragraph.size()) {
        size_t word_end = std::min(paragraph.find(' ', word_start), paragraph.size());
        std::string_view word = paragraph.substr(word_start, word_end - word_start);
        std::string candidate = line.empty() ? std::string(word) : line + " " + std::string(word);
        if (width_of(candidate, style) <= width) {
          line = std::move(candidate);
        } else {
          if (!line.empty()) lines.push_back(std::move(line));
          line.clear();
          if (word.empty() || width_of(word, style) <= width) {
            line = std::string(word);
          } else {
            break_word(word, width, style, lines);
            line = lines.back();
            lines.pop_back();
          }
        }
        word_start = word_end + 1;
      }
      lines.push_back(std::move(line));
      start = end + 1;
    }
    return lines;
  }

  // Draws cells side by side, line by line; a row that does not fit below starts on a new page,
  // and a row taller than a page goes on over as many pages as it needs.
  void draw_row(const std::vector<Cell>& cells, const Style& style) {
    size_t line_count = 0;
    for (const Cell& cell : cells) line_count = std::max(line_count, cell.lines.size());
    double height = static_cast<double>(line_count) * style.leading;
    double page_room = page_height - kMargin - kBottom;
    if (y - height < kBottom && height <= page_room) new_page();
    for (size_t line = 0; line < line_count; ++line) {
      if (y - style.leading < kBottom) new_page();
      double baseline = y - style.size;
      for (const Cell& cell : cells) {
        if (line < cell.lines.size()) text_at(cell.x, baseline, cell.lines[line], cell.style);
      }
      y -= style.leading;
    }
  }

  // One block of text across the whole width.
  void block(std::string_view text, const Style& style, double space_after) {
    draw_row({Cell{kMargin, wrap(prepared(text, cut_marker), text_width(), style), style}}, style);
    y -= space_after;
  }

  // Cells at the columns' left edges, each wrapped to its column.
  std::vector<Cell> cells_of(const std::vector<double>& widths, const std::vector<std::string>& texts,
                             const std::vector<Style>& styles) const {
    std::vector<Cell> cells;
    double x = kMargin;
    for (size_t i = 0; i < widths.size(); ++i) {
      std::string text = i < texts.size() ? prepared(texts[i], cut_marker) : "";
      cells.push_back(Cell{x, wrap(text, widths[i] - kGap, styles[i]), styles[i]});
      x += widths[i];
    }
    return cells;
  }

  void ruled_row(const std::vector<Cell>& cells, const Style& style) {
    draw_row(cells, style);
    y -= 2;
    rule(y);
    y -= 3;
  }
};

namespace {

bool readable(const std::string& path) { return std::ifstream(path, std::ios::binary).good(); }

// libharu's date from "YYYY-MM-DD HH:MM:SS" (or with a 'T'); nullopt when it reads otherwise.
std::optional<HPDF_Date> pdf_date(const std::string& text) {
  HPDF_Date date{};
  char separator = 0;
  if (std::sscanf(text.c_str(), "%4d-%2d-%2d%c%2d:%2d:%2d", &date.year, &date.month, &date.day, &separator, &date.hour,
                  &date.minutes, &date.seconds) != 7 ||
      (separator != ' ' && separator != 'T')) {
    return std::nullopt;
  }
  bool valid = date.year >= 1900 && date.year <= 9999 && date.month >= 1 && date.month <= 12 && date.day >= 1 && date.day <= 31 &&
               date.hour >= 0 && date.hour <= 23 && date.minutes >= 0 && date.minutes <= 59 && date.seconds >= 0 &&
               date.seconds <= 59;
  if (!valid) return std::nullopt;
  date.ind = 'Z';
  return date;
}

std::string error_text(HPDF_STATUS error, HPDF_STATUS detail) {
  char text[64];
  std::snprintf(text, sizeof text, "libharu error 0x%04X (detail %u)", static_cast<unsigned>(error),
                static_cast<unsigned>(detail));
  return text;
}

}  // namespace

PdfDocument::PdfDocument(std::unique_ptr<State> state) : state_(std::move(state)) {}
PdfDocument::PdfDocument(PdfDocument&&) noexcept = default;
PdfDocument& PdfDocument::operator=(PdfDocument&&) noexcept = default;
PdfDocument::~PdfDocument() = default;

Result<PdfDocument> PdfDocument::open(const PdfFonts& fonts, const PdfInfo& info) {
  for (const std::string& path : {fonts.regular, fonts.bold}) {
    if (!readable(path)) {
      return Status::unavailable("font file " + path + " is missing or unreadable (Debian package fonts-dejavu-core)");
    }
  }
  auto state = std::make_unique<State>();
  state->cut_marker = info.cut_marker;
  state->doc = HPDF_New(State::on_error, state.get());
  if (!state->doc) return Status::internal("libharu could not start a document");
  HPDF_SetCompressionMode(state->doc, HPDF_COMP_ALL);
  HPDF_UseUTFEncodings(state->doc);
  HPDF_SetCurrentEncoder(state->doc, "UTF-8");
  const char* regular = HPDF_LoadTTFontFromFile(state->doc, fonts.regular.c_str(), HPDF_TRUE);
  const char* bold = HPDF_LoadTTFontFromFile(state->doc, fonts.bold.c_str(), HPDF_TRUE);
  if (regular) state->regular = HPDF_GetFont(state->doc, regular, "UTF-8");
  if (bold) state->bold = HPDF_GetFont(state->doc, bold, "UTF-8");
  if (!state->regular || !state->bold) {
    return Status::unavailable("cannot load the fonts " + fonts.regular + " and " + fonts.bold + ": " +
                               error_text(state->error, state->detail));
  }
  HPDF_SetInfoAttr(state->doc, HPDF_INFO_TITLE, prepared(info.title, info.cut_marker).c_str());
  HPDF_SetInfoAttr(state->doc, HPDF_INFO_CREATOR, "Mobility");
  if (auto date = info.created_at ? pdf_date(*info.created_at) : std::nullopt) {
    HPDF_SetInfoDateAttr(state->doc, HPDF_INFO_CREATION_DATE, *date);
  }
  state->new_page();
  return PdfDocument(std::move(state));
}

void PdfDocument::title(std::string_view text) { state_->block(text, kTitle, 6); }

void PdfDocument::heading(std::string_view text) {
  state_->y -= 6;
  state_->block(text, kHeading, 2);
}

void PdfDocument::paragraph(std::string_view text) { state_->block(text, kBody, 6); }

void PdfDocument::facts(const std::vector<std::pair<std::string, std::string>>& rows) {
  double label = state_->text_width() * 0.3;
  std::vector<double> widths{label, state_->text_width() - label};
  for (const auto& [name, value] : rows) state_->draw_row(state_->cells_of(widths, {name, value}, {kStrong, kBody}), kBody);
  state_->y -= 6;
}

void PdfDocument::table(const std::vector<TableColumn>& columns, const std::vector<TableRow>& rows) {
  double shares = std::accumulate(columns.begin(), columns.end(), 0.0, [](double sum, const auto& c) { return sum + c.share; });
  std::vector<double> widths;
  std::vector<std::string> headings;
  for (const TableColumn& column : columns) {
    widths.push_back(state_->text_width() * column.share / shares);
    headings.push_back(column.heading);
  }
  std::vector<Cell> header = state_->cells_of(widths, headings, std::vector<Style>(columns.size(), kColumnHeading));
  state_->ruled_row(header, kColumnHeading);
  state_->repeated_header = header;
  for (const TableRow& row : rows) {
    state_->ruled_row(state_->cells_of(widths, row, std::vector<Style>(columns.size(), kCell)), kCell);
  }
  state_->repeated_header.clear();
  state_->y -= 6;
}

Result<std::string> PdfDocument::finish() {
  std::string total = std::to_string(state_->pages.size());
  for (size_t i = 0; i < state_->pages.size(); ++i) {
    std::string number = std::to_string(i + 1) + " / " + total;
    HPDF_Page page = state_->pages[i];
    HPDF_Page_BeginText(page);
    HPDF_Page_SetFontAndSize(page, state_->regular, 8);
    HPDF_Page_TextOut(page, static_cast<HPDF_REAL>(state_->page_width - kMargin - state_->width_of(number, {false, 8})), 28,
                      number.c_str());
    HPDF_Page_EndText(page);
  }
  if (state_->error == HPDF_OK) HPDF_SaveToStream(state_->doc);
  if (state_->error != HPDF_OK) return Status::internal(error_text(state_->error, state_->detail));
  std::string bytes(HPDF_GetStreamSize(state_->doc), '\0');
  HPDF_UINT32 size = static_cast<HPDF_UINT32>(bytes.size());
  HPDF_ReadFromStream(state_->doc, reinterpret_cast<HPDF_BYTE*>(bytes.data()), &size);
  if (state_->error != HPDF_OK && state_->error != HPDF_STREAM_EOF) {
    return Status::internal(error_text(state_->error, state_->detail));
  }
  bytes.resize(size);
  return bytes;
}

}  // namespace mobility::portal::documents
