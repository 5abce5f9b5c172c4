#include "db/accounts.hpp"

namespace mobility::db {
namespace {

const std::string kSelectAccounts =
    std::string("SELECT ") + kAccountColumns + " FROM account a LEFT JOIN account_role r ON r.account_id = a.account_id WHERE ";

}  // namespace

std::vector<AccountRecord> accounts_from_rows(const Rows& rows) {
  std::vector<AccountRecord> accounts;
  for (Row row : rows) {
    auto account_id = row.get<int64_t>("account_id");
    if (accounts.empty() || accounts.back().account_id != account_id) {
      accounts.push_back({account_id,
                          row.get<std::string>("email"),
                          row.get<std::string>("display_name"),
                          row.get<std::string>("language"),
                          row.get<std::optional<std::string>>("password_hash"),
                          row.get<bool>("disabled"),
                          {}});
    }
    if (!row.is_null("role")) {
      accounts.back().roles.push_back({row.get<std::string>("role"), row.get<std::optional<std::string>>("hei_id"),
                                       row.get<std::optional<std::string>>("ounit_id"),
                                       row.get<std::optional<std::string>>("student_id")});
    }
  }
  return accounts;
}

namespace {

Result<std::optional<AccountRecord>> find_one(Connection& connection, const std::string& where, const Params& params) {
  auto rows = connection.exec(kSelectAccounts + where + " ORDER BY r.role, r.hei_id, r.ounit_id", params);
  if (!rows) return rows.status();
  auto accounts = accounts_from_rows(*rows);
  if (accounts.empty()) return std::optional<AccountRecord>();
  return std::optional<AccountRecord>(std::move(accounts.front()));
}

// kNotFound unless the statement changed a row.
Status changed_one(const Result<Rows>& rows, int64_t account_id) {
  if (!rows) return rows.status();
  if (rows->empty()) return Status::not_found("no account " + std::to_string(account_id));
  return Status::ok();
}

}  // namespace

Result<int64_t> create_account(Connection& connection, const NewAccount& account) {
  auto rows = connection.exec(
      "INSERT INTO account (email, display_name, language, password_hash) VALUES ($1, $2, $3, $4) RETURNING account_id",
      {account.email, account.display_name, account.language, account.password_hash});
  if (!rows) {
    if (rows.status().code() == Status::Code::kConflict) {
      return Status::conflict("an account with the email " + account.email + " exists already");
    }
    return rows.status();
  }
  return rows->front().get<int64_t>(0);
}

Result<std::optional<AccountRecord>> find_account_by_email(Connection& connection, const std::string& email) {
  return find_one(connection, "lower(a.email) = lower($1)", {email});
}

Result<std::optional<AccountRecord>> find_account(Connection& connection, int64_t account_id) {
  return find_one(connection, "a.account_id = $1", {account_id});
}

Result<std::vector<AccountRecord>> list_accounts(Connection& connection) {
  auto rows = connection.exec(kSelectAccounts + "true ORDER BY lower(a.email), a.account_id, r.role, r.hei_id");
  if (!rows) return rows.status();
  return accounts_from_rows(*rows);
}

Status set_password_hash(Connection& connection, int64_t account_id, const std::string& password_hash) {
  return changed_one(
      connection.exec("UPDATE account SET password_hash = $2 WHERE account_id = $1 RETURNING 1", {account_id, password_hash}),
      account_id);
}

Status set_account_disabled(Connection& connection, int64_t account_id, bool disabled) {
  return changed_one(connection.exec("UPDATE account SET disabled_at = CASE WHEN $2 THEN coalesce(disabled_at, now()) END "
                                     "WHERE account_id = $1 RETURNING 1",
                                     {account_id, disabled}),
                     account_id);
}

Status set_account_language(Connection& connection, int64_t account_id, const std::string& language) {
  return changed_one(
      connection.exec("UPDATE account SET language = $2 WHERE account_id = $1 RETURNING 1", {account_id, language}), account_id);
}

Status add_account_role(Connection& connection, int64_t account_id, const AccountRole& role) {
  auto rows = connection.exec(
      "INSERT INTO account_role (account_id, role, hei_id, ounit_id, student_id) VALUES ($1, $2, $3, $4, $5) "
      "ON CONFLICT DO NOTHING RETURNING 1",
      {account_id, role.role, role.hei_id, role.ounit_id, role.student_id});
  return rows ? Status::ok() : rows.status();
}

Status remove_account_role(Connection& connection, int64_t account_id, const AccountRole& role) {
  return changed_one(connection.exec("DELETE FROM account_role WHERE account_id = $1 AND role = $2 "
                                     "AND hei_id IS NOT DISTINCT FROM $3 AND ounit_id IS NOT DISTINCT FROM $4 RETURNING 1",
                                     {account_id, role.role, role.hei_id, role.ounit_id}),
                     account_id);
}

}  // namespace mobility::db
