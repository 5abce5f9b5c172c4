#include "ewp-node/security/request_signer.hpp"

#include <algorithm>

#include "base/base64.hpp"
#include "base/text.hpp"
#include "ewp-node/security/digest.hpp"
#include "ewp-node/security/request_id.hpp"
#include "ewp-node/security/signature_params.hpp"
#include "ewp-node/security/signing_string.hpp"

namespace mobility::ewp {

Result<SignedRequest> sign_request(const OutgoingRequest& request, const RsaPrivateKey& key, Clock::time_point now) {
  SignedRequest signed_request;
  signed_request.x_request_id = new_request_id();
  http::HeaderList headers = request.headers;
  headers.emplace_back("Host", request.host);
  headers.emplace_back("Date", format_http_date(now));
  headers.emplace_back("Digest", sha256_digest_header(request.body));
  headers.emplace_back("X-Request-Id", signed_request.x_request_id);
  headers.emplace_back("Accept-Signature", "rsa-sha256");

  SignatureParams params{key.key_id(), "rsa-sha256", {"(request-target)"}, ""};
  for (const auto& header : headers) {
    std::string name = ascii_lower(header.first);
    if (std::find(params.headers.begin(), params.headers.end(), name) == params.headers.end()) {
      params.headers.push_back(name);
    }
  }
  auto signing_string = build_signing_string({request.method, request.target, headers}, params.headers);
  if (!signing_string) return signing_string.status();
  auto signature = key.sign_sha256(*signing_string);
  if (!signature) return signature.status();
  params.signature = base64_encode(*signature);
  headers.emplace_back("Authorization", "Signature " + format_signature_params(params));
  signed_request.signature = params.signature;
  signed_request.headers = std::move(headers);
  return signed_request;
}

}  // namespace mobility::ewp
