// The `mobility` command line: one Command per subcommand, each in its own file.
#pragma once

#include <string>
#include <vector>

#include "base/config.hpp"

namespace mobility::cli {

// Exit codes shared by every subcommand.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;  // the command ran and failed (database down, bad data)
inline constexpr int kExitUsage = 2;    // wrong arguments or configuration

struct Context {
  LoadedConfig loaded;
  const Config& config() const { return loaded.config; }
};

struct Command {
  const char* name;
  const char* summary;  // one line for `mobility --help`
  const char* help;     // full text for `mobility <name> --help`
  int (*run)(const Context& context, const std::vector<std::string>& args);
};

const Command& serve_command();
const Command& migrate_command();
const Command& seed_demo_command();
const Command& keys_command();
const Command& registry_command();
const Command& echo_command();
const Command& users_command();
const Command& hei_command();
const Command& oidc_command();

// Prints "mobility <command>: <message>" to standard error and returns `exit_code`.
int fail(const char* command, const std::string& message, int exit_code = kExitFailure);

}  // namespace mobility::cli
