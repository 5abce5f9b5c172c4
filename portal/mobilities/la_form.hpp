// The learning-agreement editor's form (long-term mobilities: tables A and B) as field values, and
// the version made from them. Rows are "a{N}_code", "a{N}_title", "a{N}_credits", "a{N}_term"
// ("1/2": first of two terms) for components studied abroad, "b{N}_…" with "b{N}_conditions" for
// those recognised at home; a changes proposal (after the first version) adds "…_change"
// (inserted / deleted) and "…_reason" (the spec's reason codes). A row left blank is dropped.
// A component with a Courses API id (a course picked from the host's catalogue) also has hidden
// "…_los_id", "…_loi_id" and "…_los_for" (the code the ids belong to): the ids stay with the row
// while its code is the one they were given for, and are dropped when the code is changed.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <variant>

#include <kainjow/mustache.hpp>

#include "http/message.hpp"
#include "mobilities/learning_agreement.hpp"
#include "portal/web/messages.hpp"

namespace mobility::portal::mobility_pages {

inline constexpr size_t kMaxLaRows = 40;   // per table
inline constexpr size_t kBlankLaRows = 3;  // offered below the filled ones
inline constexpr size_t kMaxField = 500;   // bytes of one typed value

using LaFields = std::map<std::string, std::string>;
using LaFieldErrors = std::map<std::string, std::string>;  // field → message key

// The message key of what is wrong with one typed value of the editor's forms: longer than
// kMaxField, not clean UTF-8, or markup (< or >); nullopt when nothing is.
std::optional<std::string> text_problem(const std::string& text);

// The posted fields of the editor.
LaFields la_fields_of(const http::HeaderList& form);

// The fields showing `version`.
LaFields la_fields_of(const mobilities::LaVersion& version);

// The version the fields describe, or the errors of the fields (message keys): too long, not clean
// text, markup, a row without a title, credits that are not a number such as 7.5, a term not
// like 1/2, a change or reason that is not offered. `is_change` reads the change columns.
std::variant<mobilities::LaVersion, LaFieldErrors> la_version_of(const LaFields& fields, bool is_change);

// How many rows of table `prefix` ("a", "b") the fields hold.
size_t la_row_count(const LaFields& fields, const std::string& prefix);

// Whether a filled row of table `prefix` has `component`'s code and title.
bool has_la_row(const LaFields& fields, const std::string& prefix, const mobilities::Component& component);

// Adds `component` as the row after the last filled one of table `prefix`, unless has_la_row (a
// second click adds nothing).
void add_la_row(LaFields& fields, const std::string& prefix, const mobilities::Component& component);

// The editor's data for templates/partials/la_editor.mustache: both tables with their filled rows
// and kBlankLaRows blank ones, each cell with its value and error, and the change columns when
// `is_change`.
kainjow::mustache::data la_editor_view(const LaFields& fields, const LaFieldErrors& errors, bool is_change,
                                       const Messages& messages);

}  // namespace mobility::portal::mobility_pages
