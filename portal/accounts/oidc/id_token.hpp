// Verifying an ID token (OpenID Connect Core §3.1.3.7) received from the token endpoint: a JWS
// in compact form signed with RS256 or ES256 by a key of the provider's JWKS, whose claims say
// it was issued by the expected issuer, for us, for this sign-in, and is valid now.
#pragma once

#include <chrono>
#include <functional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "base/status.hpp"
#include "portal/accounts/oidc/jwks.hpp"

namespace mobility::portal::oidc {

struct TokenExpectations {
  std::string issuer;     // exactly the `iss`
  std::string client_id;  // in `aud`; the `azp` when there are several audiences
  std::string nonce;      // exactly the `nonce`, the one sent with this sign-in
  std::chrono::system_clock::time_point now;
  std::chrono::seconds skew{120};  // clock difference tolerated on exp and iat
};

// The key a token's header names: (kid, kty) → key, as JwksCache::key does for one provider.
using KeyLookup = std::function<Result<PublicKey>(const std::string& kid, const std::string& kty)>;

// The token's claims. Refusals are kInvalidArgument with a message naming the check that
// failed: not a compact JWS, an algorithm other than RS256/ES256 (never "none"), a `crit`
// header, a signature that does not verify with the named key, `iss`, `aud`, `azp`, `exp`
// passed more than `skew` ago, `iat` more than `skew` ahead, `nonce`, no `sub`. The key lookup's
// own failures come back as they are (kUnavailable: JWKS unreachable; kNotFound: no such key).
Result<nlohmann::json> verify_id_token(std::string_view token, const KeyLookup& key_of, const TokenExpectations& expected);

// true when `signature` (as it appears in a JWS: PKCS#1 v1.5 for RS256, raw r||s for ES256) over
// `signed_part` verifies with `key` and SHA-256. ES256 signatures are converted to DER, which
// OpenSSL verifies.
bool jws_signature_verifies(const std::string& alg, EVP_PKEY* key, std::string_view signed_part, std::string_view signature);

}  // namespace mobility::portal::oidc
