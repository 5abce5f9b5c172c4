// HTTP signatures in both roles: our client signer against our server verifier (cliauth-httpsig)
// and our server signer against our client verifier (srvauth-httpsig), with one test for each
// rule the official validator exercises (ewp-core.md §11, cases 16-35), at the message level.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <functional>
#include <map>
#include <set>

#include "base/base64.hpp"
#include "ewp-node/security/digest.hpp"
#include "ewp-node/security/request_id.hpp"
#include "ewp-node/security/request_signer.hpp"
#include "ewp-node/security/request_verifier.hpp"
#include "ewp-node/security/response_signer.hpp"
#include "ewp-node/security/response_verifier.hpp"
#include "ewp-node/security/signature_params.hpp"
#include "ewp-node/security/signing_string.hpp"
#include "http/http_date.hpp"
#include "tests/support/test_keys.hpp"

namespace mobility::ewp {
namespace {

using mobility::testing::hand_signature;
using mobility::testing::test_key;
using ::testing::HasSubstr;

const Clock::time_point kNow = Clock::from_time_t(1795000000);  // 2026-11-18
const std::string kHost = "ewp.fjordland.example";

// slot 0: a registered client key; slot 1: the node's server key (not a client key);
// slot 2: a key the catalogue has never seen.
class FixedDirectory : public ClientKeyDirectory {
 public:
  std::optional<ClientKey> find_client_key(const std::string& key_id) const override {
    if (key_id == test_key(0).public_key.key_id()) return ClientKey{test_key(0).public_key, {"uni-a.example", "uni-b.example"}};
    return std::nullopt;
  }
};

class MemoryReplayGuard : public ReplayGuard {
 public:
  Result<bool> first_use(const std::string& id, Clock::time_point) override {
    if (broken) return Status::unavailable("store down");
    return seen.insert(id).second;
  }
  std::set<std::string> seen;
  bool broken = false;
};

http::Request to_request(const std::string& method, const std::string& target, const http::HeaderList& headers,
                         const std::string& body) {
  http::Request request;
  request.method = method;
  request.target = target;
  request.path = target.substr(0, target.find('?'));
  request.headers = headers;
  request.body = body;
  return request;
}

// A request signed by our client signer with key `slot`.
http::Request signed_request(const std::string& method, const std::string& target, const std::string& body = "", int slot = 0,
                             Clock::time_point when = kNow) {
  http::HeaderList extra;
  if (!body.empty()) extra.emplace_back("Content-Type", "application/x-www-form-urlencoded");
  auto signed_headers = sign_request({method, kHost, target, extra, body}, test_key(slot).private_key, when);
  EXPECT_TRUE(signed_headers) << signed_headers.status().to_string();
  return to_request(method, target, signed_headers->headers, body);
}

void set_header(http::Request& request, const std::string& name, const std::string& value) {
  for (auto& header : request.headers) {
    if (http::equals_ignore_case(header.first, name)) header.second = value;
  }
}

void remove_header(http::Request& request, const std::string& name) {
  std::erase_if(request.headers, [&](const auto& header) { return http::equals_ignore_case(header.first, name); });
}

// Re-signs `request` with key `slot`, covering exactly `names` (what the validator does to build
// its edge cases).
void resign(http::Request& request, const std::vector<std::string>& names, int slot = 0) {
  remove_header(request, "Authorization");
  auto params = hand_signature({request.method, request.target, request.headers}, names, slot);
  ASSERT_TRUE(params) << params.status().to_string();
  request.headers.emplace_back("Authorization", "Signature " + *params);
}

// `request`'s Authorization parameters after `change`, as a client could garble them.
void edit_authorization(http::Request& request, const std::function<void(SignatureParams&)>& change) {
  auto params = parse_authorization_signature(*request.header("Authorization"));
  ASSERT_TRUE(params) << params.status().to_string();
  change(*params);
  set_header(request, "Authorization", "Signature " + format_signature_params(*params));
}

class RequestVerification : public ::testing::Test {
 protected:
  AuthOutcome verify(const http::Request& request) {
    RequestVerifier verifier(directory_, replay_, {hosts_of_public_url("https://" + kHost), std::chrono::seconds(300)},
                             [] { return kNow; });
    return verifier.verify(request);
  }
  void expect_refused(const http::Request& request, int status, const std::string& message_part) {
    expect_refusal(request, status, HasSubstr(message_part));
  }
  void expect_refused_exactly(const http::Request& request, int status, const std::string& message) {
    expect_refusal(request, status, ::testing::Eq(message));
  }
  void expect_refusal(const http::Request& request, int status, const ::testing::Matcher<const std::string&>& message) {
    AuthOutcome outcome = verify(request);
    ASSERT_TRUE(std::holds_alternative<AuthFailure>(outcome)) << "accepted, expected " << status;
    const auto& failure = std::get<AuthFailure>(outcome);
    EXPECT_EQ(failure.status, status) << failure.developer_message;
    EXPECT_THAT(failure.developer_message, message);
  }
  void expect_accepted(const http::Request& request) {
    AuthOutcome outcome = verify(request);
    ASSERT_TRUE(std::holds_alternative<AuthenticatedClient>(outcome)) << std::get<AuthFailure>(outcome).developer_message;
  }

  FixedDirectory directory_;
  MemoryReplayGuard replay_;
};

TEST_F(RequestVerification, SignedGetIsAcceptedWithTheKeysHeis) {
  AuthOutcome outcome = verify(signed_request("GET", "/ewp/echo?echo=a&echo=b&echo=a"));
  ASSERT_TRUE(std::holds_alternative<AuthenticatedClient>(outcome)) << std::get<AuthFailure>(outcome).developer_message;
  const auto& client = std::get<AuthenticatedClient>(outcome);
  EXPECT_EQ(client.key_id, test_key(0).public_key.key_id());
  EXPECT_EQ(client.hei_ids, (std::vector<std::string>{"uni-a.example", "uni-b.example"}));
  EXPECT_THAT(client.signed_headers, ::testing::IsSupersetOf({"(request-target)", "host", "date", "digest", "x-request-id"}));
}

TEST_F(RequestVerification, SignedPostIsAccepted) { expect_accepted(signed_request("POST", "/ewp/echo", "echo=a&echo=b")); }

TEST_F(RequestVerification, NoAuthorizationIsChallenged) {
  http::Request request = signed_request("GET", "/ewp/echo");
  remove_header(request, "Authorization");
  AuthOutcome outcome = verify(request);
  ASSERT_TRUE(std::holds_alternative<AuthFailure>(outcome));
  EXPECT_EQ(std::get<AuthFailure>(outcome).status, 401);
  EXPECT_TRUE(std::get<AuthFailure>(outcome).challenge);
}

TEST_F(RequestVerification, OtherSchemeIsChallenged) {
  http::Request request = signed_request("GET", "/ewp/echo");
  set_header(request, "Authorization", "Basic dXNlcjpwYXNz");
  expect_refused(request, 401, "not Signature");
}

TEST_F(RequestVerification, UnknownKeyIsForbidden) {  // validator case 16
  expect_refused(signed_request("GET", "/ewp/echo", "", 2), 403, "not a client key");
}

TEST_F(RequestVerification, ServerKeyUsedAsClientKeyIsForbidden) {  // case 27
  expect_refused(signed_request("GET", "/ewp/echo", "", 1), 403, "not a client key");
}

TEST_F(RequestVerification, InvalidSignatureIsRefused) {  // case 17
  http::Request request = signed_request("GET", "/ewp/echo");
  http::Request other = signed_request("GET", "/ewp/echo?echo=x");
  set_header(request, "Authorization", *other.header("Authorization"));
  expect_refused(request, 400, "does not verify");
}

TEST_F(RequestVerification, MissingSignedHeaderIsRefused) {  // case 18
  http::Request request = signed_request("GET", "/ewp/echo");
  remove_header(request, "Accept-Signature");
  expect_refused(request, 400, "accept-signature");
}

TEST_F(RequestVerification, OriginalDateInsteadOfDateIsAccepted) {  // case 19
  http::Request request = signed_request("GET", "/ewp/echo");
  std::string date = *request.header("Date");
  remove_header(request, "Date");
  request.headers.emplace_back("Original-Date", date);
  resign(request, {"(request-target)", "host", "original-date", "digest", "x-request-id"});
  expect_accepted(request);
}

TEST_F(RequestVerification, EachRequiredHeaderMustBeSigned) {  // cases 20-24
  const std::vector<std::string> all = {"(request-target)", "host", "date", "digest", "x-request-id"};
  for (const std::string& left_out : all) {
    http::Request request = signed_request("GET", "/ewp/echo");
    std::vector<std::string> names;
    for (const auto& name : all) {
      if (name != left_out) names.push_back(name);
    }
    resign(request, names);
    expect_refused(request, 400, "must cover " + left_out);
  }
}

TEST_F(RequestVerification, HeadersInAnotherOrderAreAccepted) {  // case 25
  http::Request request = signed_request("GET", "/ewp/echo");
  resign(request, {"x-request-id", "digest", "date", "host", "(request-target)"});
  expect_accepted(request);
}

TEST_F(RequestVerification, ExtraSignedHeadersAreAccepted) {  // case 26
  http::Request request = signed_request("GET", "/ewp/echo");
  request.headers.emplace_back("Some-Custom-Header", "Value");
  resign(request, {"(request-target)", "host", "date", "digest", "x-request-id", "some-custom-header"});
  expect_accepted(request);
}

TEST_F(RequestVerification, OriginalDateTwentyMinutesOldIsRefused) {  // case 28
  http::Request request = signed_request("GET", "/ewp/echo");
  request.headers.emplace_back("Original-Date", format_http_date(kNow - std::chrono::minutes(20)));
  resign(request, {"(request-target)", "host", "original-date", "digest", "x-request-id"});
  expect_refused(request, 400, "Original-Date is 1200 s away");
}

TEST_F(RequestVerification, DateOutsideTheWindowOrMalformedIsRefused) {
  expect_refused(signed_request("GET", "/ewp/echo", "", 0, kNow + std::chrono::minutes(6)), 400, "Date is 360 s away");
  http::Request request = signed_request("GET", "/ewp/echo");
  set_header(request, "Date", "Sunday, 05-Jan-14 21:31:40 GMT");
  resign(request, {"(request-target)", "host", "date", "digest", "x-request-id"});
  expect_refused(request, 400, "not an RFC 1123 date");
}

TEST_F(RequestVerification, NonCanonicalRequestIdIsRefused) {  // case 29
  http::Request request = signed_request("GET", "/ewp/echo");
  std::string id = *request.header("X-Request-Id");
  std::string upper;
  for (char c : id) {
    if (c != '-') upper += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  set_header(request, "X-Request-Id", upper);
  resign(request, {"(request-target)", "host", "date", "digest", "x-request-id"});
  expect_refused(request, 400, "X-Request-Id");
}

TEST_F(RequestVerification, BodyChangedAfterSigningIsRefused) {  // case 30
  http::Request request = signed_request("POST", "/ewp/echo", "echo=a");
  request.body = "echo=b";
  expect_refused(request, 400, "Digest");
}

TEST_F(RequestVerification, SeveralDigestsWithOneSha256AreAccepted) {  // case 31
  http::Request request = signed_request("POST", "/ewp/echo", "echo=b&echo=b");
  set_header(request, "Digest", *request.header("Digest") + ", Unknown-Digest-Algorithm=SomeValue");
  resign(request, {"(request-target)", "host", "date", "digest", "x-request-id"});
  expect_accepted(request);
}

TEST_F(RequestVerification, Sha1DigestOnlyIsRefused) {  // case 32
  http::Request request = signed_request("POST", "/ewp/echo", "echo=a");
  set_header(request, "Digest", "SHA=" + base64_encode(std::string(20, 'x')));
  resign(request, {"(request-target)", "host", "date", "digest", "x-request-id"});
  expect_refused(request, 400, "no SHA-256 digest");
}

TEST_F(RequestVerification, MixedCaseDigestAlgorithmIsAccepted) {  // case 33
  http::Request request = signed_request("POST", "/ewp/echo", "echo=a");
  std::string digest = *request.header("Digest");
  set_header(request, "Digest", "shA-256" + digest.substr(7));
  resign(request, {"(request-target)", "host", "date", "digest", "x-request-id"});
  expect_accepted(request);
}

TEST_F(RequestVerification, ReplayedRequestIdIsRefused) {
  http::Request request = signed_request("GET", "/ewp/echo");
  expect_accepted(request);
  expect_refused(request, 400, "already used");
}

TEST_F(RequestVerification, UnavailableReplayStoreFailsClosed) {
  replay_.broken = true;
  expect_refused(signed_request("GET", "/ewp/echo"), 503, "replays");
}

TEST_F(RequestVerification, OtherHostIsRefused) {
  http::Request request = signed_request("GET", "/ewp/echo");
  set_header(request, "Host", "evil.example");
  resign(request, {"(request-target)", "host", "date", "digest", "x-request-id"});
  expect_refused(request, 400, "Host 'evil.example'");
}

TEST_F(RequestVerification, WrongAlgorithmAndGarbageParametersAreRefused) {
  http::Request request = signed_request("GET", "/ewp/echo");
  std::string authorization = *request.header("Authorization");
  set_header(request, "Authorization", std::string(authorization).replace(authorization.find("rsa-sha256"), 10, "hmac-sha256"));
  expect_refused(request, 400, "not supported");
  set_header(request, "Authorization", "Signature keyId=broken");
  expect_refused(request, 400, "");
}

TEST_F(RequestVerification, TwoAuthorizationHeadersAreRefused) {
  http::Request request = signed_request("GET", "/ewp/echo");
  request.headers.emplace_back("Authorization", *signed_request("GET", "/ewp/echo", "", 2).header("Authorization"));
  expect_refused_exactly(request, 400, "more than one Authorization header");
}

TEST_F(RequestVerification, TwoRequestIdsAreRefused) {
  http::Request request = signed_request("GET", "/ewp/echo");
  request.headers.emplace_back("X-Request-Id", new_request_id());
  resign(request, {"(request-target)", "host", "date", "digest", "x-request-id"});
  expect_refused_exactly(request, 400,
                         "X-Request-Id must appear once as a lower-case UUID like 0f8c3a36-9e3b-4b39-8a8e-8f1f3c9a7d21");
}

TEST_F(RequestVerification, SignatureThatIsNotBase64IsRefused) {
  http::Request request = signed_request("GET", "/ewp/echo");
  edit_authorization(request, [](SignatureParams& params) { params.signature = "not*base64"; });
  expect_refused_exactly(request, 400, "the signature does not verify: the signature is not Base64");
}

TEST_F(RequestVerification, UpperCaseKeyIdNamesTheSameKey) {  // ewp-core.md PIT-2: normalise before lookup
  http::Request request = signed_request("GET", "/ewp/echo");
  std::string upper_case;
  for (char c : test_key(0).public_key.key_id()) upper_case += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  ASSERT_NE(upper_case, test_key(0).public_key.key_id());
  edit_authorization(request, [&](SignatureParams& params) { params.key_id = upper_case; });
  AuthOutcome outcome = verify(request);
  ASSERT_TRUE(std::holds_alternative<AuthenticatedClient>(outcome)) << std::get<AuthFailure>(outcome).developer_message;
  EXPECT_EQ(std::get<AuthenticatedClient>(outcome).key_id, test_key(0).public_key.key_id());
}

TEST(UnsignedHeaders, AreDroppedBeforeHandlersSeeThem) {
  http::Request request = to_request("GET", "/", {{"Host", "h"}, {"X-Evil", "1"}, {"Date", "d"}}, "");
  http::Request kept = without_unsigned_headers(request, {"host", "date"});
  EXPECT_EQ(kept.headers, (http::HeaderList{{"Host", "h"}, {"Date", "d"}}));
}

TEST(PublicUrlHosts, WithAndWithoutPort) {
  EXPECT_EQ(hosts_of_public_url("https://EWP.uni.no:8443/base"), (std::vector<std::string>{"ewp.uni.no:8443", "ewp.uni.no"}));
  EXPECT_EQ(hosts_of_public_url("https://ewp.uni.no"), (std::vector<std::string>{"ewp.uni.no"}));
}

// --- responses ---

struct Exchange {
  http::Request request;
  SentRequest sent;
};

Exchange signed_exchange(const std::string& accept_signature = "rsa-sha256") {
  auto signed_headers = sign_request({"GET", kHost, "/ewp/echo?echo=a", {}, ""}, test_key(0).private_key, kNow);
  http::Request request = to_request("GET", "/ewp/echo?echo=a", signed_headers->headers, "");
  set_header(request, "Accept-Signature", accept_signature);
  return {request, {"GET", "/ewp/echo?echo=a", signed_headers->x_request_id, signed_headers->signature}};
}

ReceivedResponse serve(const Exchange& exchange, int server_slot = 1) {
  http::Response response;
  response.content_type = "text/xml; charset=utf-8";
  response.body = "<response/>";
  ResponseSigner(test_key(server_slot).private_key, [] { return kNow; }).sign(exchange.request, response);
  response.headers.emplace_back("Content-Type", response.content_type);
  return {200, response.headers, response.body};
}

Result<http::HeaderList> check(const Exchange& exchange, const ReceivedResponse& response) {
  return verify_response(exchange.sent, response, {test_key(1).public_key}, kNow);
}

TEST(ResponseSignatures, SignedResponseVerifiesAndUnsignedHeadersAreDropped) {
  Exchange exchange = signed_exchange();
  ReceivedResponse response = serve(exchange);
  response.headers.emplace_back("X-Injected", "by a proxy");
  auto kept = check(exchange, response);
  ASSERT_TRUE(kept) << kept.status().to_string();
  EXPECT_THAT(http::header_values(*kept, "X-Request-Signature"), ::testing::ElementsAre(exchange.sent.signature));
  EXPECT_TRUE(http::header_values(*kept, "X-Injected").empty());
  auto signature = parse_signature_params(http::header_values(response.headers, "Signature").front());
  ASSERT_TRUE(signature);
  EXPECT_THAT(signature->headers, ::testing::ElementsAre("(request-target)", "date", "digest", "content-type", "x-request-id",
                                                         "x-request-signature"));
}

TEST(ResponseSignatures, SignedOnlyWhenRsaSha256IsAskedFor) {  // cases 7, 8, 34, 35
  EXPECT_TRUE(http::header_values(serve(signed_exchange("unknown-algorithm")).headers, "Signature").empty());
  Exchange upper_case = signed_exchange("RSA-SHA256");
  EXPECT_TRUE(check(upper_case, serve(upper_case)));
  Exchange both = signed_exchange("unknown-algorithm, rsa-sha256");
  EXPECT_TRUE(check(both, serve(both)));
  Exchange unsigned_exchange = signed_exchange("unknown-algorithm");
  ReceivedResponse plain = serve(unsigned_exchange);
  EXPECT_THAT(http::header_values(plain.headers, "X-Request-Id"), ::testing::ElementsAre(unsigned_exchange.sent.x_request_id));
}

TEST(ResponseSignatures, KeyOfAnotherHostIsRefused) {
  Exchange exchange = signed_exchange();
  EXPECT_THAT(check(exchange, serve(exchange, 2)).status().message(), HasSubstr("not a server key of the host"));
}

TEST(ResponseSignatures, TamperedBodyIsRefused) {
  Exchange exchange = signed_exchange();
  ReceivedResponse response = serve(exchange);
  response.body = "<response><echo>x</echo></response>";
  EXPECT_THAT(check(exchange, response).status().message(), HasSubstr("does not match"));
}

TEST(ResponseSignatures, RequestIdAndSignatureEchoesAreChecked) {
  Exchange exchange = signed_exchange();
  ReceivedResponse response = serve(exchange);
  Exchange other = exchange;
  other.sent.x_request_id = new_request_id();
  EXPECT_THAT(check(other, response).status().message(), HasSubstr("does not echo ours"));
  other = exchange;
  other.sent.x_request_id.clear();
  EXPECT_THAT(check(other, response).status().message(), HasSubstr("although the request had none"));
  other = exchange;
  other.sent.signature = "c2lnbmF0dXJl";
  EXPECT_THAT(check(other, response).status().message(), HasSubstr("X-Request-Signature does not match"));
}

TEST(ResponseSignatures, UnsignedOrStaleResponsesAreRefused) {
  Exchange exchange = signed_exchange();
  ReceivedResponse response = serve(exchange);
  std::erase_if(response.headers, [](const auto& h) { return h.first == "Signature"; });
  EXPECT_THAT(check(exchange, response).status().message(), HasSubstr("no Signature header"));
  EXPECT_THAT(verify_response(exchange.sent, serve(exchange), {test_key(1).public_key}, kNow + std::chrono::minutes(10))
                  .status()
                  .message(),
              HasSubstr("600 s away"));
}

// The refusal message of `response`, or "accepted".
std::string refusal_of(const Exchange& exchange, const ReceivedResponse& response) {
  auto verified = check(exchange, response);
  return verified ? "accepted" : verified.status().message();
}

// Why a signed response is refused after a forger applied `change` to its Signature parameters
// (its body, Digest and the other headers stay as the server signed them).
std::string refusal_after_edit(const std::function<void(SignatureParams&)>& change) {
  Exchange exchange = signed_exchange();
  ReceivedResponse response = serve(exchange);
  for (auto& [name, value] : response.headers) {
    if (name != "Signature") continue;
    auto params = parse_signature_params(value);
    EXPECT_TRUE(params) << params.status().to_string();
    if (params) change(*params);
    value = params ? format_signature_params(*params) : value;
  }
  return refusal_of(exchange, response);
}

// Why a response is refused whose server signed every header ResponseSigner signs but `left_out`.
std::string refusal_when_unsigned(const std::string& left_out) {
  Exchange exchange = signed_exchange();
  ReceivedResponse response = serve(exchange);
  std::erase_if(response.headers, [](const auto& h) { return h.first == "Signature"; });
  std::vector<std::string> names;
  for (const char* name : {"(request-target)", "date", "digest", "content-type", "x-request-id", "x-request-signature"}) {
    if (name != left_out) names.emplace_back(name);
  }
  auto params = hand_signature({exchange.sent.method, exchange.sent.target, response.headers}, names, 1);
  EXPECT_TRUE(params) << params.status().to_string();
  response.headers.emplace_back("Signature", params ? *params : "");
  return refusal_of(exchange, response);
}

TEST(ResponseSignatures, WrongSignatureBytesAreRefusedThoughTheDigestMatches) {
  auto flip_a_bit = [](SignatureParams& params) {
    std::string bytes = base64_decode(params.signature).value();
    bytes[bytes.size() / 2] ^= 0x01;
    params.signature = base64_encode(bytes);
  };
  EXPECT_EQ(refusal_after_edit(flip_a_bit), "response refused: the signature does not verify");
}

TEST(ResponseSignatures, SeveralSignatureHeadersAreRefused) {
  Exchange exchange = signed_exchange();
  ReceivedResponse response = serve(exchange);
  response.headers.emplace_back("Signature", http::header_values(response.headers, "Signature").front());
  EXPECT_EQ(refusal_of(exchange, response), "response refused: several Signature headers");
}

TEST(ResponseSignatures, AlgorithmOtherThanRsaSha256IsRefused) {
  EXPECT_EQ(refusal_after_edit([](SignatureParams& params) { params.algorithm = "hmac-sha256"; }),
            "response refused: algorithm is not rsa-sha256");
}

TEST(ResponseSignatures, UnsignedDigestIsRefused) {
  EXPECT_EQ(refusal_when_unsigned("digest"), "response refused: digest is not signed");
}

TEST(ResponseSignatures, UnsignedRequestIdIsRefused) {
  EXPECT_EQ(refusal_when_unsigned("x-request-id"), "response refused: x-request-id is not signed");
}

TEST(ResponseSignatures, UnsignedRequestSignatureIsRefused) {
  EXPECT_EQ(refusal_when_unsigned("x-request-signature"), "response refused: x-request-signature is not signed");
}

TEST(ResponseSignatures, SignatureThatIsNotBase64IsRefused) {
  EXPECT_EQ(refusal_after_edit([](SignatureParams& params) { params.signature = "not*base64"; }),
            "response refused: the signature is not Base64");
}

TEST(ResponseSignatures, ChallengeHeaders) {
  http::Response response;
  add_signature_challenge(response);
  EXPECT_EQ(response.headers, (http::HeaderList{{"WWW-Authenticate", "Signature realm=\"EWP\""}, {"Want-Digest", "SHA-256"}}));
}

// --- dates and ids ---

TEST(HttpDate, FormatsAndParsesRfc1123Strictly) {
  auto date = parse_http_date("Sun, 05 Jan 2014 21:31:40 GMT");
  ASSERT_TRUE(date);
  EXPECT_EQ(format_http_date(*date), "Sun, 05 Jan 2014 21:31:40 GMT");
  EXPECT_EQ(Clock::to_time_t(*date), 1388957500);
  for (const char* bad : {"Sun, 5 Jan 2014 21:31:40 GMT", "Sun, 05 Jan 2014 21:31:40 UTC", "Sunday, 05-Jan-14 21:31:40 GMT",
                          "Sun, 05 Foo 2014 21:31:40 GMT", "Sun, 05 Jan 2014 25:31:40 GMT", ""}) {
    EXPECT_FALSE(parse_http_date(bad)) << bad;
  }
}

TEST(RequestId, FreshIdsAreCanonicalVersion4AndDistinct) {
  std::set<std::string> ids;
  for (int i = 0; i < 100; ++i) {
    std::string id = new_request_id();
    EXPECT_TRUE(is_canonical_request_id(id)) << id;
    EXPECT_EQ(id[14], '4');
    ids.insert(id);
  }
  EXPECT_EQ(ids.size(), 100u);
  EXPECT_FALSE(is_canonical_request_id("0F8C3A36-9E3B-4B39-8A8E-8F1F3C9A7D21"));
  EXPECT_FALSE(is_canonical_request_id("0f8c3a369e3b4b398a8e8f1f3c9a7d21"));
}

}  // namespace
}  // namespace mobility::ewp
