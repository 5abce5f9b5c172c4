// GET /accessibility: the accessibility statement Norwegian law asks of public universities'
// web solutions (forskrift om universell utforming av IKT-løsninger), public and in the visitor's
// language: what it covers, the standard (WCAG 2.1 AA), the known limitations, how to report a
// problem (to `contact_email`, the node's published contact, or the visitor's institution), the
// supervising authority and the statement's date. Linked from every page's footer.
#pragma once

#include <string>

#include "http/router.hpp"
#include "portal/web/site.hpp"

namespace mobility::portal {

// The date the statement was last reviewed (YYYY-MM-DD); change it with the statement's texts.
inline constexpr const char* kAccessibilityStatementDate = "2026-12-07";

// The site must outlive the router.
void add_accessibility_page(http::Router& router, const Site& site, std::string contact_email);

}  // namespace mobility::portal
