// Sign-ins with OpenID Connect under way, and sessions that began at a provider. State and
// browser values are stored only as their SHA-256 (32 raw bytes here), like session ids. See
// db/migrations/0017_oidc_sign_in.sql.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "db/connection.hpp"

namespace mobility::db {

struct LoginAttempt {
  std::string provider_id;
  std::string nonce;
  std::string code_verifier;
};

// Also deletes attempts that have expired.
Status insert_login_attempt(Connection& connection, const std::string& state_hash, const std::string& browser_hash,
                            const LoginAttempt& attempt, std::chrono::seconds lifetime);
// Deletes the attempt with this state and returns it when it had not expired and was started by
// the browser with this hash; nullopt otherwise (unknown, used already, expired, another browser).
// A state is taken at most once, whoever presents it.
Result<std::optional<LoginAttempt>> take_login_attempt(Connection& connection, const std::string& state_hash,
                                                       const std::string& browser_hash);

// Remembers the ID token of a session that began at the provider (for RP-initiated logout).
Status insert_oidc_session(Connection& connection, const std::string& session_hash, const std::string& provider_id,
                           const std::string& id_token);
struct OidcSessionRecord {
  std::string provider_id;
  std::string id_token;
};
Result<std::optional<OidcSessionRecord>> find_oidc_session(Connection& connection, const std::string& session_hash);

// The nominations (partners' mobilities, not gone or cancelled) of the student with this ESI to
// the hosted HEI: (sending HEI, omobility id) pairs.
Result<std::vector<std::pair<std::string, std::string>>> nominations_of(Connection& connection,
                                                                        const std::string& receiving_hei_id,
                                                                        const std::string& global_id);
Status link_nomination(Connection& connection, int64_t account_id, const std::string& sending_hei_id,
                       const std::string& omobility_id);
// The nominations linked to the account (an incoming student's): (sending HEI, omobility id)
// pairs, by sending HEI and id.
Result<std::vector<std::pair<std::string, std::string>>> nominations_linked_to(Connection& connection, int64_t account_id);

}  // namespace mobility::db
