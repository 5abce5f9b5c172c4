#include "portal/accounts/oidc/jwks.hpp"

#include <openssl/core_names.h>
#include <openssl/param_build.h>

#include <nlohmann/json.hpp>

#include "base/base64url.hpp"
#include "base/log.hpp"

namespace mobility::portal::oidc {
namespace {

using nlohmann::json;

// The member `name` of `jwk` decoded from base64url; empty when absent or not base64url.
std::string decoded_member(const json& jwk, const char* name) {
  if (!jwk.contains(name) || !jwk[name].is_string()) return "";
  return base64url_decode(jwk[name].get<std::string>()).value_or("");
}

// A public key from OSSL_PARAMs built by `fill`; nullptr when OpenSSL refuses them.
template <typename Fill>
PublicKey key_from_params(const char* key_type, Fill fill) {
  std::unique_ptr<OSSL_PARAM_BLD, decltype(&OSSL_PARAM_BLD_free)> builder(OSSL_PARAM_BLD_new(), OSSL_PARAM_BLD_free);
  std::vector<std::unique_ptr<BIGNUM, decltype(&BN_free)>> numbers;
  if (!builder || !fill(builder.get(), numbers)) return nullptr;
  std::unique_ptr<OSSL_PARAM, decltype(&OSSL_PARAM_free)> params(OSSL_PARAM_BLD_to_param(builder.get()), OSSL_PARAM_free);
  std::unique_ptr<EVP_PKEY_CTX, decltype(&EVP_PKEY_CTX_free)> context(EVP_PKEY_CTX_new_from_name(nullptr, key_type, nullptr),
                                                                      EVP_PKEY_CTX_free);
  EVP_PKEY* key = nullptr;
  if (!params || !context || EVP_PKEY_fromdata_init(context.get()) <= 0 ||
      EVP_PKEY_fromdata(context.get(), &key, EVP_PKEY_PUBLIC_KEY, params.get()) <= 0) {
    return nullptr;
  }
  PublicKey result(key, EVP_PKEY_free);
  // A public-key check: for EC that the point is on the curve, for RSA that n and e are sane.
  std::unique_ptr<EVP_PKEY_CTX, decltype(&EVP_PKEY_CTX_free)> check(EVP_PKEY_CTX_new_from_pkey(nullptr, key, nullptr),
                                                                    EVP_PKEY_CTX_free);
  if (!check || EVP_PKEY_public_check(check.get()) != 1) return nullptr;
  return result;
}

Result<PublicKey> rsa_key(const json& jwk) {
  std::string n = decoded_member(jwk, "n"), e = decoded_member(jwk, "e");
  if (n.empty() || e.empty()) return Status::invalid_argument("an RSA JWK needs base64url n and e");
  PublicKey key = key_from_params("RSA", [&](OSSL_PARAM_BLD* builder, auto& numbers) {
    const std::pair<const char*, const std::string*> members[] = {{OSSL_PKEY_PARAM_RSA_N, &n}, {OSSL_PKEY_PARAM_RSA_E, &e}};
    for (const auto& [name, bytes] : members) {
      numbers.emplace_back(
          BN_bin2bn(reinterpret_cast<const unsigned char*>(bytes->data()), static_cast<int>(bytes->size()), nullptr), BN_free);
      if (!numbers.back() || !OSSL_PARAM_BLD_push_BN(builder, name, numbers.back().get())) return false;
    }
    return true;
  });
  if (!key) return Status::invalid_argument("OpenSSL refuses the RSA JWK");
  if (EVP_PKEY_get_bits(key.get()) < 2048) return Status::invalid_argument("the RSA JWK has fewer than 2048 bits");
  return key;
}

Result<PublicKey> ec_key(const json& jwk) {
  if (!jwk.contains("crv") || jwk["crv"] != "P-256") return Status::invalid_argument("an EC JWK must be on the curve P-256");
  std::string x = decoded_member(jwk, "x"), y = decoded_member(jwk, "y");
  if (x.size() != 32 || y.size() != 32) return Status::invalid_argument("a P-256 JWK needs 32-byte base64url x and y");
  std::string point = "\x04" + x + y;  // uncompressed SEC1 point
  PublicKey key = key_from_params("EC", [&](OSSL_PARAM_BLD* builder, auto&) {
    return OSSL_PARAM_BLD_push_utf8_string(builder, OSSL_PKEY_PARAM_GROUP_NAME, "prime256v1", 0) &&
           OSSL_PARAM_BLD_push_octet_string(builder, OSSL_PKEY_PARAM_PUB_KEY, point.data(), point.size());
  });
  if (!key) return Status::invalid_argument("the EC JWK's point is not on P-256");
  return key;
}

Result<Jwk> key_from_object(const json& jwk) {
  if (!jwk.is_object() || !jwk.contains("kty") || !jwk["kty"].is_string()) {
    return Status::invalid_argument("a JWK must be an object with kty");
  }
  Jwk result;
  result.kty = jwk["kty"].get<std::string>();
  if (jwk.contains("kid") && jwk["kid"].is_string()) result.kid = jwk["kid"].get<std::string>();
  if (jwk.contains("alg") && jwk["alg"].is_string()) result.alg = jwk["alg"].get<std::string>();
  Result<PublicKey> key = result.kty == "RSA" ? rsa_key(jwk)
                          : result.kty == "EC"
                              ? ec_key(jwk)
                              : Result<PublicKey>(Status::invalid_argument("a JWK of type " + result.kty + " is not supported"));
  if (!key) return key.status();
  result.key = *key;
  return result;
}

}  // namespace

Result<Jwk> key_from_jwk(std::string_view jwk_json) {
  json jwk = json::parse(jwk_json, nullptr, false);
  return key_from_object(jwk);
}

Result<std::vector<Jwk>> keys_from_jwks(std::string_view document) {
  json jwks = json::parse(document, nullptr, false);
  if (!jwks.is_object() || !jwks.contains("keys") || !jwks["keys"].is_array()) {
    return Status::invalid_argument("a JWKS must be an object with an array keys");
  }
  std::vector<Jwk> keys;
  for (const json& jwk : jwks["keys"]) {
    bool for_signing = !jwk.contains("use") || jwk["use"] == "sig";
    bool known_type = jwk.contains("kty") && (jwk["kty"] == "RSA" || jwk["kty"] == "EC");
    if (!for_signing || !known_type) continue;
    auto key = key_from_object(jwk);
    if (!key) return key.status();
    keys.push_back(std::move(*key));
  }
  return keys;
}

Result<std::vector<Jwk>> JwksCache::fetch(const std::string& jwks_uri) {
  auto reply = internet_.get(jwks_uri);
  if (!reply) return reply.status();
  if (reply->status != 200) return Status::unavailable(jwks_uri + " answered " + std::to_string(reply->status));
  auto keys = keys_from_jwks(reply->body);
  if (!keys) return Status::unavailable(jwks_uri + ": " + keys.status().message());
  log::info("oidc_jwks_fetched", {{"uri", jwks_uri}, {"keys", std::to_string(keys->size())}});
  return keys;
}

namespace {

// The key of `keys` for `kid` and `kty`: by kid, or the only one of that type when kid is "".
PublicKey pick(const std::vector<Jwk>& keys, const std::string& kid, const std::string& kty) {
  const Jwk* found = nullptr;
  int of_type = 0;
  for (const Jwk& jwk : keys) {
    if (jwk.kty != kty) continue;
    ++of_type;
    if (!kid.empty() && jwk.kid == kid) return jwk.key;
    if (kid.empty()) found = &jwk;
  }
  return kid.empty() && of_type == 1 ? found->key : nullptr;
}

}  // namespace

Result<PublicKey> JwksCache::key(const std::string& jwks_uri, const std::string& kid, const std::string& kty) {
  std::lock_guard lock(mutex_);
  auto cached = keys_.find(jwks_uri);
  if (cached != keys_.end()) {
    if (PublicKey key = pick(cached->second, kid, kty)) return key;
  }
  // Not fetched yet, or a key we do not know: one fresh copy.
  auto fresh = fetch(jwks_uri);
  ++fetches_;
  if (!fresh) return fresh.status();
  keys_[jwks_uri] = std::move(*fresh);
  if (PublicKey key = pick(keys_[jwks_uri], kid, kty)) return key;
  return Status::not_found("the provider's JWKS has no " + kty + " key " + (kid.empty() ? "(no kid)" : "with kid " + kid));
}

int JwksCache::fetches() const {
  std::lock_guard lock(mutex_);
  return fetches_;
}

}  // namespace mobility::portal::oidc
