// The factsheet editor's form: its fields (named by the paths of agreements/factsheet_rules.hpp),
// the form values of a stored factsheet, and the factsheet a submitted form describes. Website
// addresses are typed one a line, optionally followed by a language code ("https://… en").
#pragma once

#include <kainjow/mustache.hpp>

#include "db/factsheets.hpp"
#include "portal/web/form_view.hpp"

namespace mobility::portal {

FormValues factsheet_values(const db::Factsheet& factsheet);

// The submitted values with the lists compacted (form_view.hpp).
FormValues compacted_factsheet_values(const FormValues& submitted);

db::Factsheet factsheet_from_values(const std::string& hei_id, const FormValues& values);

// The form's sections and rows for templates/factsheet_editor.mustache.
kainjow::mustache::data factsheet_form_view(const FormView& view);

}  // namespace mobility::portal
