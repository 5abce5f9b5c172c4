#include "agreements/field_checks.hpp"

#include <algorithm>

#include "base/pattern.hpp"
#include "base/text.hpp"

namespace mobility::agreements {
namespace {

constexpr size_t kMaxUrl = 2048;

bool is_month_day(const std::string& value) {
  if (!matches(value, "(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])")) return false;
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return std::stoi(value.substr(3)) <= kDays[std::stoi(value.substr(0, 2)) - 1];
}

}  // namespace

bool FieldChecks::has_problem(const std::string& field) const { return problem_of(problems_, field) != nullptr; }

void FieldChecks::require(bool ok, const std::string& field, const char* message_key) {
  if (!ok && !has_problem(field)) problems_.push_back({field, message_key});
}

void FieldChecks::text(const std::string& field, std::string_view value, size_t max_length, bool required) {
  require(!required || !trim_blanks(value).empty(), field, "field_required");
  require(value.size() <= max_length, field, "field_too_long");
  require(is_clean_utf8(value), field, "field_invalid_text");
}

void FieldChecks::line(const std::string& field, std::string_view value, size_t max_length, bool required) {
  text(field, value, max_length, required);
  require(is_single_line(value), field, "field_invalid_line");
}

void FieldChecks::month_day(const std::string& field, const std::string& value, bool required) {
  if (value.empty() && !required) return;
  require(!value.empty(), field, "field_required");
  require(is_month_day(value), field, "field_error_month_day");
}

void FieldChecks::url(const std::string& field, const std::string& value) {
  require(!value.empty(), field, "field_required");
  require(value.size() <= kMaxUrl && matches(value, "https?://[^\\s]+"), field, "field_error_url");
}

void FieldChecks::number(const std::string& field, int value, int low, int high, const char* message_key) {
  require(value >= low && value <= high, field, message_key);
}

const FieldProblem* problem_of(const std::vector<FieldProblem>& problems, std::string_view field) {
  auto found =
      std::find_if(problems.begin(), problems.end(), [&](const FieldProblem& problem) { return problem.field == field; });
  return found == problems.end() ? nullptr : &*found;
}

}  // namespace mobility::agreements
