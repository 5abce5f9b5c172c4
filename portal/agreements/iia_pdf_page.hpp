// GET /agreements/{iia_id}.pdf: the current version of our copy with both approvals, as a PDF
// download (iia_pdf.hpp), for exactly the staff who may open the agreement's page
// (find_agreement in staff_scope.hpp decides: signed out the login page, another HEI's or an
// unknown id 404, outside the visitor's units 403). Fonts missing or libharu failing: the logged
// 503 page.
#pragma once

#include <string>

#include "portal/web/site.hpp"

namespace mobility::agreements::pages {

http::Response agreement_pdf(portal::PageRequest& page, const std::string& iia_id);

}  // namespace mobility::agreements::pages
