// The coordinators' pages for per-agreement information (editors: coordinators and
// international-office admins of the HEI, Action::kEditAgreementInformation):
//   GET  /coordinator/destinations                          every partner and the state of its information
//   GET  /coordinator/destinations/edit?partner_hei_id=…    the editor: the open draft (or a new one from
//                                                           the published version), the review comment,
//                                                           the versions
//   POST /coordinator/destinations/save                     a new draft version (agreements/information_desk.hpp)
//   POST /coordinator/destinations/submit                   the draft goes to review
//   GET  /coordinator/destinations/compare?partner_hei_id=…&from=N&to=M   two versions field by field
// A refused step shows the editor again with what was typed and why (400 for fields, 409 for the
// workflow), having stored nothing.
#pragma once

#include "http/router.hpp"
#include "portal/web/site.hpp"

namespace mobility::portal {

// The site must outlive the router.
void add_information_pages(http::Router& router, const Site& site);

}  // namespace mobility::portal
