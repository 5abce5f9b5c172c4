#include <cstdio>

#include "base/pattern.hpp"
#include "base/text.hpp"
#include "db/audit_events.hpp"
#include "db/connection.hpp"
#include "db/institutions.hpp"
#include "db/transaction.hpp"
#include "ops/cli/arguments.hpp"
#include "ops/cli/command.hpp"

namespace mobility::cli {
namespace {

constexpr const char* kHelp =
    R"help(Usage: mobility hei host HEI_ID --name NAME --admin-email EMAIL [--name-language LANG] [--country CC]
       mobility hei unhost HEI_ID
       mobility hei list

The institutions (HEIs) this node serves over EWP. Without one the node has nothing to publish;
`mobility seed-demo` hosts the demo HEI fjordland.example.

  host   serves HEI_ID (its SCHAC code, the lower-case domain the EWP registry lists, such as
         uio.no) from this node, named NAME in LANG (default en), in country CC (ISO 3166, such
         as NO); EMAIL is published in the manifest as the node's administrative contact. Run
         again, it updates these. A running `mobility serve` publishes the HEI's manifest at once.
         Written to the audit log as done by "operator (command line)".
  unhost stops serving HEI_ID: its drafts, the partners' copies held for it, its destination
         information and factsheet, and the roles accounts had at it go; the HEI stays known as
         an institution. Refused, changing nothing, while partners hold data of it (agreements
         shared with them, approvals given, notifications still to deliver). Audited.
  list   prints every hosted HEI with its admin email and names
)help";

// Why `hei` cannot be hosted, "" when it can. Lengths are checked before shapes.
std::string refusal(const db::HeiToHost& hei) {
  if (!is_hei_id(hei.hei_id)) {
    return "'" + excerpt(hei.hei_id) + "' is not an HEI id: a lower-case domain name such as uio.no";
  }
  if (hei.name.empty()) return "--name must not be empty";
  if (hei.name.size() > 1000 || !is_clean_utf8(hei.name)) return "--name must be 1 to 1000 characters of text";
  if (hei.admin_email.size() > 320 || !matches(hei.admin_email, kEmailPattern)) {
    return "--admin-email '" + excerpt(hei.admin_email) + "' is not an email address";
  }
  if (hei.name_language.size() > 35 || !matches(hei.name_language, kLanguageTagPattern)) {
    return "--name-language '" + excerpt(hei.name_language) + "' is not a language tag such as en or nb";
  }
  if (hei.country_code && !matches(*hei.country_code, "[A-Z]{2}")) {
    return "--country '" + excerpt(*hei.country_code) + "' is not a country code such as NO";
  }
  return "";
}

int host(db::Connection& connection, const Arguments& arguments) {
  if (arguments.positional.size() != 2 || !arguments.values.count("--name") || !arguments.values.count("--admin-email")) {
    return fail("hei", kHelp, kExitUsage);
  }
  db::HeiToHost hei{arguments.positional[1], arguments.values.at("--admin-email"), arguments.values.at("--name"),
                    arguments.value_or("--name-language", "en"), std::nullopt};
  if (arguments.values.count("--country")) hei.country_code = arguments.values.at("--country");
  if (std::string refused = refusal(hei); !refused.empty()) return fail("hei", refused, kExitUsage);
  auto added = db::host_hei(connection, hei);
  if (!added) return fail("hei", added.status().message());
  Status audited = db::record_audit_event(
      connection, {std::nullopt, "operator (command line)", "operator", hei.hei_id, *added ? "hei_hosted" : "hosted_hei_updated",
                   "hei:" + hei.hei_id, hei.admin_email, ""});
  if (!audited) return fail("hei", audited.message());
  std::printf("%s %s; a running `mobility serve` publishes it at once\n", *added ? "now hosting" : "updated", hei.hei_id.c_str());
  return kExitOk;
}

int unhost(db::Connection& connection, const Arguments& arguments) {
  if (arguments.positional.size() != 2) return fail("hei", kHelp, kExitUsage);
  const std::string& hei_id = arguments.positional[1];
  if (Status stopped = db::unhost_hei(connection, hei_id); !stopped) return fail("hei", stopped.message());
  Status audited = db::record_audit_event(
      connection, {std::nullopt, "operator (command line)", "operator", hei_id, "hei_unhosted", "hei:" + hei_id, "", ""});
  if (!audited) return fail("hei", audited.message());
  std::printf("no longer hosting %s; a running `mobility serve` stops publishing it at once\n", hei_id.c_str());
  return kExitOk;
}

int list(db::Connection& connection) {
  auto heis = db::list_hosted_heis(connection);
  if (!heis) return fail("hei", heis.status().message());
  if (heis->empty()) std::puts("no hosted HEI (add one with `mobility hei host`)");
  for (const auto& hei : *heis) {
    std::string names;
    for (const auto& [language, name] : hei.names) names += (names.empty() ? "" : "; ") + name + " (" + language + ")";
    std::printf("%-32s %-36s %s\n", hei.hei_id.c_str(), hei.admin_email.c_str(), names.c_str());
  }
  return kExitOk;
}

int run(const Context& context, const std::vector<std::string>& args) {
  auto arguments = parse_arguments(args, {"--name", "--name-language", "--country", "--admin-email"}, {}, 2);
  if (!arguments) return fail("hei", arguments.status().message(), kExitUsage);
  const std::string action = arguments->positional.empty() ? "" : arguments->positional[0];
  if (action != "host" && action != "unhost" && action != "list") {
    std::fputs(kHelp, stderr);
    return kExitUsage;
  }
  auto connection = db::Connection::open(context.config().database_url);
  if (!connection) return fail("hei", connection.status().message());
  if (action == "list") return list(**connection);
  // The change and its audit record are stored together or not at all.
  auto transaction = db::Transaction::begin(**connection);
  if (!transaction) return fail("hei", transaction.status().message());
  int result = action == "host" ? host(transaction->connection(), *arguments) : unhost(transaction->connection(), *arguments);
  if (result != kExitOk) return result;
  if (Status committed = transaction->commit(); !committed) return fail("hei", committed.message());
  return kExitOk;
}

}  // namespace

const Command& hei_command() {
  static const Command command{"hei", "host an institution (HEI) on this node, list the hosted ones", kHelp, run};
  return command;
}

}  // namespace mobility::cli
