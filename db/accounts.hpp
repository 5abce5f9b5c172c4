// Accounts repository: people who sign in, and their roles. See db/migrations/0005_accounts.sql.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "db/connection.hpp"

namespace mobility::db {

struct AccountRole {
  std::string role;                       // student, coordinator, io_admin, operator
  std::optional<std::string> hei_id;      // absent only for operator
  std::optional<std::string> ounit_id;    // coordinator scoped to one unit
  std::optional<std::string> student_id;  // student: their own record
  bool operator==(const AccountRole&) const = default;
};

struct AccountRecord {
  int64_t account_id = 0;
  std::string email;
  std::string display_name;
  std::string language;                      // nb or en
  std::optional<std::string> password_hash;  // absent: no local password
  bool disabled = false;
  std::vector<AccountRole> roles;
};

struct NewAccount {
  std::string email;
  std::string display_name;
  std::string language = "nb";
  std::optional<std::string> password_hash;
};

// The new account's id; kConflict when the email (case-insensitively) is taken.
Result<int64_t> create_account(Connection& connection, const NewAccount& account);

// Lookups with roles; nullopt when there is no such account.
Result<std::optional<AccountRecord>> find_account_by_email(Connection& connection, const std::string& email);
Result<std::optional<AccountRecord>> find_account(Connection& connection, int64_t account_id);
// Every account, by email.
Result<std::vector<AccountRecord>> list_accounts(Connection& connection);

// The columns accounts_from_rows() reads, for queries that join account (a) and account_role (r).
inline constexpr const char* kAccountColumns =
    "a.account_id, a.email, a.display_name, a.language, a.password_hash, (a.disabled_at IS NOT NULL) AS disabled, "
    "r.role, r.hei_id, r.ounit_id, r.student_id";
// Accounts with their roles from rows of kAccountColumns ordered by account (one row per role).
std::vector<AccountRecord> accounts_from_rows(const Rows& rows);

// kNotFound when the account does not exist.
Status set_password_hash(Connection& connection, int64_t account_id, const std::string& password_hash);
Status set_account_disabled(Connection& connection, int64_t account_id, bool disabled);
Status set_account_language(Connection& connection, int64_t account_id, const std::string& language);
// Adding a role the account has is no change; the database refuses inconsistent scopes
// (kConflict or kInvalidArgument, e.g. a student role without student_id).
Status add_account_role(Connection& connection, int64_t account_id, const AccountRole& role);
Status remove_account_role(Connection& connection, int64_t account_id, const AccountRole& role);

}  // namespace mobility::db
