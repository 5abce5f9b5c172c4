// Importing a destination's host courses from CSV (a spreadsheet a partner sent, or our own
// export), previewed before anything is stored: every row's problems are shown, and the rows are
// stored only when no row has one, all in one transaction, each with its host_course_added audit
// event (host_courses.hpp).
//
// The first row names the columns: los_code, title, ects_credits, term (required), language,
// eqf_level, isced_f_code, url (optional), in any order; credits may be written "7,5".
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "agreements/host_courses.hpp"

namespace mobility::agreements {

struct ImportRow {
  int line = 0;  // of the CSV text, from 1
  db::HostCourseFields fields;
  std::vector<FieldProblem> problems;  // check_host_course's, host_course_code_taken, host_course_code_twice
};

struct ImportPreview {
  std::vector<std::string> text_problems;  // message keys about the text as a whole
  std::vector<std::string> unknown_columns;
  std::vector<ImportRow> rows;
  bool ok() const;  // nothing to refuse: the rows may be stored
};

// The preview of `csv` for the destination's list. kNotFound when the partner is not one of the
// HEI's destinations.
Result<ImportPreview> preview_host_course_import(db::Connection& connection, const DestinationKey& key, std::string_view csv);

// Stores the rows when the preview is ok(), else nothing; returns the preview either way (with
// host_course_import_meanwhile when a course with one of the codes was added meanwhile).
Result<ImportPreview> import_host_courses(db::Connection& connection, const DestinationKey& key, std::string_view csv,
                                          const Editor& editor);

}  // namespace mobility::agreements
