// Setting a new password with a one-time link (`mobility users reset-link`, or by mail):
//   GET  /forgot-password         asks for the account's e-mail address
//   POST /forgot-password         queues a mail with a link valid for 24 hours (db/mail_outbox.hpp),
//                                 at most one per account per 15 minutes; the answer is the same
//                                 whether or not the address has an account. Without mail
//                                 (`mail_enabled` false) the page says to ask the international office.
//   GET  /reset-password?token=…  the form, or why the link cannot be used
//   POST /reset-password          checks both fields, uses the token up, stores the new password,
//                                 ends every session of the account, and audits it; all at once
#pragma once

#include "http/router.hpp"
#include "portal/web/site.hpp"

namespace mobility::portal {

// The site must outlive the router.
void add_password_reset_page(http::Router& router, const Site& site, bool mail_enabled);

}  // namespace mobility::portal
