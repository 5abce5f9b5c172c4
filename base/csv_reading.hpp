// Reading CSV that people export from spreadsheets (RFC 4180, leniently): fields separated by
// commas, or by semicolons when the first line has semicolons and no comma (as Norwegian
// spreadsheets write it); a quoted field may hold the separator, line breaks and doubled quotes;
// rows end with CRLF or LF; a UTF-8 byte-order mark at the start and blank lines are skipped.
// Writing CSV is base/csv.hpp's.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/status.hpp"

namespace mobility {

struct CsvRow {
  int line = 0;  // where the row starts, from 1
  std::vector<std::string> fields;
};

// The rows of `text`. kInvalidArgument, naming the line, for a quote left open or text right
// after a closing quote.
Result<std::vector<CsvRow>> read_csv(std::string_view text);

}  // namespace mobility
