// The facts of the stay that a learning agreement names besides its courses, as the student gives
// them with the agreement's draft (student_pages.hpp): the planned arrival and departure, the
// language of the studies abroad with the student's level in it, and the responsible person at the
// receiving institution. A mobility nominated from an application has none of them, and the
// receiving HEI cannot be sent an agreement without them (missing_for_learning_agreement in
// mobilities/la_rules.hpp). Fields: "planned_arrival", "planned_departure" (YYYY-MM-DD or YYYY-MM),
// "language" (a code such as de), "cefr_level" (A1 … C2, or NS for a native speaker),
// "receiving_given_names", "receiving_family_name", "receiving_email".
#pragma once

#include <map>
#include <string>
#include <variant>
#include <vector>

#include <kainjow/mustache.hpp>

#include "http/message.hpp"
#include "mobilities/mobility.hpp"
#include "portal/web/messages.hpp"

namespace mobility::portal::mobility_pages {

using StayFields = std::map<std::string, std::string>;
using StayFieldErrors = std::map<std::string, std::string>;  // field → message key

// The fields showing `mobility`'s facts.
StayFields stay_fields_of(const mobilities::Mobility& mobility);

// The posted fields over `mobility`'s: a field the form does not carry keeps what is stored (one
// posted blank unsets it).
StayFields stay_fields_of(const http::HeaderList& form, const mobilities::Mobility& mobility);

// `mobility` with the facts the fields give, a fact whose fields are blank left unset (a draft may
// be incomplete); or the fields' errors: a date that is not one, a departure before the arrival, a
// language without a level or a level without a language, a language that is not a code, a person
// without both names or with an e-mail address that is not one, text too long, not clean or with
// markup.
std::variant<mobilities::Mobility, StayFieldErrors> with_stay_facts(mobilities::Mobility mobility, const StayFields& fields);

// The form's data for templates/partials/stay_form.mustache: each field with its label, value and
// error (text_field), the level as a select.
kainjow::mustache::data stay_form_view(const StayFields& fields, const StayFieldErrors& errors, const Messages& messages);

// What missing_for_learning_agreement names, in words of `messages` (the planned arrival, the
// language and level, …), one item each.
std::vector<std::string> missing_stay_facts(const std::vector<std::string>& missing, const Messages& messages);

}  // namespace mobility::portal::mobility_pages
