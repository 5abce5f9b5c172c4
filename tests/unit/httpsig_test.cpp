// HTTP signature building blocks against the draft-cavage Appendix C vectors (shared/test-vectors).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <atomic>
#include <optional>
#include <sstream>
#include <thread>

#include "base/base64.hpp"
#include "ewp-node/security/digest.hpp"
#include "ewp-node/security/rsa_signer.hpp"
#include "ewp-node/security/signature_params.hpp"
#include "ewp-node/security/signing_string.hpp"
#include "tests/support/test_vectors.hpp"

namespace mobility::ewp {
namespace {

using ::testing::HasSubstr;
using testing::test_vector;

const std::string kTestKeyId = "6abc29c310d9c042fd93e21828b8178161400a3b78adf0f09d62ac13712eb5fe";
const std::string kBody = R"({"hello": "world"})";
const std::string kBodyDigest = "SHA-256=X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=";

// The Base64 body of a PEM file: the DER bytes as manifests and catalogues publish them.
std::string pem_body(const std::string& pem) {
  std::istringstream lines(pem);
  std::string line, body;
  while (std::getline(lines, line)) {
    if (!line.starts_with("-----")) body += line + "\n";
  }
  return body;
}

SignedMessage cavage_request() {
  return {"POST",
          "/foo?param=value&pet=dog",
          {{"Host", "example.com"},
           {"Date", "Sun, 05 Jan 2014 21:31:40 GMT"},
           {"Content-Type", "application/json"},
           {"Digest", kBodyDigest},
           {"Content-Length", "18"}}};
}

// --- Base64 ---

TEST(Base64, RoundTripsEveryPaddingLength) {
  EXPECT_EQ(base64_encode(""), "");
  EXPECT_EQ(base64_encode("f"), "Zg==");
  EXPECT_EQ(base64_encode("fo"), "Zm8=");
  EXPECT_EQ(base64_encode("foo"), "Zm9v");
  EXPECT_EQ(base64_encode("foobar"), "Zm9vYmFy");
  std::string all_bytes;
  for (int i = 0; i < 256; ++i) all_bytes += static_cast<char>(i);
  for (size_t length = 0; length <= all_bytes.size(); length += 37) {
    std::string bytes = all_bytes.substr(0, length);
    auto decoded = base64_decode(base64_encode(bytes));
    ASSERT_TRUE(decoded) << decoded.status().to_string();
    EXPECT_EQ(*decoded, bytes);
  }
  for (std::string text : {"", "Zg==", "Zm8=", "Zm9v", "/+/+"}) {
    auto decoded = base64_decode(text);
    ASSERT_TRUE(decoded) << text;
    EXPECT_EQ(base64_encode(*decoded), text);
  }
  EXPECT_EQ(base64_decode("AAA=")->size(), 2u);
  EXPECT_EQ(base64_decode("AA==")->size(), 1u);
}

TEST(Base64, RejectsBadLengthCharactersAndPadding) {
  for (std::string text :
       {"Zg", "Zg=", "Zm9vY", "Zm9v Zm9v", "Zm9v\n", "Zm-v", "Zm_v", "Z===", "====", "Zg==Zg==", "Z=g=", "Zm9v!A=="}) {
    EXPECT_EQ(base64_decode(text).status().code(), Status::Code::kInvalidArgument) << "accepted '" << text << "'";
  }
}

// --- Digest ---

TEST(Digest, KnownAnswers) {
  EXPECT_EQ(sha256_digest_header(""), "SHA-256=47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=");
  EXPECT_EQ(sha256_digest_header(kBody), kBodyDigest);
  EXPECT_TRUE(verify_sha256_digest(kBodyDigest, kBody));
  EXPECT_TRUE(verify_sha256_digest("SHA-256=47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=", ""));
}

TEST(Digest, AcceptsListsMixedCaseAndBlanks) {
  EXPECT_TRUE(verify_sha256_digest("SHA=abc=, " + kBodyDigest, kBody));
  EXPECT_TRUE(verify_sha256_digest(" sha-256 = X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE= ,MD5=xyz", kBody));
  EXPECT_TRUE(verify_sha256_digest("shA-256=X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=", kBody));
  // Several SHA-256 entries: one matching is enough.
  EXPECT_TRUE(verify_sha256_digest("SHA-256=47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=," + kBodyDigest, kBody));
}

TEST(Digest, RejectsMissingOrMismatchingSha256) {
  Status only_sha1 = verify_sha256_digest("SHA=2jmj7l5rSw0yVb/vlWAYkK/YBwk=", kBody);
  EXPECT_EQ(only_sha1.code(), Status::Code::kInvalidArgument);
  EXPECT_THAT(only_sha1.message(), HasSubstr("no SHA-256 digest"));
  EXPECT_THAT(verify_sha256_digest("", kBody).message(), HasSubstr("no SHA-256 digest"));

  Status mismatch = verify_sha256_digest("SHA-256=47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=", kBody);
  EXPECT_EQ(mismatch.code(), Status::Code::kInvalidArgument);
  EXPECT_THAT(mismatch.message(), HasSubstr("does not match"));
  EXPECT_FALSE(verify_sha256_digest(kBodyDigest, kBody + " "));
  EXPECT_FALSE(verify_sha256_digest("SHA-256=not base64!", kBody));
  EXPECT_FALSE(verify_sha256_digest("SHA-256=", kBody));
}

// --- Signature parameters ---

TEST(SignatureParams, ParsesAuthorizationInAnyOrderWithSpaces) {
  const std::vector<std::string> inputs = {
      R"(Signature keyId="Test",algorithm="rsa-sha256",headers="(request-target) Host date",signature="a+b/c==")",
      R"(Signature keyId="Test",signature="a+b/c==",headers="(request-target) Host date",algorithm="rsa-sha256")",
      R"(signature   signature="a+b/c==", headers="(request-target) Host date" ,  algorithm="rsa-sha256",keyId="Test")",
      R"(SIGNATURE keyId = "Test", algorithm="rsa-sha256", created="1402170695", headers="(request-target) Host date", signature="a+b/c==")",
  };
  for (const std::string& input : inputs) {
    auto params = parse_authorization_signature(input);
    ASSERT_TRUE(params) << input << ": " << params.status().to_string();
    EXPECT_EQ(params->key_id, "Test");
    EXPECT_EQ(params->algorithm, "rsa-sha256");
    EXPECT_EQ(params->headers, (std::vector<std::string>{"(request-target)", "host", "date"}));
    EXPECT_EQ(params->signature, "a+b/c==");
  }
}

TEST(SignatureParams, HeadersDefaultToDate) {
  auto params = parse_signature_params(R"(keyId="k",signature="s")");
  ASSERT_TRUE(params) << params.status().to_string();
  EXPECT_EQ(params->headers, std::vector<std::string>{"date"});
  EXPECT_EQ(params->algorithm, "");
}

TEST(SignatureParams, RejectsMissingDuplicateAndMalformedParameters) {
  EXPECT_THAT(parse_signature_params(R"(algorithm="rsa-sha256",signature="s")").status().message(), HasSubstr("keyId"));
  EXPECT_THAT(parse_signature_params(R"(keyId="k",algorithm="rsa-sha256")").status().message(), HasSubstr("signature"));
  EXPECT_THAT(parse_signature_params(R"(keyId="k",signature="s",keyId="other")").status().message(),
              HasSubstr("keyId appears twice"));
  for (std::string text :
       {R"(keyId="k",signature="s)", R"(keyId=k,signature="s")", R"(keyId="k" signature="s")",
        R"(keyId="k",signature="s",headers="")", R"(keyId="k",signature="s",headers="host  date")", R"(="k",signature="s")"}) {
    EXPECT_EQ(parse_signature_params(text).status().code(), Status::Code::kInvalidArgument) << "accepted " << text;
  }
}

TEST(SignatureParams, RejectsOtherSchemesByName) {
  auto basic = parse_authorization_signature("Basic dXNlcjpwYXNz");
  ASSERT_FALSE(basic);
  EXPECT_THAT(basic.status().message(), HasSubstr("'Basic'"));
  EXPECT_FALSE(parse_authorization_signature(""));
  EXPECT_FALSE(parse_authorization_signature(R"(SignaturekeyId="k",signature="s")"));
  EXPECT_FALSE(parse_authorization_signature("Signature"));
}

TEST(SignatureParams, FormatsAndParsesBack) {
  SignatureParams params{kTestKeyId, "rsa-sha256", {"(request-target)", "host", "date", "digest"}, "YWJj+/=="};
  std::string text = format_signature_params(params);
  EXPECT_EQ(text, "keyId=\"" + kTestKeyId +
                      R"(",algorithm="rsa-sha256",headers="(request-target) host date digest",signature="YWJj+/==")");
  auto parsed = parse_authorization_signature("Signature " + text);
  ASSERT_TRUE(parsed) << parsed.status().to_string();
  EXPECT_EQ(parsed->key_id, params.key_id);
  EXPECT_EQ(parsed->algorithm, params.algorithm);
  EXPECT_EQ(parsed->headers, params.headers);
  EXPECT_EQ(parsed->signature, params.signature);
}

// --- Signing string ---

TEST(SigningString, FollowsListedOrderLowerCasesAndTrims) {
  SignedMessage message = cavage_request();
  message.headers.push_back({"X-Spaced", " \t padded value \t"});
  auto text = build_signing_string(message, {"(Request-Target)", "HOST", "date", "x-spaced"});
  ASSERT_TRUE(text) << text.status().to_string();
  EXPECT_EQ(*text,
            "(request-target): post /foo?param=value&pet=dog\n"
            "host: example.com\n"
            "date: Sun, 05 Jan 2014 21:31:40 GMT\n"
            "x-spaced: padded value");
}

TEST(SigningString, JoinsRepeatedHeaders) {
  SignedMessage message{"GET", "/", {{"Accept", "text/xml"}, {"Host", "a"}, {"accept", " application/xml "}}};
  auto text = build_signing_string(message, {"accept"});
  ASSERT_TRUE(text);
  EXPECT_EQ(*text, "accept: text/xml, application/xml");
}

TEST(SigningString, MissingListedHeaderIsNamed) {
  auto text = build_signing_string(cavage_request(), {"date", "x-request-id"});
  ASSERT_FALSE(text);
  EXPECT_EQ(text.status().code(), Status::Code::kInvalidArgument);
  EXPECT_THAT(text.status().message(), HasSubstr("x-request-id"));
  EXPECT_FALSE(build_signing_string(cavage_request(), {}));
}

// --- RSA keys and the draft-cavage signatures ---

class CavageVectors : public ::testing::Test {
 protected:
  void SetUp() override {
    auto private_key =
        RsaPrivateKey::from_pem_file(std::string(MOBILITY_SHARED_DIR) + "/test-vectors/draft-cavage-test-key.priv.pem");
    ASSERT_TRUE(private_key) << private_key.status().to_string();
    auto public_key = RsaPublicKey::from_pem(test_vector("draft-cavage-test-key.pub.pem"));
    ASSERT_TRUE(public_key) << public_key.status().to_string();
    private_key_.emplace(std::move(*private_key));
    public_key_.emplace(std::move(*public_key));
  }

  // Signs the request's signing string for `headers` and checks the result against `expected`.
  void expect_signature(const std::string& headers, const std::string& expected) {
    auto params = parse_signature_params("keyId=\"Test\",signature=\"x\",headers=\"" + headers + "\"");
    ASSERT_TRUE(params) << params.status().to_string();
    auto signing_string = build_signing_string(cavage_request(), params->headers);
    ASSERT_TRUE(signing_string) << signing_string.status().to_string();
    auto signature = private_key_->sign_sha256(*signing_string);
    ASSERT_TRUE(signature) << signature.status().to_string();
    EXPECT_EQ(base64_encode(*signature), expected) << headers;

    auto received = base64_decode(expected);
    ASSERT_TRUE(received);
    EXPECT_TRUE(public_key_->verify_sha256(*signing_string, *received)) << headers;
    std::string altered = *signing_string;
    altered[altered.size() / 2] ^= 0x01;
    Status rejected = public_key_->verify_sha256(altered, *received);
    EXPECT_EQ(rejected.code(), Status::Code::kInvalidArgument) << headers;
  }

  std::optional<RsaPrivateKey> private_key_;
  std::optional<RsaPublicKey> public_key_;
};

TEST_F(CavageVectors, DateOnly) {
  expect_signature("date",
                   "SjWJWbWN7i0wzBvtPl8rbASWz5xQW6mcJmn+ibttBqtifLN7Sazz6m79cNfwwb8DMJ5cou1s7uEGKKCs+FLEEaDV5lp7q25WqS+lavg7T8hc0"
                   "GppauB6hbgEKTwblDHYGEtbGmtdHgVCk9SuS13F0hZ8FD0k/5OxEPXe5WozsbM=");
}

TEST_F(CavageVectors, RequestTargetHostDate) {
  expect_signature("(request-target) host date",
                   "qdx+H7PHHDZgy4y/Ahn9Tny9V3GP6YgBPyUXMmoxWtLbHpUnXS2mg2+SbrQDMCJypxBLSPQR2aAjn7ndmw2iicw3HMbe8VfEdKFYRqzic+efk"
                   "b3nndiv/x1xSHDJWeSWkx3ButlYSuBskLu6kd9Fswtemr3lgdDEmn04swr2Os0=");
}

TEST_F(CavageVectors, AllHeaders) {
  expect_signature("(request-target) host date content-type digest content-length",
                   "vSdrb+dS3EceC9bcwHSo4MlyKS59iFIrhgYkz8+oVLEEzmYZZvRs8rgOp+63LEM3v+MFHB32NfpB2bEKBIvB1q52LaEUHFv120V01IL+TAD4"
                   "8XaERZFukWgHoBTLMhYS2Gb51gWxpeIq8knRmPnYePbF5MOkR0Zkly4zKH7s1dE=");
}

TEST_F(CavageVectors, DigestHeaderMatchesBody) { EXPECT_TRUE(verify_sha256_digest(kBodyDigest, kBody)); }

TEST_F(CavageVectors, KeyIdFromPemDerAndPrivateKey) {
  EXPECT_EQ(public_key_->key_id(), kTestKeyId);
  EXPECT_EQ(private_key_->key_id(), kTestKeyId);
  EXPECT_EQ(public_key_->bits(), 1024);
  auto from_der = RsaPublicKey::from_base64_der(pem_body(test_vector("draft-cavage-test-key.pub.pem")));
  ASSERT_TRUE(from_der) << from_der.status().to_string();
  EXPECT_EQ(from_der->key_id(), kTestKeyId);
  EXPECT_EQ(from_der->bits(), 1024);
}

TEST_F(CavageVectors, WrongSignatureBytesDoNotVerify) {
  auto signature = private_key_->sign_sha256("date: Sun, 05 Jan 2014 21:31:40 GMT");
  ASSERT_TRUE(signature);
  EXPECT_TRUE(public_key_->verify_sha256("date: Sun, 05 Jan 2014 21:31:40 GMT", *signature));
  EXPECT_FALSE(public_key_->verify_sha256("date: Sun, 05 Jan 2014 21:31:40 GMT", signature->substr(1)));
  EXPECT_FALSE(public_key_->verify_sha256("date: Sun, 05 Jan 2014 21:31:40 GMT", ""));
}

TEST_F(CavageVectors, OneKeySignsAndVerifiesFromSeveralThreads) {
  const std::string date_line = "date: Sun, 05 Jan 2014 21:31:40 GMT";
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 25; ++i) {
        auto signature = private_key_->sign_sha256(date_line);
        if (!signature || !public_key_->verify_sha256(date_line, *signature) ||
            base64_encode(*signature).substr(0, 8) != "SjWJWbWN") {
          ++failures;
        }
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(failures.load(), 0);
}

TEST(RsaKeys, RejectsNonKeysAndTrailingBytes) {
  EXPECT_EQ(RsaPublicKey::from_pem("not a key").status().code(), Status::Code::kInvalidArgument);
  EXPECT_FALSE(RsaPublicKey::from_base64_der("AAAA"));
  EXPECT_FALSE(RsaPublicKey::from_base64_der("not base64"));
  EXPECT_FALSE(RsaPrivateKey::from_pem(test_vector("draft-cavage-test-key.pub.pem")));
  EXPECT_EQ(RsaPrivateKey::from_pem_file("/nonexistent/key.pem").status().code(), Status::Code::kNotFound);
  std::string base64 = pem_body(test_vector("draft-cavage-test-key.pub.pem"));
  std::erase(base64, '\n');
  auto der = base64_decode(base64);
  ASSERT_TRUE(der) << der.status().to_string();
  EXPECT_TRUE(RsaPublicKey::from_base64_der(base64_encode(*der)));
  auto with_trailing = RsaPublicKey::from_base64_der(base64_encode(*der + std::string(1, '\0')));
  ASSERT_FALSE(with_trailing);
  EXPECT_THAT(with_trailing.status().message(), HasSubstr("bytes follow"));
}

}  // namespace
}  // namespace mobility::ewp
