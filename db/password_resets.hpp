// One-time password-reset tokens, stored as the SHA-256 of the token.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

#include "db/connection.hpp"

namespace mobility::db {

// `token_hash`: 32 raw bytes; the token stays valid for `lifetime`.
Status insert_password_reset(Connection& connection, const std::string& token_hash, int64_t account_id,
                             std::chrono::seconds lifetime);

// true when the token is known, unused and not expired (without using it up).
Result<bool> password_reset_usable(Connection& connection, const std::string& token_hash);

// Uses the token up: the account it resets, or nullopt when it is unknown, expired or used.
Result<std::optional<int64_t>> consume_password_reset(Connection& connection, const std::string& token_hash);

}  // namespace mobility::db
