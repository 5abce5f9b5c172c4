// Setting a new password with a one-time link (`mobility users reset-link`, later mail):
//   GET  /reset-password?token=…  the form, or why the link cannot be used
//   POST /reset-password          checks both fields, uses the token up, stores the new password,
//                                 ends every session of the account, and audits it; all at once
#pragma once

#include "http/router.hpp"
#include "portal/web/site.hpp"

namespace mobility::portal {

// The site must outlive the router.
void add_password_reset_page(http::Router& router, const Site& site);

}  // namespace mobility::portal
