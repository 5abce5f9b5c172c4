// The draft-cavage HTTP Signatures parameter list, as EWP uses it in two places:
//   request  (cliauth-httpsig): `Authorization: Signature keyId="…",algorithm="…",headers="…",signature="…"`
//   response (srvauth-httpsig): `Signature: keyId="…",algorithm="…",headers="…",signature="…"`
//
// Parameters are name="value" pairs separated by commas, optionally with blanks around the
// commas and the '='; order is free. Names are case-sensitive (keyId, algorithm, headers,
// signature); unknown names are ignored, a repeated name is an error. Values contain no quotes.
// `headers` is split on single spaces and lower-cased; when absent it is {"date"}, as the draft
// prescribes. keyId and signature are required; algorithm is returned as sent (possibly empty)
// for the caller to check. Parsing only reads text: nothing here decodes Base64 or checks keys.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/status.hpp"

namespace mobility::ewp {

struct SignatureParams {
  std::string key_id;
  std::string algorithm;             // "rsa-sha256" in EWP
  std::vector<std::string> headers;  // lower case, in signing order; "(request-target)" included
  std::string signature;             // Base64, as sent
};

// Parses the parameter list of a `Signature` header (or of an Authorization value after its scheme).
Result<SignatureParams> parse_signature_params(std::string_view text);

// Parses a whole Authorization header value; the scheme must be `Signature` (any letter case).
Result<SignatureParams> parse_authorization_signature(std::string_view authorization);

// keyId="…",algorithm="…",headers="a b c",signature="…" — the value of a response `Signature`
// header; prefix "Signature " for an Authorization header.
std::string format_signature_params(const SignatureParams& params);

}  // namespace mobility::ewp
