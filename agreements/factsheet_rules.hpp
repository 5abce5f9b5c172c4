// What makes a Mobility Factsheet acceptable before it is saved: the rules of the EWP Factsheet
// API v1.2 (and of db/migrations/0007_factsheet.sql) an admin can break in the editor, named by
// field (agreements/field_checks.hpp), plus the factsheet's JSON form for field-by-field diffs.
//
// Field paths: "student_nominations.autumn_term", "decision_weeks_limit",
// "housing_info.email", "accessibility[0].information.website_urls", "additional_requirements[1].name".
#pragma once

#include <nlohmann/json.hpp>

#include <vector>

#include "agreements/field_checks.hpp"
#include "db/factsheets.hpp"

namespace mobility::agreements {

// Every problem, in the order of the fields; empty when the factsheet may be saved.
std::vector<FieldProblem> check_factsheet(const db::Factsheet& factsheet);

// The factsheet as a JSON document with the field paths above (agreements/version_diff.hpp).
nlohmann::json factsheet_to_json(const db::Factsheet& factsheet);

}  // namespace mobility::agreements
