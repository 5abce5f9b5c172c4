// Learning agreements as PDF downloads, for exactly those who may see the agreement's page
// (mobility_access.hpp decides; nothing here adds a rule of its own):
//   GET /mobilities/outgoing/{omobility_id}/la/{version}.pdf   staff of the sending side: any stored version
//   GET /my-exchange/mobilities/{omobility_id}/la/{version}.pdf   the student the mobility names
//   GET /mobilities/incoming/{sending_hei_id}/{omobility_id}/la/{part}.pdf   our receiving staff:
//       the sending HEI's agreement as last fetched, part = first_version, approved_changes or
//       changes_proposal
// Signed out: the login page; not allowed: as the page answers (403 or 404); an unknown version
// or part: 404; fonts missing or libharu failing: the logged 503 page.
#pragma once

#include <string>

#include "portal/web/site.hpp"

namespace mobility::portal::mobility_pages {

// `file` is the last path segment: "3.pdf", "changes_proposal.pdf".
http::Response outgoing_la_pdf(PageRequest& page, const std::string& omobility_id, const std::string& file);
http::Response own_la_pdf(PageRequest& page, const std::string& omobility_id, const std::string& file);
http::Response incoming_la_pdf(PageRequest& page, const std::string& sending_hei_id, const std::string& omobility_id,
                               const std::string& file);

}  // namespace mobility::portal::mobility_pages
