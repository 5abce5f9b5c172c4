#include "db/rows.hpp"

#include <charconv>
#include <cstdlib>

namespace mobility::db {
namespace {

template <typename Number>
Number parse_number(std::string_view text, const std::string& where) {
  Number value{};
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) {
    throw RowAccessError(where + ": '" + std::string(text) + "' is not a number of the requested type");
  }
  return value;
}

}  // namespace

int64_t Rows::affected() const {
  const char* count = PQcmdTuples(result_.get());
  return count[0] == '\0' ? 0 : std::strtoll(count, nullptr, 10);
}

int Row::column_index(std::string_view column) const {
  int index = PQfnumber(result_.get(), std::string(column).c_str());
  if (index < 0) throw RowAccessError("no column '" + std::string(column) + "' in this result");
  return index;
}

std::string Row::describe(int column) const {
  const char* name = PQfname(result_.get(), column);
  return "column '" + std::string(name ? name : "?") + "' of row " + std::to_string(row_);
}

bool Row::is_null(int column) const {
  if (column < 0 || column >= PQnfields(result_.get()) || row_ < 0 || row_ >= PQntuples(result_.get())) {
    throw RowAccessError("row " + std::to_string(row_) + " column " + std::to_string(column) + " is out of range");
  }
  return PQgetisnull(result_.get(), row_, column) != 0;
}

std::string_view Row::text(int column) const {
  if (is_null(column)) throw RowAccessError(describe(column) + " is NULL; read it as std::optional");
  return {PQgetvalue(result_.get(), row_, column), static_cast<size_t>(PQgetlength(result_.get(), row_, column))};
}

template <>
std::string Row::get<std::string>(int column) const {
  return std::string(text(column));
}

template <>
int64_t Row::get<int64_t>(int column) const {
  return parse_number<int64_t>(text(column), describe(column));
}

template <>
int Row::get<int>(int column) const {
  return parse_number<int>(text(column), describe(column));
}

template <>
bool Row::get<bool>(int column) const {
  std::string_view value = text(column);
  if (value == "t") return true;
  if (value == "f") return false;
  throw RowAccessError(describe(column) + ": '" + std::string(value) + "' is not a boolean");
}

template <>
double Row::get<double>(int column) const {
  std::string value(text(column));
  char* end = nullptr;
  double number = std::strtod(value.c_str(), &end);
  if (value.empty() || *end != '\0') throw RowAccessError(describe(column) + ": '" + value + "' is not a number");
  return number;
}

#define MOBILITY_OPTIONAL_GET(T)                                  \
  template <>                                                     \
  std::optional<T> Row::get<std::optional<T>>(int column) const { \
    if (is_null(column)) return std::nullopt;                     \
    return get<T>(column);                                        \
  }
MOBILITY_OPTIONAL_GET(std::string)
MOBILITY_OPTIONAL_GET(int64_t)
MOBILITY_OPTIONAL_GET(int)
MOBILITY_OPTIONAL_GET(bool)
MOBILITY_OPTIONAL_GET(double)
#undef MOBILITY_OPTIONAL_GET

}  // namespace mobility::db
