// Which account a person the provider vouched for signs in to, from the claims of their
// verified ID token (and userinfo):
//   1. the account linked to the value of the provider's subject_claim (account_identity);
//   2. else, when the provider has an esi_claim and a partner nominated a student with that
//      European Student Identifier to the provider's HEI: a new account (no role) linked to the
//      claim value and to those nominations (an incoming student);
//   3. else, when the provider's role_claim holds one of its student_values: a new student of
//      the provider's HEI with a student account, linked to the claim value;
//   4. else nobody: staff accounts are never created here, only linked by an operator
//      (`mobility oidc link`).
// Creating needs given_name, family_name and email claims; an email an account has already is
// refused (never linked by email). Run it inside a transaction: a refusal after a partial
// write must roll it back.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "db/connection.hpp"
#include "db/oidc_providers.hpp"

namespace mobility::portal::oidc {

enum class LinkOutcome {
  kLinked,            // 1
  kNominationLinked,  // 2
  kStudentCreated,    // 3
  kNoSubject,         // the subject claim is missing
  kNotLinked,         // 4
  kMissingClaims,     // 2 or 3 lacked a name or email
  kEmailTaken,        // 2 or 3: an account has that email
};

struct LinkResult {
  LinkOutcome outcome = LinkOutcome::kNotLinked;
  std::optional<int64_t> account_id;  // for kLinked, kNominationLinked, kStudentCreated
  std::string subject;                // the subject claim's value
};

// The values of claim `name`: a string, or the strings of an array; none when absent.
std::vector<std::string> claim_values(const nlohmann::json& claims, const std::string& name);

Result<LinkResult> account_for(db::Connection& connection, const db::OidcProviderRecord& provider, const nlohmann::json& claims);

}  // namespace mobility::portal::oidc
