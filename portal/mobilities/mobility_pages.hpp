// The coordinators' mobility pages (docs/pages.md), for staff who handle students' exchanges
// (Action::kViewStudent, see mobility_access.hpp):
//   GET  /mobilities                                      outgoing and incoming mobilities
//   GET  /coordinator/queue                               what waits for the visitor (queue_page.hpp)
//   GET  /mobilities/outgoing/{omobility_id}              ours: nomination, agreement versions,
//                                                         history; ?from=&to= compares versions
//   POST /mobilities/outgoing/{omobility_id}/cancel       reason
//   GET  /mobilities/incoming/{sending_hei_id}/{omobility_id}  a partner's, as last fetched
//   POST .../nomination   decision=approve|reject, comment
//   POST .../la           decision=approve|comment, comment, signer_position
//   POST .../dates        arrival, departure (YYYY-MM-DD)
//   GET  .../la/{version or part}.pdf  a learning agreement as PDF (la_pdf_pages.hpp), also below
//                                      /my-exchange/mobilities/{omobility_id}
// Decisions on a partner's data travel through the outbox (mobilities/incoming_mobilities.hpp);
// the page says where each stands, and a partner's 409 (it changed the proposal meanwhile) is
// shown as a notice beside the newly fetched version, never as an error page.
#pragma once

#include "http/router.hpp"
#include "portal/web/site.hpp"

namespace mobility::portal::mobility_pages {

void add_mobility_pages(http::Router& router, const Site& site);

}  // namespace mobility::portal::mobility_pages
