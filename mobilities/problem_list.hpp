// ProblemList: collects a form's or a document's RuleProblems field by field, for the rule files
// of this folder (mobility_rules.hpp, applications.hpp, course_preapprovals.hpp).
#pragma once

#include <string>
#include <vector>

#include "base/pattern.hpp"
#include "base/text.hpp"
#include "mobilities/mobility_rules.hpp"

namespace mobility::mobilities {

constexpr size_t kMaxNameLength = 255;

class ProblemList {
 public:
  void add(const std::string& field, const std::string& text) { list_.push_back({field, text}); }
  void require(bool ok, const std::string& field, const std::string& text) {
    if (!ok) add(field, text);
  }
  // Clean UTF-8 on one line, 1 to `max_length` bytes.
  void line(const std::string& field, const std::string& value, size_t max_length = kMaxNameLength) {
    if (value.empty()) {
      add(field, "is required");
    } else if (value.size() > max_length) {
      add(field, "is longer than " + std::to_string(max_length) + " bytes");
    } else if (!is_single_line(value)) {
      add(field, "must be one line of text");
    }
  }
  void pattern(const std::string& field, const std::string& value, const char* pattern, size_t max_length,
               const std::string& example) {
    if (value.size() > max_length || !matches(value, pattern)) {
      add(field, "'" + excerpt(value, 40) + "' is not " + example);
    }
  }
  std::vector<RuleProblem> take() { return std::move(list_); }

 private:
  std::vector<RuleProblem> list_;
};

}  // namespace mobility::mobilities
