#include <cstdio>
#include <iostream>

#include "base/pattern.hpp"
#include "base/secure_random.hpp"
#include "base/sha256.hpp"
#include "base/text.hpp"
#include "db/accounts.hpp"
#include "db/audit_events.hpp"
#include "db/connection.hpp"
#include "db/password_resets.hpp"
#include "db/transaction.hpp"
#include "db/web_sessions.hpp"
#include "ops/cli/arguments.hpp"
#include "ops/cli/command.hpp"
#include "portal/accounts/authorization.hpp"
#include "portal/accounts/password_hash.hpp"

namespace mobility::cli {
namespace {

constexpr const char* kHelp = R"help(Usage: mobility users add EMAIL --name NAME [--language nb|nn|en] [--password-stdin]
       mobility users list
       mobility users disable EMAIL
       mobility users enable EMAIL
       mobility users set-role EMAIL ROLE [--hei HEI_ID] [--ounit OUNIT_ID] [--student STUDENT_ID] [--remove]
       mobility users reset-link EMAIL

Manages the accounts that sign in to the portal and the agreement tool. Every change is written
to the audit log as done by "operator (command line)".

  add         creates an account; with --password-stdin the first line of standard input is its
              password (at least 10 characters), otherwise use reset-link
  list        prints every account with its roles
  disable     refuses the account's logins and ends its sessions; enable undoes it
  set-role    gives (or with --remove takes away) a role: student (--hei and --student),
              coordinator (--hei, optionally --ounit), io_admin (--hei), operator (no --hei)
  reset-link  prints a one-time link to set a new password, valid for 24 hours (with mail
              configured, people can also ask for one at /forgot-password: docs/mail.md)
)help";

constexpr const char* kActor = "operator (command line)";
constexpr size_t kMinimumPasswordLength = 10;
constexpr size_t kMaximumPasswordLength = 1024;  // as the pages allow

Status audit(db::Connection& connection, const db::AccountRecord& account, const std::string& action,
             const std::optional<std::string>& detail = std::nullopt, const std::optional<std::string>& hei_id = std::nullopt) {
  return db::record_audit_event(connection, {std::nullopt, kActor, "operator", hei_id, action,
                                             "account:" + std::to_string(account.account_id), detail, ""});
}

Result<db::AccountRecord> existing_account(db::Connection& connection, const std::string& email) {
  auto account = db::find_account_by_email(connection, email);
  if (!account) return account.status();
  if (!*account) return Status::not_found("no account with the email " + email);
  return std::move(**account);
}

std::string describe(const db::AccountRole& role) {
  std::string text = role.role;
  if (role.hei_id) text += "@" + *role.hei_id;
  if (role.ounit_id) text += "/" + *role.ounit_id;
  if (role.student_id) text += " (student " + *role.student_id + ")";
  return text;
}

// Why `account` cannot be added, "" when it can. Lengths are checked before shapes.
std::string refusal(const db::NewAccount& account) {
  if (account.email.size() > 320 || !matches(account.email, kEmailPattern)) {
    return "'" + excerpt(account.email) + "' is not an email address";
  }
  if (account.display_name.empty() || account.display_name.size() > 200 || !is_clean_utf8(account.display_name)) {
    return "--name must be 1 to 200 characters of text";
  }
  if (account.language != "nb" && account.language != "nn" && account.language != "en") return "--language must be nb, nn or en";
  return "";
}

int add(db::Connection& connection, const Arguments& arguments) {
  if (arguments.positional.size() != 2 || !arguments.values.count("--name")) return fail("users", kHelp, kExitUsage);
  db::NewAccount account{arguments.positional[1], arguments.values.at("--name"), arguments.value_or("--language", "nb"),
                         std::nullopt};
  if (std::string refused = refusal(account); !refused.empty()) return fail("users", refused, kExitUsage);
  if (arguments.has("--password-stdin")) {
    std::string password;
    std::getline(std::cin, password);
    if (password.size() < kMinimumPasswordLength) {
      return fail("users", "the password must have at least 10 characters", kExitUsage);
    }
    if (password.size() > kMaximumPasswordLength) {
      return fail("users", "the password must have at most " + std::to_string(kMaximumPasswordLength) + " characters",
                  kExitUsage);
    }
    auto hash = portal::hash_password(password);
    if (!hash) return fail("users", hash.status().message());
    account.password_hash = *hash;
  }
  auto id = db::create_account(connection, account);
  if (!id) return fail("users", id.status().message(), id.status().code() == Status::Code::kConflict ? 1 : 2);
  auto created = db::find_account(connection, *id);
  if (!created || !*created) return fail("users", "the new account cannot be read back");
  if (Status audited = audit(connection, **created, "account_created"); !audited) return fail("users", audited.message());
  std::printf("added account %lld for %s\n", static_cast<long long>(*id), account.email.c_str());
  return kExitOk;
}

int list(db::Connection& connection) {
  auto accounts = db::list_accounts(connection);
  if (!accounts) return fail("users", accounts.status().message());
  for (const auto& account : *accounts) {
    std::string roles;
    for (const auto& role : account.roles) roles += (roles.empty() ? "" : ", ") + describe(role);
    std::printf("%-40s %-28s %s%s%s\n", account.email.c_str(), account.display_name.c_str(),
                roles.empty() ? "(no role)" : roles.c_str(), account.disabled ? "  [disabled]" : "",
                account.password_hash ? "" : "  [no password]");
  }
  return kExitOk;
}

int set_disabled(db::Connection& connection, const Arguments& arguments, bool disabled) {
  if (arguments.positional.size() != 2) return fail("users", kHelp, kExitUsage);
  auto account = existing_account(connection, arguments.positional[1]);
  if (!account) return fail("users", account.status().message());
  if (Status changed = db::set_account_disabled(connection, account->account_id, disabled); !changed) {
    return fail("users", changed.message());
  }
  int64_t ended = 0;
  if (disabled) {
    auto deleted = db::delete_sessions_of(connection, account->account_id);
    if (!deleted) return fail("users", deleted.status().message());
    ended = *deleted;
  }
  if (Status audited = audit(connection, *account, disabled ? "account_disabled" : "account_enabled"); !audited) {
    return fail("users", audited.message());
  }
  std::printf("%s %s%s\n", disabled ? "disabled" : "enabled", account->email.c_str(),
              disabled ? (", " + std::to_string(ended) + " session(s) ended").c_str() : "");
  return kExitOk;
}

int set_role(db::Connection& connection, const Arguments& arguments) {
  if (arguments.positional.size() != 3 || !portal::role_from_name(arguments.positional[2])) {
    return fail("users", "set-role takes EMAIL and one of student, coordinator, io_admin, operator", kExitUsage);
  }
  auto account = existing_account(connection, arguments.positional[1]);
  if (!account) return fail("users", account.status().message());
  auto optional_value = [&](const char* option) -> std::optional<std::string> {
    if (!arguments.values.count(option)) return std::nullopt;
    return arguments.values.at(option);
  };
  db::AccountRole role{arguments.positional[2], optional_value("--hei"), optional_value("--ounit"), optional_value("--student")};
  bool removing = arguments.has("--remove");
  Status changed = removing ? db::remove_account_role(connection, account->account_id, role)
                            : db::add_account_role(connection, account->account_id, role);
  if (!changed)
    return fail("users", "cannot " + std::string(removing ? "remove " : "give ") + describe(role) + ": " + changed.message());
  if (Status audited = audit(connection, *account, removing ? "role_removed" : "role_added", describe(role), role.hei_id);
      !audited) {
    return fail("users", audited.message());
  }
  std::printf("%s %s %s %s\n", removing ? "removed" : "gave", describe(role).c_str(), removing ? "from" : "to",
              account->email.c_str());
  return kExitOk;
}

int reset_link(db::Connection& connection, const Context& context, const Arguments& arguments) {
  if (arguments.positional.size() != 2) return fail("users", kHelp, kExitUsage);
  auto account = existing_account(connection, arguments.positional[1]);
  if (!account) return fail("users", account.status().message());
  std::string token = random_token();
  if (Status stored = db::insert_password_reset(connection, sha256(token), account->account_id, std::chrono::hours(24));
      !stored) {
    return fail("users", stored.message());
  }
  if (Status audited = audit(connection, *account, "password_reset_link_issued"); !audited) {
    return fail("users", audited.message());
  }
  std::string base = context.config().public_url;
  while (base.ends_with('/')) base.pop_back();
  std::printf("%s/reset-password?token=%s\n", base.c_str(), token.c_str());
  return kExitOk;
}

int perform(db::Connection& connection, const Context& context, const Arguments& arguments) {
  const std::string& action = arguments.positional[0];
  if (action == "add") return add(connection, arguments);
  if (action == "list") return list(connection);
  if (action == "disable" || action == "enable") return set_disabled(connection, arguments, action == "disable");
  if (action == "set-role") return set_role(connection, arguments);
  if (action == "reset-link") return reset_link(connection, context, arguments);
  std::fputs(kHelp, stderr);
  return kExitUsage;
}

int run(const Context& context, const std::vector<std::string>& args) {
  auto arguments =
      parse_arguments(args, {"--name", "--language", "--hei", "--ounit", "--student"}, {"--password-stdin", "--remove"}, 3);
  if (!arguments) return fail("users", arguments.status().message(), kExitUsage);
  if (arguments->positional.empty()) {
    std::fputs(kHelp, stderr);
    return kExitUsage;
  }
  auto connection = db::Connection::open(context.config().database_url);
  if (!connection) return fail("users", connection.status().message());
  // The change and its audit record are stored together or not at all.
  auto transaction = db::Transaction::begin(**connection);
  if (!transaction) return fail("users", transaction.status().message());
  int result = perform(transaction->connection(), context, *arguments);
  if (result != kExitOk) return result;
  if (Status committed = transaction->commit(); !committed) return fail("users", committed.message());
  return kExitOk;
}

}  // namespace

const Command& users_command() {
  static const Command command{"users", "add, list, disable accounts, set their roles, print reset links", kHelp, run};
  return command;
}

}  // namespace mobility::cli
