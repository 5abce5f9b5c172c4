#include "db/oidc_providers.hpp"

#include <nlohmann/json.hpp>

namespace mobility::db {
namespace {

constexpr const char* kProviderColumns =
    "provider_id, hei_id, display_name, issuer, client_id, client_secret_file, scopes, subject_claim, esi_claim, "
    "role_claim, to_json(student_values)::text AS student_values, use_userinfo";

OidcProviderRecord provider_from(const Row& row) {
  OidcProviderRecord provider;
  provider.provider_id = row.get<std::string>("provider_id");
  provider.hei_id = row.get<std::string>("hei_id");
  provider.display_name = row.get<std::string>("display_name");
  provider.issuer = row.get<std::string>("issuer");
  provider.client_id = row.get<std::string>("client_id");
  provider.client_secret_file = row.get<std::string>("client_secret_file");
  provider.scopes = row.get<std::string>("scopes");
  provider.subject_claim = row.get<std::string>("subject_claim");
  provider.esi_claim = row.get<std::optional<std::string>>("esi_claim");
  provider.role_claim = row.get<std::optional<std::string>>("role_claim");
  provider.student_values = nlohmann::json::parse(row.get<std::string>("student_values")).get<std::vector<std::string>>();
  provider.use_userinfo = row.get<bool>("use_userinfo");
  return provider;
}

}  // namespace

Result<bool> save_oidc_provider(Connection& connection, const OidcProviderRecord& provider) {
  auto rows = connection.exec(
      R"(INSERT INTO oidc_provider (provider_id, hei_id, display_name, issuer, client_id, client_secret_file, scopes,
                                  subject_claim, esi_claim, role_claim, student_values, use_userinfo)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::text[], $12)
         ON CONFLICT (provider_id) DO UPDATE SET hei_id = excluded.hei_id, display_name = excluded.display_name,
           issuer = excluded.issuer, client_id = excluded.client_id, client_secret_file = excluded.client_secret_file,
           scopes = excluded.scopes, subject_claim = excluded.subject_claim, esi_claim = excluded.esi_claim,
           role_claim = excluded.role_claim, student_values = excluded.student_values, use_userinfo = excluded.use_userinfo
         RETURNING (xmax = 0) AS added)",
      {provider.provider_id, provider.hei_id, provider.display_name, provider.issuer, provider.client_id,
       provider.client_secret_file, provider.scopes, provider.subject_claim, provider.esi_claim, provider.role_claim,
       text_array(provider.student_values), provider.use_userinfo});
  if (!rows) return rows.status();
  return rows->front().get<bool>(0);
}

Status remove_oidc_provider(Connection& connection, const std::string& provider_id) {
  auto rows = connection.exec("DELETE FROM oidc_provider WHERE provider_id = $1 RETURNING 1", {provider_id});
  if (!rows) return rows.status();
  return rows->empty() ? Status::not_found("no OpenID provider " + provider_id) : Status::ok();
}

Result<std::optional<OidcProviderRecord>> find_oidc_provider(Connection& connection, const std::string& provider_id) {
  auto rows =
      connection.exec(std::string("SELECT ") + kProviderColumns + " FROM oidc_provider WHERE provider_id = $1", {provider_id});
  if (!rows) return rows.status();
  if (rows->empty()) return std::optional<OidcProviderRecord>();
  return std::optional<OidcProviderRecord>(provider_from(rows->front()));
}

Result<std::vector<OidcProviderRecord>> list_oidc_providers(Connection& connection) {
  auto rows = connection.exec(std::string("SELECT ") + kProviderColumns + " FROM oidc_provider ORDER BY hei_id, display_name");
  if (!rows) return rows.status();
  std::vector<OidcProviderRecord> providers;
  for (const auto& row : *rows) providers.push_back(provider_from(row));
  return providers;
}

Status link_identity(Connection& connection, const IdentityLink& link) {
  auto rows =
      connection.exec("INSERT INTO account_identity (provider_id, claim_value, account_id, linked_by) VALUES ($1, $2, $3, $4)",
                      {link.provider_id, link.claim_value, link.account_id, link.linked_by});
  if (!rows && rows.status().code() == Status::Code::kConflict) {
    return Status::conflict("'" + link.claim_value + "' at " + link.provider_id +
                            " is linked already, or the provider or account does not exist");
  }
  return rows ? Status::ok() : rows.status();
}

Status unlink_identity(Connection& connection, const std::string& provider_id, const std::string& claim_value) {
  auto rows = connection.exec("DELETE FROM account_identity WHERE provider_id = $1 AND claim_value = $2 RETURNING 1",
                              {provider_id, claim_value});
  if (!rows) return rows.status();
  return rows->empty() ? Status::not_found("'" + claim_value + "' is not linked at " + provider_id) : Status::ok();
}

Result<std::optional<int64_t>> linked_account(Connection& connection, const std::string& provider_id,
                                              const std::string& claim_value) {
  auto rows = connection.exec("SELECT account_id FROM account_identity WHERE provider_id = $1 AND claim_value = $2",
                              {provider_id, claim_value});
  if (!rows) return rows.status();
  if (rows->empty()) return std::optional<int64_t>();
  return std::optional<int64_t>(rows->front().get<int64_t>(0));
}

Result<std::vector<IdentityLink>> list_identity_links(Connection& connection) {
  auto rows = connection.exec(
      "SELECT provider_id, claim_value, account_id, linked_by FROM account_identity ORDER BY provider_id, claim_value");
  if (!rows) return rows.status();
  std::vector<IdentityLink> links;
  for (const auto& row : *rows) {
    links.push_back({row.get<std::string>(0), row.get<std::string>(1), row.get<int64_t>(2), row.get<std::string>(3)});
  }
  return links;
}

}  // namespace mobility::db
