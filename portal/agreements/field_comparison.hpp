// Two stored agreement documents (two versions, or our copy and the partner's) as the rows of a
// comparison table: each field's path in words of the page's language ("Cooperation condition 1
// › Subject area 2 › ISCED-F code", message keys iia_field_<name>), both values, and whether they
// differ. Rendered by templates/partials/comparison_table.mustache.
#pragma once

#include <kainjow/mustache.hpp>
#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

#include "portal/web/messages.hpp"

namespace mobility::agreements::pages {

std::string field_label(std::string_view path, const portal::Messages& messages);

// The table's data: "rows" ({label, left, right, differs}), "has_rows", and both headings.
// With `only_differences`, equal fields are left out.
kainjow::mustache::data comparison_table(const nlohmann::json& left, const nlohmann::json& right, bool only_differences,
                                         const std::string& left_heading, const std::string& right_heading,
                                         const portal::Messages& messages);

}  // namespace mobility::agreements::pages
