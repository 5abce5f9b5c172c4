// Client side of srvauth-httpsig: checks the signature on a partner's response before anything
// reads it (ewp-core §4.3). Every failure is an error; there is no "unsigned but accepted".
//
// Checks, in order:
//   - X-Request-Id: present once and equal to ours when we sent one; absent when we did not;
//   - one Signature header with algorithm rsa-sha256 whose headers cover digest, date or
//     original-date, x-request-id when we sent one, and x-request-signature when we signed the
//     request (which must then equal our request's signature);
//   - every Date / Original-Date within max_skew of now;
//   - keyId is one of `server_keys`: the keys the catalogue lists for the host that publishes the
//     API we called (keys of other hosts are refused even if they are in the catalogue);
//   - the signature over (request-target) of our request and the covered response headers;
//   - a SHA-256 Digest that matches the body as received.
// On success returns the response headers the signature covers; the caller must ignore the rest.
#pragma once

#include <chrono>
#include <string>
#include <vector>

#include "ewp-node/security/rsa_signer.hpp"
#include "http/http_date.hpp"
#include "http/message.hpp"

namespace mobility::ewp {

struct SentRequest {
  std::string method;
  std::string target;
  std::string x_request_id;  // empty when none was sent
  std::string signature;     // our Authorization signature; empty when not signed
};

struct ReceivedResponse {
  int status = 0;
  http::HeaderList headers;
  std::string body;
};

Result<http::HeaderList> verify_response(const SentRequest& request, const ReceivedResponse& response,
                                         const std::vector<RsaPublicKey>& server_keys, Clock::time_point now,
                                         std::chrono::seconds max_skew = std::chrono::seconds(300));

}  // namespace mobility::ewp
