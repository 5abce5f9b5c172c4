// The agreement-process tool's pages (docs/pages.md), for coordinators and international-office
// admins of a hosted HEI:
//   GET  /agreements                       the list, with search and filters
//   GET  /agreements/new, POST             a new draft
//   GET  /agreements/{iia_id}              our copy beside the partner's, approvals, actions
//   GET  /agreements/{iia_id}/edit, POST   a new version of the content
//   GET  /agreements/{iia_id}/history      every version, and the differences of any two
//   GET  /agreements/{iia_id}.pdf          the current version with both approvals as PDF
//   POST /agreements/{iia_id}/share | approve | terminate | delete
// Access: Action::kHandleAgreements on the agreement's HEI and unit; approving needs
// kApproveAgreement. Every change goes through IiaBook (a version and an audit event) and
// answers 303 back to the agreement with a confirmation.
#pragma once

#include "agreements/iia_book.hpp"
#include "http/router.hpp"
#include "portal/web/site.hpp"

namespace mobility::agreements::pages {

// The site and the book must outlive the router.
void add_agreement_pages(http::Router& router, const portal::Site& site, const IiaBook& book);

}  // namespace mobility::agreements::pages
