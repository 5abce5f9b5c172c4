// SHA-256 as lower-case hex (migration checksums, EWP key ids).
#pragma once

#include <string>
#include <string_view>

namespace mobility {

std::string sha256_hex(std::string_view data);

}  // namespace mobility
