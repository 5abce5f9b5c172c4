// OpenID Connect providers and the identities linked through them. See
// db/migrations/0017_oidc_sign_in.sql; `mobility oidc` manages both.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "db/connection.hpp"

namespace mobility::db {

struct OidcProviderRecord {
  std::string provider_id;   // "feide", in URLs and in links
  std::string hei_id;        // the hosted HEI whose people sign in with it
  std::string display_name;  // on the button
  std::string issuer;
  std::string client_id;
  std::string client_secret_file;
  std::string scopes = "openid";         // space-separated, openid first
  std::string subject_claim = "sub";     // whose value is linked to an account
  std::optional<std::string> esi_claim;  // links incoming students to their nomination
  std::optional<std::string> role_claim;
  std::vector<std::string> student_values;  // role_claim values that make a student
  bool use_userinfo = false;                // claims also from the userinfo endpoint
};

// Adds or, for an existing provider_id, replaces the provider; true when added. The database
// refuses malformed values (kInvalidArgument) and an HEI it does not host (kConflict).
Result<bool> save_oidc_provider(Connection& connection, const OidcProviderRecord& provider);
// kNotFound when there is no such provider. Its links and sign-ins under way go with it.
Status remove_oidc_provider(Connection& connection, const std::string& provider_id);
Result<std::optional<OidcProviderRecord>> find_oidc_provider(Connection& connection, const std::string& provider_id);
// Every provider, by HEI and name.
Result<std::vector<OidcProviderRecord>> list_oidc_providers(Connection& connection);

struct IdentityLink {
  std::string provider_id;
  std::string claim_value;
  int64_t account_id = 0;
  std::string linked_by;  // operator, student_sign_in, nomination
};

// kConflict when the claim value is linked already (to this or another account); kNotFound-like
// foreign-key failures (no such provider or account) come back as kConflict too.
Status link_identity(Connection& connection, const IdentityLink& link);
// kNotFound when there was no such link.
Status unlink_identity(Connection& connection, const std::string& provider_id, const std::string& claim_value);
// The account linked to the claim value at the provider, if any.
Result<std::optional<int64_t>> linked_account(Connection& connection, const std::string& provider_id,
                                              const std::string& claim_value);
// Every link, by provider and claim value.
Result<std::vector<IdentityLink>> list_identity_links(Connection& connection);

}  // namespace mobility::db
