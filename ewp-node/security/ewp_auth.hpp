// The contract between the EWP surface (which guards every EWP endpoint), the HTTP-signature
// verifier (which authenticates a request) and the registry (which says whose key is whose).
//
// Every EWP request is authenticated before its handler runs: the surface calls an
// Authenticator, and either hands the AuthenticatedClient to the handler or answers the
// AuthFailure as an EWP <error-response>.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "ewp-node/security/rsa_signer.hpp"
#include "http/message.hpp"

namespace mobility::ewp {

// A requester whose signature verified against a client key of the registry catalogue.
struct AuthenticatedClient {
  std::string key_id;                       // lower-case hex SHA-256 of the client's public key
  std::vector<std::string> hei_ids;         // HEIs the catalogue says this key covers; may be empty
  std::string request_signature;            // the `signature` parameter, echoed as X-Request-Signature
  std::vector<std::string> signed_headers;  // lower-case names the signature covers; handlers see only these
};

// Why a request was refused, as the cliauth-httpsig spec orders it.
struct AuthFailure {
  int status = 401;               // 400, 401 or 403
  std::string developer_message;  // goes into <developer-message>; never secrets
  bool challenge = false;         // 401 with WWW-Authenticate: Signature realm="EWP" and Want-Digest
  std::string request_signature;  // set when the Authorization header parsed: still echoed
};

using AuthOutcome = std::variant<AuthenticatedClient, AuthFailure>;

// Verifies one request (signature, digest, dates, replay, catalogue key); never throws.
using Authenticator = std::function<AuthOutcome(const http::Request&)>;

// A client key as the registry catalogue publishes it.
struct ClientKey {
  RsaPublicKey public_key;
  std::vector<std::string> hei_ids;  // union over every catalogue host listing it as a client key
};

// Looks up client keys. The registry implements it over its current catalogue snapshot (and may
// refresh the catalogue once, rate-limited, when the key is unknown); tests use a fixed table.
class ClientKeyDirectory {
 public:
  virtual ~ClientKeyDirectory() = default;
  // nullopt when key_id is not a client key of the catalogue: unknown, only a server key, or a
  // catalogue entry that is not a usable RSA key.
  virtual std::optional<ClientKey> find_client_key(const std::string& key_id) const = 0;
};

}  // namespace mobility::ewp
