#include <cstdio>

#include "db/migrations.hpp"
#include "ops/cli/arguments.hpp"
#include "ops/cli/command.hpp"

namespace mobility::cli {
namespace {

constexpr const char* kHelp = R"(Usage: mobility migrate [--status]

Applies the database migrations this program ships (db/migrations/*.sql) that the database
configured by database_url has not applied yet, in order, each in its own transaction.
Safe to run from several processes at once. Refuses to run when an applied migration was
edited or is unknown to this program.

Options:
  --status   list every migration with whether and when it was applied; change nothing
)";

int print_status(db::Connection& connection, const std::vector<db::Migration>& migrations) {
  auto states = db::migration_status(connection, migrations);
  if (!states) return fail("migrate", states.status().to_string());
  for (const auto& state : *states) {
    std::printf("%-40s %s\n", state.migration.name.c_str(), state.applied ? ("applied " + state.applied_at).c_str() : "pending");
  }
  return kExitOk;
}

int run(const Context& context, const std::vector<std::string>& args) {
  auto arguments = parse_arguments(args, {}, {"--status"}, 0);
  if (!arguments) return fail("migrate", arguments.status().message(), kExitUsage);
  auto migrations = db::builtin_migrations();
  if (!migrations) return fail("migrate", migrations.status().to_string());
  auto connection = db::Connection::open(context.config().database_url);
  if (!connection) return fail("migrate", connection.status().message());
  if (arguments->has("--status")) return print_status(**connection, *migrations);

  auto report = db::migrate(**connection, *migrations);
  if (!report) return fail("migrate", report.status().to_string());
  for (const auto& name : report->applied_now) std::printf("applied %s\n", name.c_str());
  std::printf("database schema is up to date (%zu migrations, %zu applied now)\n", migrations->size(),
              report->applied_now.size());
  return kExitOk;
}

}  // namespace

const Command& migrate_command() {
  static const Command command{"migrate", "apply pending database migrations", kHelp, run};
  return command;
}

}  // namespace mobility::cli
