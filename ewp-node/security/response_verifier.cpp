#include "ewp-node/security/response_verifier.hpp"

#include <algorithm>

#include "base/base64.hpp"
#include "base/text.hpp"
#include "ewp-node/security/digest.hpp"
#include "ewp-node/security/signature_params.hpp"
#include "ewp-node/security/signing_string.hpp"

namespace mobility::ewp {
namespace {

Status refuse(const std::string& why) { return Status::invalid_argument("response refused: " + why); }

bool covers(const SignatureParams& params, std::string_view name) {
  return std::find(params.headers.begin(), params.headers.end(), name) != params.headers.end();
}

Status check_request_id(const SentRequest& request, const http::HeaderList& headers) {
  auto ids = http::header_values(headers, "X-Request-Id");
  if (request.x_request_id.empty()) {
    return ids.empty() ? Status::ok() : refuse("X-Request-Id present although the request had none");
  }
  if (ids.size() != 1 || ids.front() != request.x_request_id) return refuse("X-Request-Id does not echo ours");
  return Status::ok();
}

Result<SignatureParams> signature_params_of(const SentRequest& request, const http::HeaderList& headers) {
  auto values = http::header_values(headers, "Signature");
  if (values.size() != 1) return refuse(values.empty() ? "no Signature header" : "several Signature headers");
  auto params = parse_signature_params(values.front());
  if (!params) return refuse(params.status().message());
  if (!http::equals_ignore_case(params->algorithm, "rsa-sha256")) return refuse("algorithm is not rsa-sha256");
  if (!covers(*params, "digest")) return refuse("digest is not signed");
  if (!covers(*params, "date") && !covers(*params, "original-date")) return refuse("neither date nor original-date is signed");
  if (!request.x_request_id.empty() && !covers(*params, "x-request-id")) return refuse("x-request-id is not signed");
  if (!request.signature.empty()) {
    if (!covers(*params, "x-request-signature")) return refuse("x-request-signature is not signed");
    auto echoed = http::header_values(headers, "X-Request-Signature");
    if (echoed.size() != 1 || echoed.front() != request.signature) {
      return refuse("X-Request-Signature does not match our request's signature");
    }
  }
  return params;
}

const RsaPublicKey* find_key(const std::vector<RsaPublicKey>& keys, const std::string& key_id) {
  std::string wanted = ascii_lower(key_id);
  for (const auto& key : keys) {
    if (key.key_id() == wanted) return &key;
  }
  return nullptr;
}

http::HeaderList covered_headers(const http::HeaderList& headers, const SignatureParams& params) {
  http::HeaderList kept;
  for (const auto& header : headers) {
    if (covers(params, ascii_lower(header.first))) kept.push_back(header);
  }
  return kept;
}

}  // namespace

Result<http::HeaderList> verify_response(const SentRequest& request, const ReceivedResponse& response,
                                         const std::vector<RsaPublicKey>& server_keys, Clock::time_point now,
                                         std::chrono::seconds max_skew) {
  if (Status ids = check_request_id(request, response.headers); !ids) return ids;
  auto params = signature_params_of(request, response.headers);
  if (!params) return params.status();
  if (auto problem = date_headers_problem(response.headers, now, max_skew)) return refuse(*problem);
  const RsaPublicKey* key = find_key(server_keys, params->key_id);
  if (key == nullptr) return refuse("keyId " + params->key_id.substr(0, 64) + " is not a server key of the host we called");
  auto signing_string = build_signing_string({request.method, request.target, response.headers}, params->headers);
  if (!signing_string) return refuse(signing_string.status().message());
  auto signature = base64_decode(params->signature);
  if (!signature) return refuse("the signature is not Base64");
  if (Status verified = key->verify_sha256(*signing_string, *signature); !verified) {
    return refuse("the signature does not verify");
  }
  if (Status digest = verify_digest_headers(response.headers, response.body); !digest) return refuse(digest.message());
  return covered_headers(response.headers, *params);
}

}  // namespace mobility::ewp
