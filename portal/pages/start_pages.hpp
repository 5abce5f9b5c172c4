// The start page of each role, where a login lands (authorization.hpp's start_path()):
//   /my-exchange   a student's own exchange
//   /coordinator   the students a coordinator handles, and the way to their agreements
//   /admin         the accounts and the audit log of the admin's HEI
//   /operator      the node's status
// Signed out, each sends the visitor to /login; signed in without the role, it answers 403.
#pragma once

#include "http/router.hpp"
#include "portal/web/site.hpp"

namespace mobility::portal {

// The site must outlive the router.
void add_start_pages(http::Router& router, const Site& site);

}  // namespace mobility::portal
