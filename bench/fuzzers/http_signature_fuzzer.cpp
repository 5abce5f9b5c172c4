// The parsers of the HTTP-signature headers: `Signature` and `Authorization: Signature` parameters
// (ewp-node/security/signature_params.hpp), `Digest` (digest.hpp) and `Accept-Signature`
// (response_signer.hpp), and the client's verification of a signed response (response_verifier.hpp)
// that uses them all. The input is "Name: value" lines, then an empty line and the body; each
// value also goes through the parsers alone. Parsed parameters formatted again parse the same.
#include <cstdlib>

#include "bench/fuzzers/fuzz_support.hpp"
#include "bench/fuzzers/test_key.hpp"
#include "ewp-node/security/digest.hpp"
#include "ewp-node/security/response_signer.hpp"
#include "ewp-node/security/response_verifier.hpp"
#include "ewp-node/security/signature_params.hpp"

namespace {

using namespace mobility;

void check_params(std::string_view text) {
  auto params = ewp::parse_signature_params(text);
  if (!params) return;
  auto again = ewp::parse_signature_params(ewp::format_signature_params(*params));
  if (!again || again->key_id != params->key_id || again->algorithm != params->algorithm || again->headers != params->headers ||
      again->signature != params->signature) {
    std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text = fuzz::as_text(data, size);
  size_t blank = text.find("\n\n");
  std::string_view head = text.substr(0, blank);
  std::string body(blank == std::string_view::npos ? std::string_view() : text.substr(blank + 2));

  http::Request request;
  request.method = "GET";
  request.target = "/ewp/echo";
  ewp::ReceivedResponse response{200, {}, body};
  for (std::string_view line : fuzz::split(head, '\n')) {
    size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    std::string name(line.substr(0, colon));
    std::string_view value = line.substr(colon + 1);
    while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
    check_params(value);
    (void)ewp::parse_authorization_signature(value);
    (void)ewp::verify_sha256_digest(value, body);
    request.headers.emplace_back(name, value);
    response.headers.emplace_back(name, value);
  }
  (void)ewp::verify_digest_headers(response.headers, body);
  (void)ewp::wants_rsa_sha256_signature(request);
  ewp::SentRequest sent{"GET", "/ewp/echo", "c2ee3e0f-7e6a-4a3b-9d7f-6c1f0d1a2b3c", "c2lnbmF0dXJl"};
  (void)ewp::verify_response(sent, response, {fuzz::test_public_key()}, fuzz::fixed_now());
  return 0;
}
