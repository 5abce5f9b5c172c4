// The factsheet editor of international-office admins (Action::kEditFactsheet):
//   GET  /admin/factsheet                       the current factsheet of the admin's HEI in a form, and its versions
//   POST /admin/factsheet                       a new version (db::save_factsheet), checked first with
//                                               agreements/factsheet_rules.hpp; when someone saved meanwhile
//                                               (a stale edit) the form comes back (409) with what was typed,
//                                               says so, and links the two versions' comparison
//   GET  /admin/factsheet/compare?from=N&to=M   two versions field by field
#pragma once

#include "http/router.hpp"
#include "portal/web/site.hpp"

namespace mobility::portal {

// The site must outlive the router.
void add_factsheet_pages(http::Router& router, const Site& site);

}  // namespace mobility::portal
