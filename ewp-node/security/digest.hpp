// The RFC 3230 `Digest` header with SHA-256, as EWP requires on signed requests and responses.
//
// A header value is a comma-separated list of `algorithm=value` entries ("SHA-256=…, SHA=…").
// Algorithm tokens compare case-insensitively, whitespace around entries is ignored, and a value
// (Base64) may itself contain '='. Only SHA-256 entries are checked; others are ignored. The body
// is the raw bytes as transmitted (after any Content-Encoding), empty for GET.
#pragma once

#include <string>
#include <string_view>

#include "base/status.hpp"
#include "http/message.hpp"

namespace mobility::ewp {

// "SHA-256=<Base64 of SHA-256(body)>".
std::string sha256_digest_header(std::string_view body);

// ok when some SHA-256 entry of `header_value` matches `body`; otherwise invalid_argument:
// "no SHA-256 digest" when there is no such entry, a mismatch message when none matches.
Status verify_sha256_digest(std::string_view header_value, std::string_view body);

// The same over every Digest header of a message (several headers count as one list).
Status verify_digest_headers(const http::HeaderList& headers, std::string_view body);

}  // namespace mobility::ewp
