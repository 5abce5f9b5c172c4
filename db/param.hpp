// Param: one value bound to a $N placeholder. Values always travel as parameters, never
// spliced into SQL text, so hostile strings are just data.
//
//   conn.exec("SELECT name FROM hei_name WHERE hei_id = $1 AND lang = $2", {hei_id, "en"});
#pragma once

#include <concepts>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mobility::db {

class Param {
 public:
  Param(std::nullopt_t) {}                                    // NOLINT: SQL NULL
  Param(const char* text) : text_(text) {}                    // NOLINT
  Param(std::string text) : text_(std::move(text)) {}         // NOLINT
  Param(std::string_view text) : text_(std::string(text)) {}  // NOLINT
  template <std::integral T>
  Param(T number) {  // NOLINT
    if constexpr (std::same_as<T, bool>) {
      text_ = number ? "true" : "false";
    } else {
      text_ = std::to_string(number);
    }
  }
  Param(double number);  // NOLINT: written with full precision
  template <typename T>
  Param(const std::optional<T>& value) {  // NOLINT: NULL when empty
    if (value) *this = Param(*value);
  }

  bool is_null() const { return !text_.has_value(); }
  // Precondition: !is_null().
  const std::string& text() const { return *text_; }

 private:
  std::optional<std::string> text_;
};

using Params = std::vector<Param>;

// A PostgreSQL array literal ({"a","b"}) of `values`, every element quoted and escaped, for a
// parameter cast to text[] in SQL (`unnest($1::text[])`): one statement for many values.
Param text_array(const std::vector<std::string>& values);
// The same for numbers, for a parameter cast to float8[].
Param number_array(const std::vector<double>& values);

}  // namespace mobility::db
