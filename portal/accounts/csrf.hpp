// Protection against cross-site request forgery: every state-changing form carries a hidden
// `csrf` field, and a POST whose field does not match is refused (403) before anything changes.
//
// Signed in, the token is the session's own. Signed out (the login form, the language switch),
// it is a random value in a cookie of its own that the form repeats ("double submit"): another
// site can make the browser send the cookie but cannot read it to fill the field.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "http/message.hpp"
#include "portal/accounts/sessions.hpp"

namespace mobility::portal {

struct CsrfToken {
  std::string value;                      // for the forms' hidden field
  std::optional<std::string> set_cookie;  // a Set-Cookie value to send when the token is new
};

// The token for the forms of a page answering `request`.
CsrfToken csrf_token_for(const http::Request& request, const std::optional<ActiveSession>& session);

// true when `submitted` (the form's `csrf` field) equals the expected token, compared in
// constant time; never for an empty token.
bool csrf_accepts(const http::Request& request, const std::optional<ActiveSession>& session, std::string_view submitted);

// false when the browser says the POST comes from another site, even with a valid token: a
// Sec-Fetch-Site other than same-origin or none, or an Origin whose host and port are not the
// Host the request was sent to (the public URL behind nginx, which keeps the Host, or the local
// page port). Requests without either header (not from a browser) are not refused here.
bool same_origin(const http::Request& request);

}  // namespace mobility::portal
