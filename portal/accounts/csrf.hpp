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

}  // namespace mobility::portal
