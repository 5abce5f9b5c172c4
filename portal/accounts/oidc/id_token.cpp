#include "portal/accounts/oidc/id_token.hpp"

#include <openssl/ecdsa.h>

#include <algorithm>
#include <memory>
#include <vector>

#include "base/base64url.hpp"

namespace mobility::portal::oidc {
namespace {

using nlohmann::json;

Status refused(const std::string& why) { return Status::invalid_argument("ID token refused: " + why); }

// A raw P-256 signature r||s (32 bytes each) as the DER ECDSA-Sig-Value OpenSSL verifies; "" when
// it is not 64 bytes.
std::string der_of_raw_ecdsa(std::string_view raw) {
  if (raw.size() != 64) return "";
  std::unique_ptr<ECDSA_SIG, decltype(&ECDSA_SIG_free)> signature(ECDSA_SIG_new(), ECDSA_SIG_free);
  const auto* bytes = reinterpret_cast<const unsigned char*>(raw.data());
  BIGNUM* r = BN_bin2bn(bytes, 32, nullptr);
  BIGNUM* s = BN_bin2bn(bytes + 32, 32, nullptr);
  if (!signature || !r || !s || ECDSA_SIG_set0(signature.get(), r, s) != 1) {
    BN_free(r);
    BN_free(s);
    return "";
  }
  unsigned char* der = nullptr;
  int length = i2d_ECDSA_SIG(signature.get(), &der);
  if (length <= 0) return "";
  std::string result(reinterpret_cast<char*>(der), static_cast<size_t>(length));
  OPENSSL_free(der);
  return result;
}

// The three parts of a compact JWS (two dots); empty when it is not one.
std::vector<std::string> compact_parts(std::string_view token) {
  if (std::count(token.begin(), token.end(), '.') != 2) return {};
  size_t first = token.find('.'), second = token.rfind('.');
  return {std::string(token.substr(0, first)), std::string(token.substr(first + 1, second - first - 1)),
          std::string(token.substr(second + 1))};
}

json decoded_json(const std::string& part) {
  auto bytes = base64url_decode(part);
  return bytes ? json::parse(*bytes, nullptr, false) : json(json::value_t::discarded);
}

// Seconds since the epoch of a NumericDate claim; nullopt when absent or not a number.
std::optional<int64_t> numeric_date(const json& claims, const char* name) {
  if (!claims.contains(name) || !claims[name].is_number()) return std::nullopt;
  return static_cast<int64_t>(claims[name].get<double>());
}

Status check_audience(const json& claims, const std::string& client_id) {
  if (!claims.contains("aud")) return refused("no aud");
  const json& aud = claims["aud"];
  std::vector<std::string> audiences;
  if (aud.is_string()) audiences.push_back(aud.get<std::string>());
  if (aud.is_array()) {
    for (const json& one : aud) {
      if (one.is_string()) audiences.push_back(one.get<std::string>());
    }
  }
  bool ours = std::find(audiences.begin(), audiences.end(), client_id) != audiences.end();
  if (!ours) return refused("aud does not name this client");
  bool has_azp = claims.contains("azp");
  if (audiences.size() > 1 && !has_azp) return refused("several audiences and no azp");
  if (has_azp && claims["azp"] != client_id) return refused("azp is another client");
  return Status::ok();
}

Status check_claims(const json& claims, const TokenExpectations& expected) {
  if (!claims.is_object()) return refused("the payload is not a JSON object");
  if (!claims.contains("iss") || claims["iss"] != expected.issuer) return refused("iss is not the provider's issuer");
  if (Status audience = check_audience(claims, expected.client_id); !audience) return audience;
  int64_t now = std::chrono::duration_cast<std::chrono::seconds>(expected.now.time_since_epoch()).count();
  auto exp = numeric_date(claims, "exp"), iat = numeric_date(claims, "iat");
  if (!exp || !iat) return refused("exp and iat are required numbers");
  if (*exp + expected.skew.count() <= now) return refused("expired");
  if (*iat - expected.skew.count() > now) return refused("issued in the future");
  if (!claims.contains("nonce") || claims["nonce"] != expected.nonce) return refused("nonce is not this sign-in's");
  if (!claims.contains("sub") || !claims["sub"].is_string() || claims["sub"].get<std::string>().empty()) {
    return refused("no sub");
  }
  return Status::ok();
}

}  // namespace

bool jws_signature_verifies(const std::string& alg, EVP_PKEY* key, std::string_view signed_part, std::string_view signature) {
  std::string der;
  if (alg == "ES256") {
    der = der_of_raw_ecdsa(signature);
    if (der.empty()) return false;
    signature = der;
  }
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> context(EVP_MD_CTX_new(), EVP_MD_CTX_free);
  return context && EVP_DigestVerifyInit(context.get(), nullptr, EVP_sha256(), nullptr, key) == 1 &&
         EVP_DigestVerify(context.get(), reinterpret_cast<const unsigned char*>(signature.data()), signature.size(),
                          reinterpret_cast<const unsigned char*>(signed_part.data()), signed_part.size()) == 1;
}

Result<json> verify_id_token(std::string_view token, const KeyLookup& key_of, const TokenExpectations& expected) {
  std::vector<std::string> parts = compact_parts(token);
  if (parts.empty()) return refused("not a compact JWS");
  json header = decoded_json(parts[0]);
  if (!header.is_object() || !header.contains("alg") || !header["alg"].is_string()) return refused("no alg in the header");
  std::string alg = header["alg"].get<std::string>();
  if (alg != "RS256" && alg != "ES256") return refused("alg " + alg + " is not accepted (RS256 or ES256)");
  if (header.contains("crit")) return refused("a crit header we do not understand");
  std::string kid = header.contains("kid") && header["kid"].is_string() ? header["kid"].get<std::string>() : "";
  auto key = key_of(kid, alg == "RS256" ? "RSA" : "EC");
  if (!key) return key.status();
  auto signature = base64url_decode(parts[2]);
  if (!signature || !jws_signature_verifies(alg, key->get(), parts[0] + "." + parts[1], *signature)) {
    return refused("the signature does not verify");
  }
  json claims = decoded_json(parts[1]);
  if (Status checked = check_claims(claims, expected); !checked) return checked;
  return claims;
}

}  // namespace mobility::portal::oidc
