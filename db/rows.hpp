// Rows: the rows a statement returned, with typed access by column name or index.
//
//   for (db::Row row : *rows) {
//     std::string hei_id = row.get<std::string>("hei_id");
//     std::optional<std::string> city = row.get<std::optional<std::string>>("city");
//   }
//
// Supported types: std::string, int64_t, int, bool, double, and std::optional of each (NULL →
// nullopt). Asking for a column that does not exist, reading NULL into a non-optional, or
// reading text that does not parse as the requested type is a programming error: it throws
// RowAccessError, which the HTTP layer turns into a 500.
#pragma once

#include <libpq-fe.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace mobility::db {

class RowAccessError : public std::logic_error {
 public:
  using std::logic_error::logic_error;
};

class Row {
 public:
  Row(std::shared_ptr<PGresult> result, int row) : result_(std::move(result)), row_(row) {}

  template <typename T>
  T get(std::string_view column) const {
    return get<T>(column_index(column));
  }
  template <typename T>
  T get(int column) const;

  bool is_null(std::string_view column) const { return is_null(column_index(column)); }
  bool is_null(int column) const;

 private:
  int column_index(std::string_view column) const;
  std::string_view text(int column) const;
  std::string describe(int column) const;

  std::shared_ptr<PGresult> result_;
  int row_;
};

class Rows {
 public:
  class Iterator {
   public:
    Iterator(const Rows* rows, int index) : rows_(rows), index_(index) {}
    Row operator*() const { return (*rows_)[index_]; }
    Iterator& operator++() {
      ++index_;
      return *this;
    }
    bool operator!=(const Iterator& other) const { return index_ != other.index_; }

   private:
    const Rows* rows_;
    int index_;
  };

  explicit Rows(PGresult* result) : result_(result, PQclear) {}

  int size() const { return PQntuples(result_.get()); }
  bool empty() const { return size() == 0; }
  // Rows changed by INSERT, UPDATE, DELETE (0 for other statements).
  int64_t affected() const;
  Row operator[](int row) const { return Row(result_, row); }
  Row front() const { return (*this)[0]; }
  Iterator begin() const { return {this, 0}; }
  Iterator end() const { return {this, size()}; }

 private:
  std::shared_ptr<PGresult> result_;
};

template <>
std::string Row::get<std::string>(int column) const;
template <>
int64_t Row::get<int64_t>(int column) const;
template <>
int Row::get<int>(int column) const;
template <>
bool Row::get<bool>(int column) const;
template <>
double Row::get<double>(int column) const;
template <>
std::optional<std::string> Row::get<std::optional<std::string>>(int column) const;
template <>
std::optional<int64_t> Row::get<std::optional<int64_t>>(int column) const;
template <>
std::optional<int> Row::get<std::optional<int>>(int column) const;
template <>
std::optional<bool> Row::get<std::optional<bool>>(int column) const;
template <>
std::optional<double> Row::get<std::optional<double>>(int column) const;

}  // namespace mobility::db
