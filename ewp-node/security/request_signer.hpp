// Client side of cliauth-httpsig (and the request half of srvauth-httpsig): signs the requests
// we send to partners' EWP endpoints.
//
// sign_request() returns the complete header list to send: the caller's headers (e.g.
// Content-Type) followed by Host, Date, Digest (SHA-256 of the body, also for an empty body),
// X-Request-Id (fresh UUID), Accept-Signature: rsa-sha256, and Authorization: Signature whose
// headers parameter covers (request-target) and every header above, in this order. Nothing may
// change the request afterwards (the transport must send the headers exactly, and no others that
// the server needs to trust).
#pragma once

#include <string>

#include "ewp-node/security/rsa_signer.hpp"
#include "http/http_date.hpp"
#include "http/message.hpp"

namespace mobility::ewp {

struct OutgoingRequest {
  std::string method;        // "GET", "POST"
  std::string host;          // Host header value: "ewp.partner.eu" or "ewp.partner.eu:8443"
  std::string target;        // path and query as they will be on the request line
  http::HeaderList headers;  // extra headers to send and sign, e.g. Content-Type
  std::string body;
};

struct SignedRequest {
  http::HeaderList headers;  // everything to send, Authorization last
  std::string x_request_id;
  std::string signature;  // Base64; the server echoes it as X-Request-Signature
};

Result<SignedRequest> sign_request(const OutgoingRequest& request, const RsaPrivateKey& key, Clock::time_point now);

}  // namespace mobility::ewp
