// GET /my-stay: an incoming student's exchange with us, for the signed-in account the nominations
// are linked to (an invitation, mobilities/incoming_invitations.hpp, or a sign-in by ESI): for each
// nomination the partner's data as last fetched, its status, our actual dates, and the courses
// the learning agreement lists (its latest approved version, else the proposal). The page shows
// only the visitor's own linked nominations, so no other rule is needed; signed out, the login
// page.
#pragma once

#include "portal/web/site.hpp"

namespace mobility::portal::mobility_pages {

http::Response incoming_stay(PageRequest& page);

}  // namespace mobility::portal::mobility_pages
