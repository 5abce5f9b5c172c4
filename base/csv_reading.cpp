#include "base/csv_reading.hpp"

namespace mobility {
namespace {

char separator_of(std::string_view text) {
  std::string_view first = text.substr(0, text.find('\n'));
  return first.find(';') != std::string_view::npos && first.find(',') == std::string_view::npos ? ';' : ',';
}

bool is_blank(const CsvRow& row) { return row.fields.size() == 1 && row.fields.front().empty(); }

// Reads one row of `text` from `at`, moving `at` past its end and `line` past its lines.
Result<CsvRow> read_row(std::string_view text, size_t& at, int& line, char separator) {
  CsvRow row{line, {""}};
  bool quoted = false;
  bool closed = false;  // a quoted field's closing quote was read
  for (; at < text.size(); ++at) {
    char c = text[at];
    if (quoted) {
      if (c == '"' && at + 1 < text.size() && text[at + 1] == '"') {
        row.fields.back() += '"';
        ++at;
      } else if (c == '"') {
        quoted = false;
        closed = true;
      } else {
        line += c == '\n' ? 1 : 0;
        row.fields.back() += c;
      }
    } else if (c == separator) {
      row.fields.emplace_back();
      closed = false;
    } else if (c == '\n' || c == '\r') {
      at += c == '\r' && at + 1 < text.size() && text[at + 1] == '\n' ? 2 : 1;
      ++line;
      return row;
    } else if (closed) {
      return Status::invalid_argument("line " + std::to_string(line) + ": text after a closing quote");
    } else if (c == '"' && row.fields.back().empty()) {
      quoted = true;
    } else {
      row.fields.back() += c;
    }
  }
  if (quoted) return Status::invalid_argument("line " + std::to_string(row.line) + ": a quote is never closed");
  return row;
}

}  // namespace

Result<std::vector<CsvRow>> read_csv(std::string_view text) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  char separator = separator_of(text);
  std::vector<CsvRow> rows;
  size_t at = 0;
  int line = 1;
  while (at < text.size()) {
    auto row = read_row(text, at, line, separator);
    if (!row) return row.status();
    if (!is_blank(*row)) rows.push_back(std::move(*row));
  }
  return rows;
}

}  // namespace mobility
