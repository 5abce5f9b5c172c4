#include "ewp-node/security/digest.hpp"

#include <vector>

#include "base/base64.hpp"
#include "base/sha256.hpp"
#include "base/text.hpp"
#include "http/message.hpp"

namespace mobility::ewp {
namespace {

struct DigestEntry {
  std::string_view algorithm;
  std::string_view value;
};

// The `algorithm=value` entries of a Digest header; entries without '=' are skipped.
std::vector<DigestEntry> digest_entries(std::string_view header_value) {
  std::vector<DigestEntry> entries;
  while (!header_value.empty()) {
    size_t comma = header_value.find(',');
    std::string_view entry = header_value.substr(0, comma);
    header_value = comma == std::string_view::npos ? std::string_view() : header_value.substr(comma + 1);
    size_t equals = entry.find('=');
    if (equals == std::string_view::npos) continue;
    entries.push_back({trim_blanks(entry.substr(0, equals)), trim_blanks(entry.substr(equals + 1))});
  }
  return entries;
}

}  // namespace

std::string sha256_digest_header(std::string_view body) { return "SHA-256=" + base64_encode(sha256(body)); }

Status verify_sha256_digest(std::string_view header_value, std::string_view body) {
  const std::string expected = sha256(body);
  bool seen = false;
  for (const DigestEntry& entry : digest_entries(header_value)) {
    if (!http::equals_ignore_case(entry.algorithm, "SHA-256")) continue;
    seen = true;
    auto claimed = base64_decode(entry.value);
    if (claimed && *claimed == expected) return Status::ok();
  }
  if (!seen) return Status::invalid_argument("no SHA-256 digest in the Digest header");
  return Status::invalid_argument("the SHA-256 Digest does not match the body (expected " + sha256_digest_header(body) + ")");
}

Status verify_digest_headers(const http::HeaderList& headers, std::string_view body) {
  std::string joined;
  for (const std::string& value : http::header_values(headers, "Digest")) joined += (joined.empty() ? "" : ",") + value;
  return verify_sha256_digest(joined, body);
}

}  // namespace mobility::ewp
