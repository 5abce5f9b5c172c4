// The editor form of per-agreement information: its fields, the form values of a stored
// document, and the document a submitted form describes (the lists' blank rows dropped).
#pragma once

#include <kainjow/mustache.hpp>

#include "agreements/agreement_information.hpp"
#include "portal/web/form_view.hpp"

namespace mobility::portal {

FormValues information_values(const agreements::AgreementInformation& information);

// The submitted values with the lists compacted (form_view.hpp), ready for parse and view alike.
FormValues compacted_information_values(const FormValues& submitted);

// Numbers that do not parse read as 0, which the rules refuse.
agreements::AgreementInformation information_from_values(const FormValues& values);

// The form's fields and rows for templates/partials/information_fields.mustache.
kainjow::mustache::data information_form_view(const FormView& view);

}  // namespace mobility::portal
