// Editor forms described as data: a form's fields (FieldSpec), the values a person typed or a
// stored document gave (FormValues, by field name), and their view for the form_field partial
// (label, input, the error next to it). Lists of rows ("study_places[0].places") are written
// without JavaScript: the rows there are plus blank ones; a row left blank is dropped, and
// compact_rows() renumbers the rest so that the problems of agreements/field_checks.hpp, named by
// the same paths, land next to the right field when the form comes back.
#pragma once

#include <kainjow/mustache.hpp>

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "agreements/field_checks.hpp"
#include "agreements/version_diff.hpp"
#include "http/message.hpp"
#include "portal/web/messages.hpp"

namespace mobility::portal {

enum class FieldKind { kText, kTextArea, kSelect };

struct FieldSpec {
  std::string name;       // "city"; in a list, the name within a row: "places"
  std::string label_key;  // message key of the label
  FieldKind kind = FieldKind::kText;
  std::vector<std::pair<std::string, std::string>> options = {};  // a select's (value, label key)
  std::string hint_key = "";                                      // message key of a hint shown under the label
};

using FormValues = std::map<std::string, std::string>;

// "study_places[2].places"
std::string row_field(const std::string& list, size_t row, const std::string& name);

// The fields of a submitted form (the posted names and values).
FormValues values_of_form(const http::HeaderList& form);

// The rows of `list` that have a non-blank value, renumbered from 0 in their order; other values
// are kept. At most `max_rows` rows are read.
FormValues compact_rows(const FormValues& values, const std::string& list, const std::vector<FieldSpec>& row_fields,
                        size_t max_rows);

// How many rows of `list` the values hold (the first row index with no value of `row_fields`).
size_t row_count(const FormValues& values, const std::string& list, const std::vector<FieldSpec>& row_fields);

// {value, label, selected} for each (value, label key) of a select, `chosen` selected, for the
// option partial.
kainjow::mustache::data option_items(const std::vector<std::pair<std::string, std::string>>& options, const std::string& chosen,
                                     const Messages& messages);

// A whole decimal number, or 0 for anything else (the rules then refuse it where 0 is wrong).
int number_or_zero(std::string_view text);

// "" when absent.
std::string value_of(const FormValues& values, const std::string& name);

class FormView {
 public:
  FormView(const FormValues& values, const std::vector<agreements::FieldProblem>& problems, const Messages& messages)
      : values_(values), problems_(problems), messages_(messages) {}

  // The data of the form_field partial for the field `name`.
  kainjow::mustache::data field(const std::string& name, const FieldSpec& spec) const;
  // Every field of `specs`, as a list.
  kainjow::mustache::data fields(const std::vector<FieldSpec>& specs) const;
  // The rows of `list` (row_count of them, plus `blank_rows`), each {number, fields}.
  kainjow::mustache::data rows(const std::string& list, const std::vector<FieldSpec>& row_fields, size_t blank_rows) const;
  // A message of the page's language.
  std::string text(const std::string& key) const { return messages_.text(key); }
  // true when any field has a problem.
  bool has_problems() const { return !problems_.empty(); }

 private:
  const FormValues& values_;
  const std::vector<agreements::FieldProblem>& problems_;
  const Messages& messages_;
};

// The rows of a field-by-field comparison: {field, before, after}; absent and empty values are
// false, and a difference between the two is no row.
kainjow::mustache::data differences_view(const std::vector<agreements::FieldDifference>& differences);

}  // namespace mobility::portal
