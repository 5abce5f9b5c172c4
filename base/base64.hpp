// Standard Base64 (RFC 4648 §4, alphabet A-Z a-z 0-9 + /, with '=' padding) as EWP uses it for
// HTTP signatures, Digest headers and the DER public keys in manifests and catalogues.
//
// Decoding is strict: the text must be a whole number of 4-character groups of alphabet
// characters, with at most two '=' and only at the end. Whitespace is not skipped; callers that
// read Base64 from XML strip it first.
#pragma once

#include <string>
#include <string_view>

#include "base/status.hpp"

namespace mobility {

// The Base64 text of arbitrary bytes, padded to a multiple of 4 characters.
std::string base64_encode(std::string_view bytes);

// The bytes encoded by `text`, or invalid_argument naming what is wrong with it.
Result<std::string> base64_decode(std::string_view text);

}  // namespace mobility
