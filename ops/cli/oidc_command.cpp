#include <unistd.h>

#include <cstdio>
#include <sstream>

#include "db/accounts.hpp"
#include "db/audit_events.hpp"
#include "db/connection.hpp"
#include "db/oidc_providers.hpp"
#include "db/transaction.hpp"
#include "ops/cli/arguments.hpp"
#include "ops/cli/command.hpp"

namespace mobility::cli {
namespace {

constexpr const char* kHelp =
    R"help(Usage: mobility oidc add PROVIDER_ID --hei HEI_ID --name NAME --issuer URL --client-id ID
                           --secret-file FILE [--scopes "openid ..."] [--subject-claim CLAIM]
                           [--esi-claim CLAIM] [--role-claim CLAIM --student-values V1,V2] [--userinfo]
       mobility oidc remove PROVIDER_ID
       mobility oidc list
       mobility oidc link PROVIDER_ID CLAIM_VALUE EMAIL
       mobility oidc unlink PROVIDER_ID CLAIM_VALUE
       mobility oidc links

OpenID Connect providers people of a hosted HEI sign in with (docs/oidc.md). With none, the
login page offers passwords only.

  add     a provider (run again with the same PROVIDER_ID to change it): NAME on the login
          button, the issuer URL (its /.well-known/openid-configuration is read), the client id
          registered at the provider and a FILE holding the client secret (read at each sign-in,
          never stored in the database or printed); the redirect URI to register is
          <public_url>/login/oidc/callback. CLAIM (default sub) is the claim whose value is
          linked to an account, e.g. eduPersonPrincipalName for Feide. --esi-claim: a person
          nobody linked whose European Student Identifier a partner nominated to HEI_ID gets an
          account linked to the nomination. --role-claim with --student-values: a person nobody
          linked whose claim holds one of the values becomes a new student of HEI_ID. --userinfo:
          the claims are also read from the userinfo endpoint. --scopes default: openid
  remove  the provider, its links and its sign-ins under way
  list    the providers
  link    lets the account with EMAIL sign in as CLAIM_VALUE at the provider (how staff are
          linked: sign-ins never create staff accounts)
  unlink  removes that link
  links   every link
Each change is written to the audit log as done by "operator (command line)".
)help";

const std::set<std::string> kValueOptions = {"--hei",    "--name",          "--issuer",    "--client-id",  "--secret-file",
                                             "--scopes", "--subject-claim", "--esi-claim", "--role-claim", "--student-values"};

std::vector<std::string> comma_separated(const std::string& text) {
  std::vector<std::string> values;
  std::stringstream stream(text);
  for (std::string value; std::getline(stream, value, ',');) {
    if (!value.empty()) values.push_back(value);
  }
  return values;
}

Status audit(db::Connection& connection, const std::optional<std::string>& hei_id, const std::string& action,
             const std::string& record, const std::string& detail) {
  return db::record_audit_event(connection,
                                {std::nullopt, "operator (command line)", "operator", hei_id, action, record, detail, ""});
}

int add(db::Connection& connection, const Arguments& arguments) {
  for (const char* required : {"--hei", "--name", "--issuer", "--client-id", "--secret-file"}) {
    if (!arguments.values.count(required) || arguments.positional.size() != 2) return fail("oidc", kHelp, kExitUsage);
  }
  db::OidcProviderRecord provider;
  provider.provider_id = arguments.positional[1];
  provider.hei_id = arguments.values.at("--hei");
  provider.display_name = arguments.values.at("--name");
  provider.issuer = arguments.values.at("--issuer");
  provider.client_id = arguments.values.at("--client-id");
  provider.client_secret_file = arguments.values.at("--secret-file");
  provider.scopes = arguments.value_or("--scopes", "openid");
  provider.subject_claim = arguments.value_or("--subject-claim", "sub");
  if (arguments.values.count("--esi-claim")) provider.esi_claim = arguments.values.at("--esi-claim");
  if (arguments.values.count("--role-claim")) provider.role_claim = arguments.values.at("--role-claim");
  provider.student_values = comma_separated(arguments.value_or("--student-values", ""));
  provider.use_userinfo = arguments.has("--userinfo");
  if (provider.role_claim.has_value() == provider.student_values.empty()) {
    return fail("oidc", "--role-claim and --student-values go together", kExitUsage);
  }
  if (access(provider.client_secret_file.c_str(), R_OK) != 0) {
    return fail("oidc", "cannot read the secret file " + provider.client_secret_file, kExitUsage);
  }
  auto added = db::save_oidc_provider(connection, provider);
  if (!added) return fail("oidc", added.status().message());
  Status audited = audit(connection, provider.hei_id, *added ? "oidc_provider_added" : "oidc_provider_changed",
                         "oidc_provider:" + provider.provider_id, provider.issuer);
  if (!audited) return fail("oidc", audited.message());
  std::printf("%s %s; register the redirect URI <public_url>/login/oidc/callback at the provider\n", *added ? "added" : "updated",
              provider.provider_id.c_str());
  return kExitOk;
}

int remove(db::Connection& connection, const Arguments& arguments) {
  if (arguments.positional.size() != 2) return fail("oidc", kHelp, kExitUsage);
  const std::string& provider_id = arguments.positional[1];
  if (Status removed = db::remove_oidc_provider(connection, provider_id); !removed) return fail("oidc", removed.message());
  Status audited = audit(connection, std::nullopt, "oidc_provider_removed", "oidc_provider:" + provider_id, "");
  if (!audited) return fail("oidc", audited.message());
  std::printf("removed %s and its links\n", provider_id.c_str());
  return kExitOk;
}

int link(db::Connection& connection, const Arguments& arguments) {
  if (arguments.positional.size() != 4) return fail("oidc", kHelp, kExitUsage);
  const std::string &provider_id = arguments.positional[1], &claim_value = arguments.positional[2];
  auto account = db::find_account_by_email(connection, arguments.positional[3]);
  if (!account) return fail("oidc", account.status().message());
  if (!*account) return fail("oidc", "no account with the email " + arguments.positional[3]);
  Status linked = db::link_identity(connection, {provider_id, claim_value, (*account)->account_id, "operator"});
  if (!linked) return fail("oidc", linked.message());
  Status audited = audit(connection, std::nullopt, "oidc_identity_linked", "account:" + std::to_string((*account)->account_id),
                         claim_value + " at " + provider_id);
  if (!audited) return fail("oidc", audited.message());
  std::printf("%s at %s now signs in as %s\n", claim_value.c_str(), provider_id.c_str(), (*account)->email.c_str());
  return kExitOk;
}

int unlink(db::Connection& connection, const Arguments& arguments) {
  if (arguments.positional.size() != 3) return fail("oidc", kHelp, kExitUsage);
  const std::string &provider_id = arguments.positional[1], &claim_value = arguments.positional[2];
  if (Status removed = db::unlink_identity(connection, provider_id, claim_value); !removed)
    return fail("oidc", removed.message());
  Status audited = audit(connection, std::nullopt, "oidc_identity_unlinked", "oidc_provider:" + provider_id, claim_value);
  if (!audited) return fail("oidc", audited.message());
  std::printf("unlinked %s at %s\n", claim_value.c_str(), provider_id.c_str());
  return kExitOk;
}

int list(db::Connection& connection) {
  auto providers = db::list_oidc_providers(connection);
  if (!providers) return fail("oidc", providers.status().message());
  if (providers->empty()) std::puts("no OpenID provider (add one with `mobility oidc add`)");
  for (const auto& p : *providers) {
    std::printf("%-16s %-24s %-24s %s client %s, subject claim %s%s%s%s\n", p.provider_id.c_str(), p.hei_id.c_str(),
                p.display_name.c_str(), p.issuer.c_str(), p.client_id.c_str(), p.subject_claim.c_str(),
                p.esi_claim ? (", ESI claim " + *p.esi_claim).c_str() : "",
                p.role_claim ? (", students by " + *p.role_claim).c_str() : "", p.use_userinfo ? ", userinfo" : "");
  }
  return kExitOk;
}

int links(db::Connection& connection) {
  auto all = db::list_identity_links(connection);
  if (!all) return fail("oidc", all.status().message());
  for (const auto& one : *all) {
    auto account = db::find_account(connection, one.account_id);
    std::string email = account && *account ? (*account)->email : "account " + std::to_string(one.account_id);
    std::printf("%-16s %-48s %-40s %s\n", one.provider_id.c_str(), one.claim_value.c_str(), email.c_str(), one.linked_by.c_str());
  }
  return kExitOk;
}

int run(const Context& context, const std::vector<std::string>& args) {
  auto arguments = parse_arguments(args, kValueOptions, {"--userinfo"}, 4);
  if (!arguments) return fail("oidc", arguments.status().message(), kExitUsage);
  const std::string action = arguments->positional.empty() ? "" : arguments->positional[0];
  const std::set<std::string> actions = {"add", "remove", "list", "link", "unlink", "links"};
  if (!actions.count(action)) {
    std::fputs(kHelp, stderr);
    return kExitUsage;
  }
  auto connection = db::Connection::open(context.config().database_url);
  if (!connection) return fail("oidc", connection.status().message());
  if (action == "list") return list(**connection);
  if (action == "links") return links(**connection);
  // The change and its audit record are stored together or not at all.
  auto transaction = db::Transaction::begin(**connection);
  if (!transaction) return fail("oidc", transaction.status().message());
  db::Connection& in_transaction = transaction->connection();
  int result = action == "add"      ? add(in_transaction, *arguments)
               : action == "remove" ? remove(in_transaction, *arguments)
               : action == "link"   ? link(in_transaction, *arguments)
                                    : unlink(in_transaction, *arguments);
  if (result != kExitOk) return result;
  if (Status committed = transaction->commit(); !committed) return fail("oidc", committed.message());
  return kExitOk;
}

}  // namespace

const Command& oidc_command() {
  static const Command command{"oidc", "OpenID Connect providers for sign-in, and links of people to accounts", kHelp, run};
  return command;
}

}  // namespace mobility::cli
