// X-Request-Id values: random UUIDs (version 4) in canonical lower-case 8-4-4-4-12 form, as
// cliauth-httpsig asks of clients and as servers check.
#pragma once

#include <string>
#include <string_view>

namespace mobility::ewp {

// A fresh, unpredictable request id from OpenSSL's CSPRNG.
std::string new_request_id();

// True for [0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}.
bool is_canonical_request_id(std::string_view text);

}  // namespace mobility::ewp
