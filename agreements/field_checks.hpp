// What a person can get wrong in a form field, named by field, for the rules of the agreement
// information and the factsheet: each problem carries the field (the path of
// agreements/version_diff.hpp, which is also the form's field id) and a message key of the page
// catalogues (templates/messages).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace mobility::agreements {

struct FieldProblem {
  std::string field;        // "study_places[0].places"
  std::string message_key;  // "field_required"
  bool operator==(const FieldProblem&) const = default;
};

// Collects the problems of one document, at most one per field (the first found).
class FieldChecks {
 public:
  void require(bool ok, const std::string& field, const char* message_key);
  // Clean UTF-8 (base/text.hpp), at most `max_length` bytes, and not empty when `required`.
  void text(const std::string& field, std::string_view value, size_t max_length, bool required);
  // The same on one line (base/text.hpp is_single_line): no line break, NUL or bidi control.
  void line(const std::string& field, std::string_view value, size_t max_length, bool required);
  // "" when not `required`, else a day of the year: "MM-DD" (02-29 allowed).
  void month_day(const std::string& field, const std::string& value, bool required);
  // An http:// or https:// address without blanks, at most 2048 bytes.
  void url(const std::string& field, const std::string& value);
  // A number within [low, high] (the forms read unparsable numbers as 0).
  void number(const std::string& field, int value, int low, int high, const char* message_key);

  std::vector<FieldProblem> take() { return std::move(problems_); }

 private:
  bool has_problem(const std::string& field) const;
  std::vector<FieldProblem> problems_;
};

// The problem of `field`, or nullptr.
const FieldProblem* problem_of(const std::vector<FieldProblem>& problems, std::string_view field);

}  // namespace mobility::agreements
