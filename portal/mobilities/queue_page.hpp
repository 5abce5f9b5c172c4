// GET /coordinator/queue?unit=&year=: what waits for the visitor, one click from each decision:
// learning agreements our students signed and we have not (→ the outgoing page's signature form),
// partners' nominations to decide and partners' learning agreements to approve or comment (→ the
// incoming page's forms); oldest first. Only what the visitor may see (Action::kViewStudent on the
// mobility's unit, as everywhere); `unit` narrows to one of our units (and those below it),
// `year` to a receiving academic year ("2026/2027"). A bad filter value is named on the page
// and ignored. Staff without a hosted HEI get 403; signed out, the login page.
#pragma once

#include "portal/web/site.hpp"

namespace mobility::portal::mobility_pages {

http::Response work_queue(PageRequest& page);

}  // namespace mobility::portal::mobility_pages
