// Signing in and out, and the language switch:
//   GET  /login     the login form (signed in: straight to the start page)
//   POST /login     checks the form, signs in, and sends the person to their role's start page
//   POST /logout    ends this session, or every session of the account with everywhere=1
//   POST /language  remembers the chosen language (cookie, and the account's language)
#pragma once

#include "http/router.hpp"
#include "portal/web/site.hpp"

namespace mobility::portal {

// The site must outlive the router.
void add_account_pages(http::Router& router, const Site& site);

}  // namespace mobility::portal
