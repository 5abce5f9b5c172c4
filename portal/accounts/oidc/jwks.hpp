// A provider's signing keys (a JWKS, RFC 7517) as OpenSSL public keys: RSA keys from `n` and
// `e` (2048 bits or more), EC keys on P-256 from `x` and `y` (the point must lie on the curve).
#pragma once

#include <openssl/evp.h>

#include <chrono>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.hpp"
#include "portal/accounts/oidc/internet.hpp"

namespace mobility::portal::oidc {

using PublicKey = std::shared_ptr<EVP_PKEY>;

struct Jwk {
  std::string kid;                 // "" when the JWK has none
  std::string kty;                 // RSA or EC
  std::optional<std::string> alg;  // when the JWK names one
  PublicKey key;
};

// One JWK, as JSON text. kInvalidArgument naming what is wrong: not an object, a kty other
// than RSA or EC, a curve other than P-256, a value that is not base64url, an RSA key under 2048
// bits, a point off the curve.
Result<Jwk> key_from_jwk(std::string_view jwk_json);
// The signing keys of a JWKS document; keys for encryption (`use` enc) or of other types are
// skipped. kInvalidArgument when the document is not a JWKS or a signing key is malformed.
Result<std::vector<Jwk>> keys_from_jwks(std::string_view document);

// The keys behind each provider's jwks_uri, fetched when first needed and fetched again when a
// token names a `kid` the copy lacks (the provider rotated its keys) — once per lookup, so a
// kid the provider does not publish costs one fetch and then kNotFound. Tokens come to us only
// from the provider's token endpoint, so that fetch cannot be provoked by strangers at will.
// Thread-safe.
class JwksCache {
 public:
  explicit JwksCache(Internet& internet) : internet_(internet) {}

  // The key `kid` of the JWKS at `jwks_uri` whose type is `kty` (RSA for RS256, EC for ES256).
  // A token without kid gets the only key of that type, if there is exactly one. kNotFound when
  // even a fresh copy has no such key; kUnavailable when the JWKS cannot be fetched or read.
  Result<PublicKey> key(const std::string& jwks_uri, const std::string& kid, const std::string& kty);
  // How many times a JWKS was fetched (for tests and logs).
  int fetches() const;

 private:
  Result<std::vector<Jwk>> fetch(const std::string& jwks_uri);

  Internet& internet_;
  mutable std::mutex mutex_;
  std::map<std::string, std::vector<Jwk>> keys_;  // by jwks_uri
  int fetches_ = 0;
};

}  // namespace mobility::portal::oidc
