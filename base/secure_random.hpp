// Unpredictable values from OpenSSL's CSPRNG: session ids, CSRF and reset tokens, password salts.
#pragma once

#include <cstddef>
#include <string>

namespace mobility {

// `count` random bytes. Aborts the process if the generator fails: continuing with predictable
// secrets would be worse than stopping.
std::string random_bytes(size_t count);

// `count` random bytes as unpadded base64url (safe in cookies, URLs and form fields).
std::string random_token(size_t count = 32);

// A random UUID (version 4) in lower case: "0b1d…-4…".
std::string new_uuid();

}  // namespace mobility
