#include <cstdio>

#include "agreements/demo_agreements.hpp"
#include "base/pattern.hpp"
#include "base/text.hpp"
#include "db/demo_seed.hpp"
#include "db/migrations.hpp"
#include "ewp-node/apis/iias-v7/iia_xml.hpp"
#include "mobilities/demo_mobilities.hpp"
#include "ops/cli/arguments.hpp"
#include "ops/cli/command.hpp"

namespace mobility::cli {
namespace {

constexpr const char* kHelp = R"(Usage: mobility seed-demo [--partner HEI_ID[,HEI_ID...]]

Adds demo data to a migrated database: one hosted HEI (fjordland.example) with organizational
units, partner HEIs, staff and students, one account per role that signs in with the
password "mobility-demo", agreements with the partners in every stage of the agreement
process, and mobilities with learning agreements in every state of both flows (see README.md
and docs/demo-data.md). Running it again changes nothing.

  --partner  also makes each named HEI (for example the EWP validator's) a partner with
             outgoing mobilities of fjordland.example awaiting its decision: at least one
             nomination and one learning-agreement proposal, added again each time it has
             decided the earlier ones. MOBILITY_DEMO_PARTNERS does the same for ops/run.
)";

// The comma-separated HEI ids of --partner, blanks ignored.
std::vector<std::string> partner_ids(const std::string& list) {
  std::vector<std::string> ids;
  size_t start = 0;
  while (start <= list.size()) {
    size_t end = list.find(',', start);
    if (end == std::string::npos) end = list.size();
    std::string id(trim_blanks(std::string_view(list).substr(start, end - start)));
    if (!id.empty()) ids.push_back(id);
    start = end + 1;
  }
  return ids;
}

int run(const Context& context, const std::vector<std::string>& args) {
  auto arguments = parse_arguments(args, {"--partner"}, {}, 0);
  if (!arguments) return fail("seed-demo", arguments.status().message(), kExitUsage);
  std::vector<std::string> partners = partner_ids(arguments->value_or("--partner", ""));
  for (const std::string& partner : partners) {  // before anything is stored
    if (!is_hei_id(partner)) {
      return fail("seed-demo", "--partner '" + excerpt(partner) + "' is not an HEI id: a lower-case domain name such as uio.no",
                  kExitUsage);
    }
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
  auto mobilities = mobilities::seed_demo_mobilities(**connection);
  if (!mobilities) return fail("seed-demo", mobilities.status().to_string());
  for (const std::string& partner : partners) {
    auto top_up = mobilities::top_up_partner_demo(**connection, partner);
    if (!top_up) {
      int code = top_up.status().code() == Status::Code::kInvalidArgument ? kExitUsage : kExitFailure;
      return fail("seed-demo", "--partner " + excerpt(partner) + ": " + top_up.status().message(), code);
    }
    std::printf("demo partner %s: %d nomination(s) and %d learning-agreement proposal(s) added to decide on\n", partner.c_str(),
                top_up->nominations_added, top_up->la_proposals_added);
  }
  std::printf(
      "demo data present: %lld hosted HEI(s), %lld partner HEI(s), %lld units, %lld staff, %lld students, %lld accounts, "
      "%lld agreements, %lld mobilities\n",
      static_cast<long long>(counts->hosted_heis), static_cast<long long>(counts->partner_heis),
      static_cast<long long>(counts->ounits), static_cast<long long>(counts->staff), static_cast<long long>(counts->students),
      static_cast<long long>(counts->accounts), static_cast<long long>(*agreements), static_cast<long long>(*mobilities));
  return kExitOk;
}

}  // namespace

const Command& seed_demo_command() {
  static const Command command{"seed-demo", "add demo institutions, units, staff, students, accounts, agreements and mobilities",
                               kHelp, run};
  return command;
}

}  // namespace mobility::cli
