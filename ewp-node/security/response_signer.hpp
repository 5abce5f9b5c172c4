// Server side of srvauth-httpsig: signs our responses for clients that ask for it.
//
// For every response to an EWP request (errors too):
//   - X-Request-Id is echoed when, and only when, the request carried one;
//   - X-Request-Signature carries the request's signature whenever the request had a parsable
//     Authorization: Signature header.
// When the request's Accept-Signature lists rsa-sha256 (any case, among comma-separated values)
// the response also gets Date (unless the handler set one), Digest (SHA-256 of the body exactly
// as sent) and a Signature header by our server key covering (request-target) (of the request),
// date, digest, content-type, and x-request-id, x-request-signature and content-encoding when
// present. Without rsa-sha256 in Accept-Signature nothing is signed (unknown algorithms are
// ignored, as the spec asks).
//
// Nothing may change the response after sign(): the server writes `content_type` as the
// Content-Type header and the headers and body as they are.
#pragma once

#include <functional>

#include "ewp-node/security/rsa_signer.hpp"
#include "http/http_date.hpp"
#include "http/message.hpp"

namespace mobility::ewp {

// True when an Accept-Signature header of `request` lists rsa-sha256.
bool wants_rsa_sha256_signature(const http::Request& request);

class ResponseSigner {
 public:
  using Now = std::function<Clock::time_point()>;

  explicit ResponseSigner(
      RsaPrivateKey key, Now now = [] { return Clock::now(); });

  void sign(const http::Request& request, http::Response& response) const;

 private:
  RsaPrivateKey key_;
  Now now_;
};

// Adds the headers a 401 challenge for HTTP Signatures carries: WWW-Authenticate: Signature
// realm="EWP" and Want-Digest: SHA-256.
void add_signature_challenge(http::Response& response);

}  // namespace mobility::ewp
