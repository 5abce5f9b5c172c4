// CSV for spreadsheets and student information systems (RFC 4180): fields separated by commas,
// rows ended by CRLF, a field quoted when it holds a comma, a quote or a line break (its quotes
// doubled). A field that a spreadsheet would read as a formula (starting with =, +, -, @, a tab
// or a carriage return) gets a leading apostrophe, so exported text can never run as a formula.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace mobility {

std::string csv_field(std::string_view value);
// The fields as one row, CRLF included.
std::string csv_row(const std::vector<std::string>& fields);

}  // namespace mobility
