// SHA-256: raw (stored hashes of session and reset tokens) or as lower-case hex (migration
// checksums, EWP key ids).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace mobility {

// The 32 raw bytes.
std::string sha256(std::string_view data);
std::string sha256_hex(std::string_view data);
// Lower-case hex of any bytes.
std::string to_hex(std::string_view bytes);
// The bytes of hex text (either case); nullopt for an odd length or a character that is not a hex digit.
std::optional<std::string> from_hex(std::string_view hex);

}  // namespace mobility
