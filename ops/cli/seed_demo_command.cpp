#include <cstdio>

#include "agreements/demo_agreements.hpp"
#include "db/demo_seed.hpp"
#include "db/migrations.hpp"
#include "ewp-node/apis/iias-v7/iia_xml.hpp"
#include "ops/cli/arguments.hpp"
#include "ops/cli/command.hpp"

namespace mobility::cli {
namespace {

constexpr const char* kHelp = R"(Usage: mobility seed-demo

Adds demo data to a migrated database: one hosted HEI (fjordland.example) with organizational
units, partner HEIs, staff and students, one account per role that signs in with the
password "mobility-demo", and agreements with the partners in every stage of the agreement
process (see README.md). Running it again changes nothing.
)";

int run(const Context& context, const std::vector<std::string>& args) {
  if (auto arguments = parse_arguments(args, {}, {}, 0); !arguments) {
    return fail("seed-demo", arguments.status().message(), kExitUsage);
  }
  auto connection = db::Connection::open(context.config().database_url);
  if (!connection) return fail("seed-demo", connection.status().message());
  auto migrations = db::builtin_migrations();
  if (!migrations) return fail("seed-demo", migrations.status().to_string());
  auto states = db::migration_status(**connection, *migrations);
  if (!states) return fail("seed-demo", states.status().to_string());
  for (const auto& state : *states) {
    if (!state.applied) return fail("seed-demo", "the database is not migrated; run `mobility migrate` first");
  }
  auto counts = db::seed_demo(**connection);
  if (!counts) return fail("seed-demo", counts.status().to_string());
  auto agreements = agreements::seed_demo_agreements(**connection, ewp::served_iia_hash);
  if (!agreements) return fail("seed-demo", agreements.status().to_string());
  std::printf(
      "demo data present: %lld hosted HEI(s), %lld partner HEI(s), %lld units, %lld staff, %lld students, %lld accounts, "
      "%lld agreements\n",
      static_cast<long long>(counts->hosted_heis), static_cast<long long>(counts->partner_heis),
      static_cast<long long>(counts->ounits), static_cast<long long>(counts->staff), static_cast<long long>(counts->students),
      static_cast<long long>(counts->accounts), static_cast<long long>(*agreements));
  return kExitOk;
}

}  // namespace

const Command& seed_demo_command() {
  static const Command command{"seed-demo", "add demo institutions, units, staff, students, accounts and agreements", kHelp, run};
  return command;
}

}  // namespace mobility::cli
