#include "ewp-node/security/response_signer.hpp"

#include <optional>

#include "base/base64.hpp"
#include "base/log.hpp"
#include "base/text.hpp"
#include "ewp-node/security/digest.hpp"
#include "ewp-node/security/signature_params.hpp"
#include "ewp-node/security/signing_string.hpp"

namespace mobility::ewp {
namespace {

bool has_header(const http::HeaderList& headers, std::string_view name) {
  for (const auto& header : headers) {
    if (http::equals_ignore_case(header.first, name)) return true;
  }
  return false;
}

std::optional<std::string> request_signature_of(const http::Request& request) {
  auto authorization = request.header("Authorization");
  if (!authorization) return std::nullopt;
  auto params = parse_authorization_signature(*authorization);
  if (!params) return std::nullopt;
  return params->signature;
}

// The headers the Signature covers, in signing order, given what the response carries.
std::vector<std::string> covered_headers(const http::HeaderList& headers) {
  std::vector<std::string> names = {"(request-target)", "date", "digest", "content-type"};
  for (const char* optional : {"x-request-id", "x-request-signature", "content-encoding"}) {
    if (has_header(headers, optional)) names.emplace_back(optional);
  }
  return names;
}

}  // namespace

bool wants_rsa_sha256_signature(const http::Request& request) {
  for (const auto& [name, value] : request.headers) {
    if (!http::equals_ignore_case(name, "Accept-Signature")) continue;
    std::string_view rest = value;
    while (!rest.empty()) {
      size_t comma = rest.find(',');
      if (http::equals_ignore_case(trim_blanks(rest.substr(0, comma)), "rsa-sha256")) return true;
      rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
    }
  }
  return false;
}

ResponseSigner::ResponseSigner(RsaPrivateKey key, Now now) : key_(std::move(key)), now_(std::move(now)) {}

void ResponseSigner::sign(const http::Request& request, http::Response& response) const {
  if (auto request_id = request.header("X-Request-Id")) response.headers.emplace_back("X-Request-Id", *request_id);
  if (auto signature = request_signature_of(request)) response.headers.emplace_back("X-Request-Signature", *signature);
  if (!wants_rsa_sha256_signature(request)) return;
  if (!has_header(response.headers, "Date")) response.headers.emplace_back("Date", format_http_date(now_()));
  response.headers.emplace_back("Digest", sha256_digest_header(response.body));

  http::HeaderList signed_view = response.headers;
  signed_view.emplace_back("Content-Type", response.content_type);
  SignatureParams params{key_.key_id(), "rsa-sha256", covered_headers(response.headers), ""};
  auto signing_string = build_signing_string({request.method, request.target, signed_view}, params.headers);
  if (!signing_string) {
    log::error("response_signing_failed", {{"error", signing_string.status().message()}});
    return;
  }
  auto signature = key_.sign_sha256(*signing_string);
  if (!signature) {
    log::error("response_signing_failed", {{"error", signature.status().message()}});
    return;
  }
  params.signature = base64_encode(*signature);
  response.headers.emplace_back("Signature", format_signature_params(params));
}

void add_signature_challenge(http::Response& response) {
  response.headers.emplace_back("WWW-Authenticate", "Signature realm=\"EWP\"");
  response.headers.emplace_back("Want-Digest", "SHA-256");
}

}  // namespace mobility::ewp
