#include "ewp-node/security/request_verifier.hpp"

#include <algorithm>
#include <optional>

#include "base/base64.hpp"
#include "base/text.hpp"
#include "ewp-node/security/digest.hpp"
#include "ewp-node/security/request_id.hpp"
#include "ewp-node/security/signature_params.hpp"
#include "ewp-node/security/signing_string.hpp"

namespace mobility::ewp {
namespace {

AuthFailure fail(int status, std::string message, std::string request_signature = "") {
  return AuthFailure{status, std::move(message), false, std::move(request_signature)};
}

AuthFailure challenge(std::string message) { return AuthFailure{401, std::move(message), true, ""}; }

bool lists(const std::vector<std::string>& names, std::string_view name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

std::vector<std::string> all_values(const http::Request& request, std::string_view name) {
  return http::header_values(request.headers, name);
}

// The one value of a header that must not repeat, or nullopt when absent or repeated.
std::optional<std::string> single_value(const http::Request& request, std::string_view name) {
  auto values = all_values(request, name);
  if (values.size() != 1) return std::nullopt;
  return values.front();
}

std::optional<std::string> missing_required_header(const std::vector<std::string>& signed_headers) {
  for (const char* required : {"(request-target)", "host", "digest", "x-request-id"}) {
    if (!lists(signed_headers, required)) return std::string(required);
  }
  if (!lists(signed_headers, "date") && !lists(signed_headers, "original-date")) return std::string("date");
  return std::nullopt;
}

bool uses_signature_scheme(std::string_view authorization) {
  std::string_view value = trim_blanks(authorization);
  std::string_view scheme = value.substr(0, value.find_first_of(" \t"));
  return http::equals_ignore_case(scheme, "Signature");
}

bool host_accepted(const std::optional<std::string>& host, const std::vector<std::string>& hosts) {
  if (!host) return false;
  return std::any_of(hosts.begin(), hosts.end(), [&](const std::string& h) { return http::equals_ignore_case(h, *host); });
}

// The structural checks that need neither the catalogue nor RSA; nullopt when all pass.
std::optional<AuthFailure> check_form(const http::Request& request, const SignatureParams& params,
                                      const VerifierSettings& settings, Clock::time_point now) {
  const std::string& signature = params.signature;
  if (!http::equals_ignore_case(params.algorithm, "rsa-sha256")) {
    return fail(400, "algorithm \"" + params.algorithm.substr(0, 40) + "\" is not supported; use rsa-sha256", signature);
  }
  if (auto missing = missing_required_header(params.headers)) {
    return fail(400,
                "the signature must cover " + *missing +
                    "; sign at least (request-target) host date (or original-date) digest x-request-id",
                signature);
  }
  auto host = single_value(request, "Host");
  if (!host_accepted(host, settings.hosts)) {
    return fail(400, "Host '" + host.value_or("").substr(0, 100) + "' is not this node's host name", signature);
  }
  if (auto problem = date_headers_problem(request.headers, now, settings.max_clock_skew)) {
    return fail(400, *problem, signature);
  }
  auto request_id = single_value(request, "X-Request-Id");
  if (!request_id || !is_canonical_request_id(*request_id)) {
    return fail(400, "X-Request-Id must appear once as a lower-case UUID like 0f8c3a36-9e3b-4b39-8a8e-8f1f3c9a7d21", signature);
  }
  if (Status digest = verify_digest_headers(request.headers, request.body); !digest) {
    return fail(400, "Digest: " + digest.message(), signature);
  }
  return std::nullopt;
}

Status check_signature(const http::Request& request, const SignatureParams& params, const RsaPublicKey& key) {
  auto signing_string = build_signing_string({request.method, request.target, request.headers}, params.headers);
  if (!signing_string) return signing_string.status();
  auto signature = base64_decode(params.signature);
  if (!signature) return Status::invalid_argument("the signature is not Base64");
  return key.verify_sha256(*signing_string, *signature);
}

}  // namespace

std::vector<std::string> hosts_of_public_url(const std::string& public_url) {
  size_t start = public_url.find("://");
  start = start == std::string::npos ? 0 : start + 3;
  size_t end = std::min(public_url.find('/', start), public_url.size());
  std::string authority = ascii_lower(std::string_view(public_url).substr(start, end - start));
  std::vector<std::string> hosts = {authority};
  size_t colon = authority.rfind(':');
  if (colon != std::string::npos && authority.find(']', colon) == std::string::npos) {
    hosts.push_back(authority.substr(0, colon));
  }
  return hosts;
}

RequestVerifier::RequestVerifier(const ClientKeyDirectory& keys, ReplayGuard& replay, VerifierSettings settings, Now now)
    : keys_(keys), replay_(replay), settings_(std::move(settings)), now_(std::move(now)) {}

AuthOutcome RequestVerifier::verify(const http::Request& request) const {
  auto authorizations = all_values(request, "Authorization");
  if (authorizations.empty()) {
    return challenge("this API requires HTTP Signature client authentication (Authorization: Signature ...)");
  }
  if (authorizations.size() > 1) return fail(400, "more than one Authorization header");
  if (!uses_signature_scheme(authorizations.front())) {
    return challenge("the Authorization scheme is not Signature; this API accepts HTTP Signatures only");
  }
  auto params = parse_authorization_signature(authorizations.front());
  if (!params) return fail(400, params.status().message());
  const Clock::time_point now = now_();
  if (auto problem = check_form(request, *params, settings_, now)) return *problem;

  const std::string key_id = ascii_lower(params->key_id);
  auto client = keys_.find_client_key(key_id);
  if (!client) {
    return fail(403, "keyId " + key_id.substr(0, 64) + " is not a client key in the EWP registry catalogue", params->signature);
  }
  if (Status verified = check_signature(request, *params, client->public_key); !verified) {
    return fail(400, "the signature does not verify: " + verified.message(), params->signature);
  }
  auto first = replay_.first_use(*single_value(request, "X-Request-Id"), now);
  if (!first) return fail(503, "cannot check X-Request-Id for replays right now; try again later", params->signature);
  if (!*first) return fail(400, "X-Request-Id was already used; send a new id with every request", params->signature);
  return AuthenticatedClient{key_id, client->hei_ids, params->signature, params->headers};
}

http::Request without_unsigned_headers(const http::Request& request, const std::vector<std::string>& signed_headers) {
  http::Request copy = request;
  copy.headers.clear();
  for (const auto& header : request.headers) {
    if (lists(signed_headers, ascii_lower(header.first))) copy.headers.push_back(header);
  }
  return copy;
}

}  // namespace mobility::ewp
