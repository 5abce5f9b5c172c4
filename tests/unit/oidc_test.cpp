// The ID-token verifier, the key set and the pieces of the OpenID Connect sign-in that need no
// provider: tokens here are signed by the test itself with OpenSSL (RS256 and ES256), so each
// check can be broken on purpose. tests/http/oidc_sign_in_test.cpp runs the whole flow against a
// real provider.
#include <gtest/gtest.h>
#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <openssl/ecdsa.h>
#include <openssl/evp.h>
#include <openssl/rsa.h>

#include <memory>

#include <nlohmann/json.hpp>

#include "base/base64url.hpp"
#include "portal/accounts/oidc/account_linking.hpp"
#include "portal/accounts/oidc/discovery.hpp"
#include "portal/accounts/oidc/id_token.hpp"
#include "portal/accounts/oidc/jwks.hpp"
#include "portal/accounts/oidc/login_attempts.hpp"

namespace mobility::portal::oidc {
namespace {

using nlohmann::json;
using std::chrono::seconds;
using Clock = std::chrono::system_clock;

using PrivateKey = std::shared_ptr<EVP_PKEY>;

PrivateKey rsa_key(int bits = 2048) { return PrivateKey(EVP_RSA_gen(bits), EVP_PKEY_free); }
PrivateKey ec_key(const char* curve = "P-256") { return PrivateKey(EVP_EC_gen(curve), EVP_PKEY_free); }

std::string big_number(EVP_PKEY* key, const char* name, int pad = 0) {
  BIGNUM* number = nullptr;
  EVP_PKEY_get_bn_param(key, name, &number);
  std::string bytes(pad ? pad : BN_num_bytes(number), '\0');
  if (pad) {
    BN_bn2binpad(number, reinterpret_cast<unsigned char*>(bytes.data()), pad);
  } else {
    BN_bn2bin(number, reinterpret_cast<unsigned char*>(bytes.data()));
  }
  BN_free(number);
  return base64url_encode(bytes);
}

// The public JWK of a key, as a provider publishes it.
json public_jwk(EVP_PKEY* key, const std::string& kid) {
  if (EVP_PKEY_is_a(key, "RSA")) {
    return {{"kty", "RSA"},
            {"kid", kid},
            {"use", "sig"},
            {"n", big_number(key, OSSL_PKEY_PARAM_RSA_N)},
            {"e", big_number(key, OSSL_PKEY_PARAM_RSA_E)}};
  }
  return {{"kty", "EC"},
          {"kid", kid},
          {"crv", "P-256"},
          {"x", big_number(key, OSSL_PKEY_PARAM_EC_PUB_X, 32)},
          {"y", big_number(key, OSSL_PKEY_PARAM_EC_PUB_Y, 32)}};
}

// A DER ECDSA signature as JWS writes it: r||s, 32 bytes each.
std::string raw_of_der(const std::string& der) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(der.data());
  std::unique_ptr<ECDSA_SIG, decltype(&ECDSA_SIG_free)> signature(d2i_ECDSA_SIG(nullptr, &bytes, static_cast<long>(der.size())),
                                                                  ECDSA_SIG_free);
  std::string raw(64, '\0');
  BN_bn2binpad(ECDSA_SIG_get0_r(signature.get()), reinterpret_cast<unsigned char*>(raw.data()), 32);
  BN_bn2binpad(ECDSA_SIG_get0_s(signature.get()), reinterpret_cast<unsigned char*>(raw.data() + 32), 32);
  return raw;
}

// A compact JWS of `claims` signed with `key` (RS256 for RSA keys, ES256 for EC keys).
std::string sign(const json& claims, EVP_PKEY* key, const std::string& kid, std::string alg = "") {
  if (alg.empty()) alg = EVP_PKEY_is_a(key, "RSA") ? "RS256" : "ES256";
  std::string signed_part =
      base64url_encode(json{{"alg", alg}, {"kid", kid}, {"typ", "JWT"}}.dump()) + "." + base64url_encode(claims.dump());
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> context(EVP_MD_CTX_new(), EVP_MD_CTX_free);
  EVP_DigestSignInit(context.get(), nullptr, EVP_sha256(), nullptr, key);
  size_t length = 0;
  EVP_DigestSign(context.get(), nullptr, &length, reinterpret_cast<const unsigned char*>(signed_part.data()), signed_part.size());
  std::string signature(length, '\0');
  EVP_DigestSign(context.get(), reinterpret_cast<unsigned char*>(signature.data()), &length,
                 reinterpret_cast<const unsigned char*>(signed_part.data()), signed_part.size());
  signature.resize(length);
  if (EVP_PKEY_is_a(key, "EC")) signature = raw_of_der(signature);
  return signed_part + "." + base64url_encode(signature);
}

int64_t epoch(Clock::time_point at) { return std::chrono::duration_cast<seconds>(at.time_since_epoch()).count(); }

class IdTokenTest : public ::testing::Test {
 protected:
  IdTokenTest() : rsa_(rsa_key()), ec_(ec_key()) {
    std::string jwks = json{{"keys", {public_jwk(rsa_.get(), "rsa-1"), public_jwk(ec_.get(), "ec-1")}}}.dump();
    keys_ = keys_from_jwks(jwks).value();
  }

  json claims() const {
    return {{"iss", "https://idp.example"}, {"aud", "mobility"},       {"sub", "someone"},
            {"nonce", "n-0S6_WzA2Mj"},      {"iat", epoch(now_) - 10}, {"exp", epoch(now_) + 300}};
  }
  TokenExpectations expected() const { return {"https://idp.example", "mobility", "n-0S6_WzA2Mj", now_, seconds(120)}; }

  // The key the published set has for (kid, kty).
  KeyLookup lookup() const {
    return [this](const std::string& kid, const std::string& kty) -> Result<PublicKey> {
      for (const Jwk& jwk : keys_) {
        if (jwk.kid == kid && jwk.kty == kty) return jwk.key;
      }
      return Status::not_found("no key " + kid);
    };
  }

  Result<json> verify(const std::string& token) const { return verify_id_token(token, lookup(), expected()); }
  // The refusal's message, "" when the token is accepted.
  std::string refusal(const std::string& token) const {
    auto verified = verify(token);
    return verified ? "" : verified.status().message();
  }

  PrivateKey rsa_, ec_;
  std::vector<Jwk> keys_;
  Clock::time_point now_ = Clock::now();
};

TEST_F(IdTokenTest, Rs256AndEs256TokensOfThePublishedKeysAreAccepted) {
  auto by_rsa = verify(sign(claims(), rsa_.get(), "rsa-1"));
  ASSERT_TRUE(by_rsa) << by_rsa.status().to_string();
  EXPECT_EQ((*by_rsa)["sub"], "someone");
  auto by_ec = verify(sign(claims(), ec_.get(), "ec-1"));
  ASSERT_TRUE(by_ec) << by_ec.status().to_string();
  EXPECT_EQ((*by_ec)["nonce"], "n-0S6_WzA2Mj");
}

TEST_F(IdTokenTest, ATokenSignedByAnotherKeyIsRefused) {
  EXPECT_EQ(refusal(sign(claims(), rsa_key().get(), "rsa-1")), "ID token refused: the signature does not verify");
  EXPECT_EQ(refusal(sign(claims(), ec_key().get(), "ec-1")), "ID token refused: the signature does not verify");
}

TEST_F(IdTokenTest, AChangedPayloadIsRefused) {
  std::string token = sign(claims(), rsa_.get(), "rsa-1");
  json other = claims();
  other["sub"] = "someone-else";
  size_t first = token.find('.'), second = token.rfind('.');
  std::string forged = token.substr(0, first + 1) + base64url_encode(other.dump()) + token.substr(second);
  EXPECT_EQ(refusal(forged), "ID token refused: the signature does not verify");
}

TEST_F(IdTokenTest, AWrongNonceIsRefused) {
  json wrong = claims();
  wrong["nonce"] = "another sign-in's nonce";
  EXPECT_EQ(refusal(sign(wrong, rsa_.get(), "rsa-1")), "ID token refused: nonce is not this sign-in's");
  wrong.erase("nonce");
  EXPECT_EQ(refusal(sign(wrong, rsa_.get(), "rsa-1")), "ID token refused: nonce is not this sign-in's");
}

TEST_F(IdTokenTest, AnExpiredTokenIsRefusedBeyondTheSkew) {
  json expired = claims();
  expired["exp"] = epoch(now_) - 121;
  EXPECT_EQ(refusal(sign(expired, rsa_.get(), "rsa-1")), "ID token refused: expired");
  expired["exp"] = epoch(now_) - 100;  // within the 120 s of clock difference tolerated
  EXPECT_EQ(refusal(sign(expired, rsa_.get(), "rsa-1")), "");
  json future = claims();
  future["iat"] = epoch(now_) + 121;
  EXPECT_EQ(refusal(sign(future, rsa_.get(), "rsa-1")), "ID token refused: issued in the future");
  future.erase("iat");
  EXPECT_EQ(refusal(sign(future, rsa_.get(), "rsa-1")), "ID token refused: exp and iat are required numbers");
}

TEST_F(IdTokenTest, AnotherAudienceOrIssuerIsRefused) {
  json other = claims();
  other["aud"] = "another-client";
  EXPECT_EQ(refusal(sign(other, ec_.get(), "ec-1")), "ID token refused: aud does not name this client");
  other["aud"] = json::array({"another-client", "mobility"});
  EXPECT_EQ(refusal(sign(other, ec_.get(), "ec-1")), "ID token refused: several audiences and no azp");
  other["azp"] = "another-client";
  EXPECT_EQ(refusal(sign(other, ec_.get(), "ec-1")), "ID token refused: azp is another client");
  other["azp"] = "mobility";
  EXPECT_EQ(refusal(sign(other, ec_.get(), "ec-1")), "");
  json issuer = claims();
  issuer["iss"] = "https://idp.example/";
  EXPECT_EQ(refusal(sign(issuer, ec_.get(), "ec-1")), "ID token refused: iss is not the provider's issuer");
}

TEST_F(IdTokenTest, OnlyRs256AndEs256AreAccepted) {
  std::string unsigned_token = base64url_encode(R"({"alg":"none"})") + "." + base64url_encode(claims().dump()) + ".";
  EXPECT_EQ(refusal(unsigned_token), "ID token refused: alg none is not accepted (RS256 or ES256)");
  EXPECT_EQ(refusal(sign(claims(), rsa_.get(), "rsa-1", "PS256")),
            "ID token refused: alg PS256 is not accepted (RS256 or ES256)");
  // An RSA signature presented as ES256 asks for an EC key, which the kid does not name.
  EXPECT_EQ(verify(sign(claims(), rsa_.get(), "rsa-1", "ES256")).status().code(), Status::Code::kNotFound);
  EXPECT_EQ(refusal("not.a-token"), "ID token refused: not a compact JWS");
  EXPECT_EQ(refusal("a.b.c.d"), "ID token refused: not a compact JWS");
}

TEST(Jwks, KeysOfOtherTypesOrUsesAreSkippedAndBadOnesRefused) {
  PrivateKey rsa = rsa_key();
  json encryption = public_jwk(rsa.get(), "enc-1");
  encryption["use"] = "enc";
  auto keys = keys_from_jwks(
      json{{"keys", {encryption, {{"kty", "OKP"}, {"crv", "Ed25519"}, {"x", "AA"}}, public_jwk(rsa.get(), "sig-1")}}}.dump());
  ASSERT_TRUE(keys) << keys.status().to_string();
  ASSERT_EQ(keys->size(), 1u);
  EXPECT_EQ(keys->front().kid, "sig-1");

  EXPECT_EQ(key_from_jwk(public_jwk(rsa_key(1024).get(), "short").dump()).status().message(),
            "the RSA JWK has fewer than 2048 bits");
  json off_curve = public_jwk(ec_key().get(), "ec");
  std::string y = base64url_decode(off_curve["y"].get<std::string>()).value();
  y[31] ^= 1;
  off_curve["y"] = base64url_encode(y);
  EXPECT_EQ(key_from_jwk(off_curve.dump()).status().message(), "the EC JWK's point is not on P-256");
  json other_curve = public_jwk(ec_key().get(), "ec");
  other_curve["crv"] = "P-384";
  EXPECT_FALSE(key_from_jwk(other_curve.dump()));
  EXPECT_FALSE(keys_from_jwks(R"({"keys": {}})"));
}

// The network as a test writes it: URL → answer, counting the requests.
class MemoryInternet : public Internet {
 public:
  Result<WebReply> get(const std::string& url, const std::optional<std::string>&) override {
    ++requests[url];
    if (!answers.count(url)) return Status::unavailable(url + ": connection refused");
    return answers[url];
  }
  Result<WebReply> post_form(const std::string& url, const std::vector<std::pair<std::string, std::string>>&,
                             const std::optional<BasicAuth>&) override {
    return get(url, std::nullopt);
  }
  std::map<std::string, WebReply> answers;
  std::map<std::string, int> requests;
};

TEST(Jwks, AnUnknownKidFetchesTheSetOnceAgain) {
  MemoryInternet internet;
  PrivateKey first = rsa_key(), second = rsa_key();
  const std::string uri = "https://idp.example/jwks";
  internet.answers[uri] = {200, json{{"keys", {public_jwk(first.get(), "k1")}}}.dump()};
  JwksCache cache(internet);
  ASSERT_TRUE(cache.key(uri, "k1", "RSA"));
  ASSERT_TRUE(cache.key(uri, "k1", "RSA"));
  EXPECT_EQ(internet.requests[uri], 1);
  // The provider rotates: k2 is new, and the cache learns it with one fetch.
  internet.answers[uri] = {200, json{{"keys", {public_jwk(second.get(), "k2")}}}.dump()};
  ASSERT_TRUE(cache.key(uri, "k2", "RSA"));
  EXPECT_EQ(internet.requests[uri], 2);
  // A kid the provider does not publish: one more fetch, then kNotFound.
  EXPECT_EQ(cache.key(uri, "k3", "RSA").status().code(), Status::Code::kNotFound);
  EXPECT_EQ(internet.requests[uri], 3);
  EXPECT_EQ(cache.key(uri, "k2", "EC").status().code(), Status::Code::kNotFound);
  internet.answers.clear();
  EXPECT_EQ(cache.key(uri, "k4", "RSA").status().code(), Status::Code::kUnavailable);
}

TEST(Discovery, TheDocumentMustNameTheIssuerAndItsEndpoints) {
  json document = {{"issuer", "https://idp.example"},
                   {"authorization_endpoint", "https://idp.example/auth"},
                   {"token_endpoint", "https://idp.example/token"},
                   {"jwks_uri", "https://idp.example/jwks"},
                   {"end_session_endpoint", "https://idp.example/logout"}};
  auto metadata = metadata_from("https://idp.example", document.dump());
  ASSERT_TRUE(metadata) << metadata.status().to_string();
  EXPECT_EQ(metadata->end_session_endpoint, "https://idp.example/logout");
  EXPECT_FALSE(metadata->userinfo_endpoint);
  EXPECT_FALSE(metadata_from("https://other.example", document.dump()));
  document["jwks_uri"] = "javascript:alert(1)";
  EXPECT_FALSE(metadata_from("https://idp.example", document.dump()));
  EXPECT_FALSE(metadata_from("https://idp.example", "not json"));

  MemoryInternet internet;
  Discovery discovery(internet);
  EXPECT_EQ(discovery.metadata("https://down.example").status().code(), Status::Code::kUnavailable);
}

TEST(Pkce, TheS256ChallengeIsRfc7636sExample) {
  EXPECT_EQ(pkce_challenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"), "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
}

TEST(Base64url, RoundTripsAndRefusesOtherAlphabets) {
  for (std::string bytes : {"", "f", "fo", "foo", "foob", "fooba", "foobar", "\xff\xfe\xfd"}) {
    EXPECT_EQ(base64url_decode(base64url_encode(bytes)), bytes);
  }
  EXPECT_EQ(base64url_encode("\xfb\xff"), "-_8");
  EXPECT_FALSE(base64url_decode("+/8"));
  EXPECT_FALSE(base64url_decode("Zg=="));
  EXPECT_FALSE(base64url_decode("Z"));
}

TEST(ClaimValues, AStringOrTheStringsOfAnArray) {
  json claims = {{"one", "a"}, {"many", {"b", 3, "c"}}, {"empty", ""}, {"number", 5}};
  EXPECT_EQ(claim_values(claims, "one"), std::vector<std::string>{"a"});
  EXPECT_EQ(claim_values(claims, "many"), (std::vector<std::string>{"b", "c"}));
  EXPECT_TRUE(claim_values(claims, "empty").empty());
  EXPECT_TRUE(claim_values(claims, "number").empty());
  EXPECT_TRUE(claim_values(claims, "absent").empty());
}

}  // namespace
}  // namespace mobility::portal::oidc
