// base64url without padding (RFC 4648 §5): random tokens, and JWS, JWK and PKCE values.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace mobility {

std::string base64url_encode(std::string_view bytes);
// nullopt for characters outside the alphabet, padding, or a length no encoding has.
std::optional<std::string> base64url_decode(std::string_view text);

}  // namespace mobility
