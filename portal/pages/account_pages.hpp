// Signing in and out, and the language switch:
//   GET  /login     the login form (signed in: straight to the start page)
//   POST /login     checks the form, signs in, and sends the person to their role's start page
//   POST /logout    ends this session, or every session of the account with everywhere=1; a
//                   session that began at an OpenID provider then goes on to the provider's
//                   logout (RP-initiated logout), when the provider offers one
//   POST /language  remembers the chosen language (cookie, and the account's language)
#pragma once

#include <string>

#include "http/router.hpp"
#include "portal/accounts/oidc/oidc_sign_in.hpp"
#include "portal/web/site.hpp"

namespace mobility::portal {

// The site (and `oidc`, when given) must outlive the router. Without `oidc` the login page offers
// passwords only; with it, also a button per configured OpenID provider (none configured: none).
void add_account_pages(http::Router& router, const Site& site, oidc::OidcSignIn* oidc = nullptr);

// The login page with `status` and the message `form_error_key` above the form ("" for none), and
// the provider buttons when `with_providers`.
http::Response login_page(const PageRequest& page, int status, const std::string& form_error_key, bool with_providers);

}  // namespace mobility::portal
