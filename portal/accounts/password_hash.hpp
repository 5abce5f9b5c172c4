// Password hashing with scrypt (memory-hard, from OpenSSL) and a per-password random salt.
//
// The stored form names its parameters, so they can be raised later without breaking old
// hashes: "scrypt$<log2 N>$<r>$<p>$<salt hex>$<hash hex>". The defaults (N = 2^15, r = 8, p = 1:
// 32 MiB and roughly 0.1 s per hash) follow OWASP's scrypt recommendation.
#pragma once

#include <string>
#include <string_view>

#include "base/status.hpp"

namespace mobility::portal {

struct ScryptCost {
  int log2_n = 15;
  int r = 8;
  int p = 1;
};

// A new stored hash of `password` with a fresh 16-byte salt.
Result<std::string> hash_password(std::string_view password, ScryptCost cost = {});

// true when `password` matches `stored`; false for a wrong password and for a malformed or
// unsupported stored value (which is also logged). Compares in constant time.
bool verify_password(std::string_view password, std::string_view stored);

// true when `stored` uses weaker parameters than `cost` (re-hash at the next successful login).
bool needs_rehash(std::string_view stored, ScryptCost cost = {});

}  // namespace mobility::portal
