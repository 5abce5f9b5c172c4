// Sign-in with OpenID Connect (portal/accounts/oidc/oidc_sign_in.hpp):
//   GET /login/oidc/{provider_id}  starts a sign-in: sets the attempt cookie and sends the
//                                  browser to the provider
//   GET /login/oidc/callback       where the provider sends the browser back: signs in and goes
//                                  to the role's start page
// Every refusal is the login page with a message saying what happened (and the password form,
// which keeps working while a provider is down), with 400, 403, 404 or 503.
#pragma once

#include "http/router.hpp"
#include "portal/accounts/oidc/oidc_sign_in.hpp"
#include "portal/web/site.hpp"

namespace mobility::portal {

// The site and `oidc` must outlive the router.
void add_oidc_pages(http::Router& router, const Site& site, oidc::OidcSignIn& oidc);

}  // namespace mobility::portal
