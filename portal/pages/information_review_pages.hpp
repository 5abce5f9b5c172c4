// The international-office admins' review of per-agreement information
// (Action::kReviewAgreementInformation):
//   GET  /admin/information-review                              the versions waiting for review
//   GET  /admin/information-review/item?partner_hei_id=…        one of them as students would see it, and
//                                                               field by field against the published version
//   POST /admin/information-review/approve                      published; the version before is superseded
//   POST /admin/information-review/return                       back to draft with a comment
// Steps run through agreements/information_desk.hpp: audited, or refused (409) storing nothing.
#pragma once

#include "http/router.hpp"
#include "portal/web/site.hpp"

namespace mobility::portal {

// The site must outlive the router.
void add_information_review_pages(http::Router& router, const Site& site);

}  // namespace mobility::portal
