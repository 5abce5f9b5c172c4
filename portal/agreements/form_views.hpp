// Mustache data for the controls of the agreement forms, so every template shows a field the
// same accessible way: a select's options with the chosen one marked, and a text field with its
// label, typed value and error (templates/partials/text_field.mustache, field_error.mustache).
#pragma once

#include <kainjow/mustache.hpp>

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "agreements/iia.hpp"
#include "portal/web/messages.hpp"

namespace mobility::agreements::pages {

using Options = std::vector<std::pair<std::string, std::string>>;  // (value, label)

// {value, label, selected} for each option.
kainjow::mustache::data option_list(const Options& options, const std::string& chosen);

// Field id → message key of its error.
using FieldErrors = std::map<std::string, std::string>;

// {id, label, value, multiline, error?, invalid}: `error` only when there is one; a value that is
// not clean UTF-8 is shown empty.
kainjow::mustache::data text_field(const std::string& id, const std::string& label_key, const std::string& value,
                                   const FieldErrors& errors, const portal::Messages& messages, bool multiline = false);

// The error of a field (for a select or a checkbox group): {id, error?}.
kainjow::mustache::data field_error(const std::string& id, const FieldErrors& errors, const portal::Messages& messages);

// "agreements_type_student_studies": the message key of a mobility type.
std::string mobility_type_key(MobilityType type);

}  // namespace mobility::agreements::pages
