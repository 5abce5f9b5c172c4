#include "portal/accounts/oidc/account_linking.hpp"

#include <algorithm>

#include "db/accounts.hpp"
#include "db/oidc_logins.hpp"
#include "db/students.hpp"

namespace mobility::portal::oidc {
namespace {

using nlohmann::json;

struct Person {
  std::string given_name;
  std::string family_name;
  std::string email;
};

// Name and email from the standard claims; nullopt when one is missing.
std::optional<Person> person_of(const json& claims) {
  auto first = [&](const char* name) {
    auto values = claim_values(claims, name);
    return values.empty() ? std::string() : values.front();
  };
  Person person{first("given_name"), first("family_name"), first("email")};
  if (person.given_name.empty() || person.family_name.empty() || person.email.empty()) return std::nullopt;
  return person;
}

// A new account for `person` linked to `subject`; kConflict when the email is taken.
Result<int64_t> new_linked_account(db::Connection& connection, const db::OidcProviderRecord& provider, const Person& person,
                                   const std::string& subject, const std::string& linked_by) {
  auto account = db::create_account(connection, {person.email, person.given_name + " " + person.family_name, "en", std::nullopt});
  if (!account) return account.status();
  Status linked = db::link_identity(connection, {provider.provider_id, subject, *account, linked_by});
  if (!linked) return linked;
  return *account;
}

// Maps a taken email to kEmailTaken; other failures stay failures.
Result<LinkResult> created(Result<int64_t> account, LinkOutcome outcome, const std::string& subject) {
  if (!account && account.status().code() == Status::Code::kConflict) return LinkResult{LinkOutcome::kEmailTaken, {}, subject};
  if (!account) return account.status();
  return LinkResult{outcome, *account, subject};
}

// Step 2: an incoming student, by ESI; nullopt when no nomination has it.
Result<std::optional<LinkResult>> link_incoming(db::Connection& connection, const db::OidcProviderRecord& provider,
                                                const json& claims, const std::string& subject) {
  for (const std::string& esi : claim_values(claims, *provider.esi_claim)) {
    auto nominations = db::nominations_of(connection, provider.hei_id, esi);
    if (!nominations) return nominations.status();
    if (nominations->empty()) continue;
    auto person = person_of(claims);
    if (!person) return std::optional<LinkResult>(LinkResult{LinkOutcome::kMissingClaims, {}, subject});
    auto result = created(new_linked_account(connection, provider, *person, subject, "nomination"),
                          LinkOutcome::kNominationLinked, subject);
    if (!result) return result.status();
    if (!result->account_id) return std::optional<LinkResult>(*result);
    for (const auto& [sending_hei_id, omobility_id] : *nominations) {
      if (Status linked = db::link_nomination(connection, *result->account_id, sending_hei_id, omobility_id); !linked) {
        return linked;
      }
    }
    return std::optional<LinkResult>(*result);
  }
  return std::optional<LinkResult>();
}

bool says_student(const db::OidcProviderRecord& provider, const json& claims) {
  if (!provider.role_claim) return false;
  for (const std::string& value : claim_values(claims, *provider.role_claim)) {
    if (std::find(provider.student_values.begin(), provider.student_values.end(), value) != provider.student_values.end()) {
      return true;
    }
  }
  return false;
}

// Step 3: a new student of the provider's HEI.
Result<LinkResult> create_student(db::Connection& connection, const db::OidcProviderRecord& provider, const json& claims,
                                  const std::string& subject) {
  auto person = person_of(claims);
  if (!person) return LinkResult{LinkOutcome::kMissingClaims, {}, subject};
  auto student = db::create_student(connection, {provider.hei_id, person->given_name, person->family_name, person->email});
  if (!student && student.status().code() == Status::Code::kConflict) return LinkResult{LinkOutcome::kEmailTaken, {}, subject};
  if (!student) return student.status();
  auto result = created(new_linked_account(connection, provider, *person, subject, "student_sign_in"),
                        LinkOutcome::kStudentCreated, subject);
  if (!result || !result->account_id) return result;
  Status role = db::add_account_role(connection, *result->account_id, {"student", provider.hei_id, std::nullopt, *student});
  if (!role) return role;
  return result;
}

}  // namespace

std::vector<std::string> claim_values(const json& claims, const std::string& name) {
  std::vector<std::string> values;
  if (!claims.is_object() || !claims.contains(name)) return values;
  const json& claim = claims[name];
  if (claim.is_string() && !claim.get_ref<const std::string&>().empty()) values.push_back(claim.get<std::string>());
  if (claim.is_array()) {
    for (const json& value : claim) {
      if (value.is_string() && !value.get_ref<const std::string&>().empty()) values.push_back(value.get<std::string>());
    }
  }
  return values;
}

Result<LinkResult> account_for(db::Connection& connection, const db::OidcProviderRecord& provider, const json& claims) {
  auto subjects = claim_values(claims, provider.subject_claim);
  if (subjects.empty()) return LinkResult{LinkOutcome::kNoSubject, {}, ""};
  const std::string& subject = subjects.front();
  auto linked = db::linked_account(connection, provider.provider_id, subject);
  if (!linked) return linked.status();
  if (*linked) return LinkResult{LinkOutcome::kLinked, *linked, subject};
  if (provider.esi_claim) {
    auto incoming = link_incoming(connection, provider, claims, subject);
    if (!incoming) return incoming.status();
    if (*incoming) return **incoming;
  }
  if (says_student(provider, claims)) return create_student(connection, provider, claims, subject);
  return LinkResult{LinkOutcome::kNotLinked, {}, subject};
}

}  // namespace mobility::portal::oidc
