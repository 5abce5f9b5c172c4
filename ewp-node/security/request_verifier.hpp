// Server side of cliauth-httpsig: decides whether an incoming EWP request was signed by a client
// key that the registry catalogue lists, and which HEIs that client speaks for.
//
// The checks, and the status each failure answers (as the spec and the official validator want):
//   no Authorization, or a scheme other than Signature    401 with a challenge
//   unparsable signature parameters, algorithm other than rsa-sha256,
//   headers list lacking (request-target) host digest x-request-id and date or original-date,
//   a listed header missing from the request               400
//   Host not one of this node's host names                 400
//   a Date or Original-Date header (every one present, signed or not) not RFC 1123 or more than
//   max_clock_skew away from now                           400
//   X-Request-Id not a canonical lower-case UUID            400
//   Digest without a SHA-256 entry matching the raw body    400
//   keyId not a client key of the catalogue (unknown, or only a server key)   403
//   signature does not verify                              400
//   X-Request-Id already used (replay)                     400
//   the replay store cannot answer                         503 (fails closed)
// Cheap checks run first; the catalogue lookup (which may refresh the catalogue) and the RSA
// verification run only for well-formed requests, and the replay record is written only for a
// request whose signature verified, so nobody can burn another client's ids.
#pragma once

#include <chrono>
#include <functional>
#include <string>
#include <vector>

#include "ewp-node/security/ewp_auth.hpp"
#include "ewp-node/security/replay_guard.hpp"
#include "http/http_date.hpp"

namespace mobility::ewp {

struct VerifierSettings {
  // Host header values accepted, compared case-insensitively: the public URL's host with its
  // port (when it has one) and without it, since clients differ on whether they send it.
  std::vector<std::string> hosts;
  std::chrono::seconds max_clock_skew{300};
};

// The `hosts` for a public URL: "https://ewp.uni.no:8443/x" → {"ewp.uni.no:8443", "ewp.uni.no"}.
std::vector<std::string> hosts_of_public_url(const std::string& public_url);

class RequestVerifier {
 public:
  using Now = std::function<Clock::time_point()>;

  // The directory and guard must outlive the verifier.
  RequestVerifier(
      const ClientKeyDirectory& keys, ReplayGuard& replay, VerifierSettings settings, Now now = [] { return Clock::now(); });

  AuthOutcome verify(const http::Request& request) const;

 private:
  const ClientKeyDirectory& keys_;
  ReplayGuard& replay_;
  VerifierSettings settings_;
  Now now_;
};

// `request` with only the headers in `signed_headers` (lower-case names), in their order.
// Handlers see this copy: the spec orders servers to ignore unsigned headers.
http::Request without_unsigned_headers(const http::Request& request, const std::vector<std::string>& signed_headers);

}  // namespace mobility::ewp
