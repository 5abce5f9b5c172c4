// The students' destination pages (Action::kViewDestinations: students, coordinators and admins
// of the HEI), showing only published per-agreement information:
//   GET /destinations?country=FR&city=…&subject=…   the partners with published information, searched
//   GET /destinations/{partner_hei_id}              one partner: name, city and country, the information,
//                                                   the partner's factsheet when we hold it, the
//                                                   host's courses our coordinators keep (searched with
//                                                   ?course_search=…&course_term=autumn|spring) and
//                                                   the courses approved for earlier students
#pragma once

#include "http/router.hpp"
#include "portal/web/site.hpp"

namespace mobility::portal {

// The site must outlive the router.
void add_destination_pages(http::Router& router, const Site& site);

}  // namespace mobility::portal
