// The courses at a partner that were approved for our earlier students (db::approved_mappings), as
// the destination page and the pre-approval pages list them, searched by a query parameter.
#pragma once

#include <kainjow/mustache.hpp>
#include <optional>
#include <string>

#include "portal/web/site.hpp"

namespace mobility::portal {

// "IN3230 Nettverk", or whichever of code and title is given.
std::string course_text(const std::optional<std::string>& code, const std::optional<std::string>& title);

// {search, rows: [{host, host_credits, term, home, home_credits, year}], has_rows}: at most 100, newest
// first, narrowed by the query parameter `search_parameter` (ignored when over 100 bytes or not
// clean text).
Result<kainjow::mustache::data> approved_courses_view(const PageRequest& page, const std::string& hei_id,
                                                      const std::string& partner_hei_id, const char* search_parameter);

}  // namespace mobility::portal
