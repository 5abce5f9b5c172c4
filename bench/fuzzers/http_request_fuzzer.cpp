// The HTTP/1.1 request parser (http/request_parser.hpp) on the bytes of a connection, pipelined
// requests included, and every complete request through what the EWP surface does with it
// first: the HTTP-signature verification (Authorization: Signature, Digest, Date, X-Request-Id,
// against the test key of shared/test-vectors), the unsigned headers dropped, Accept-Signature.
#include <cstdlib>
#include <optional>

#include "bench/fuzzers/fuzz_support.hpp"
#include "bench/fuzzers/test_key.hpp"
#include "ewp-node/security/request_verifier.hpp"
#include "ewp-node/security/response_signer.hpp"
#include "http/request_parser.hpp"

namespace {

using namespace mobility;

class OneKey : public ewp::ClientKeyDirectory {
 public:
  std::optional<ewp::ClientKey> find_client_key(const std::string& key_id) const override {
    const auto& key = fuzz::test_public_key();
    if (key_id != key.key_id()) return std::nullopt;
    return ewp::ClientKey{key, {"partner.example"}};
  }
};

class EveryIdNew : public ewp::ReplayGuard {
 public:
  Result<bool> first_use(const std::string&, http::Clock::time_point) override { return true; }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static OneKey keys;
  static EveryIdNew replay;
  static ewp::RequestVerifier verifier(keys, replay, {{fuzz::kHost}}, fuzz::fixed_now);
  std::string_view buffer = fuzz::as_text(data, size);
  http::ParseLimits limits{4096, 16 * 1024};
  for (int requests = 0; requests < 8 && !buffer.empty(); ++requests) {
    http::ParseResult parsed = http::parse_request(buffer, limits);
    if (parsed.kind != http::ParseResult::Kind::kComplete) break;
    if (parsed.consumed == 0 || parsed.consumed > buffer.size()) std::abort();
    buffer.remove_prefix(parsed.consumed);
    ewp::AuthOutcome outcome = verifier.verify(parsed.request);
    if (const auto* client = std::get_if<ewp::AuthenticatedClient>(&outcome)) {
      (void)ewp::without_unsigned_headers(parsed.request, client->signed_headers);
    }
    (void)ewp::wants_rsa_sha256_signature(parsed.request);
  }
  return 0;
}
