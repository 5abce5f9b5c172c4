// mobility: the one executable of the node. See `mobility --help`.
#include <libxml/parser.h>

#include <cstdio>
#include <iostream>

#include "ops/cli/command.hpp"

namespace mobility::cli {
namespace {

constexpr const char* kUsage = R"(Usage: mobility [--config FILE] <command> [options]

Mobility: an Erasmus Without Paper node, exchange portal and agreement tool.

Commands:
%s
Global options:
  --config FILE   read configuration from FILE (default: $MOBILITY_CONFIG if set, else built-in
                  defaults); every key can be overridden by MOBILITY_<KEY> environment variables
  --help          show this help; `mobility <command> --help` shows a command's help
  --version       show the version

Exit codes: 0 success, 1 the command failed, 2 wrong arguments or configuration.
)";

const std::vector<const Command*>& commands() {
  static const std::vector<const Command*> all = {&serve_command(), &migrate_command(),  &seed_demo_command(),
                                                  &keys_command(),  &registry_command(), &echo_command(),
                                                  &users_command(), &hei_command(),      &oidc_command()};
  return all;
}

void print_usage(FILE* out) {
  std::string list;
  for (const Command* command : commands()) {
    char line[160];
    std::snprintf(line, sizeof line, "  %-12s %s\n", command->name, command->summary);
    list += line;
  }
  std::fprintf(out, kUsage, list.c_str());
}

const Command* find_command(const std::string& name) {
  for (const Command* command : commands()) {
    if (name == command->name) return command;
  }
  return nullptr;
}

int run(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  std::string config_path;
  size_t next = 0;
  for (; next < args.size() && args[next].rfind("--", 0) == 0; ++next) {
    if (args[next] == "--help") {
      print_usage(stdout);
      return kExitOk;
    }
    if (args[next] == "--version") {
      std::printf("mobility %s\n", MOBILITY_VERSION);
      return kExitOk;
    }
    if (args[next] == "--config" && next + 1 < args.size()) {
      config_path = args[++next];
      continue;
    }
    std::fprintf(stderr, "mobility: unknown option %s\n\n", args[next].c_str());
    print_usage(stderr);
    return kExitUsage;
  }
  if (next == args.size()) {
    print_usage(stderr);
    return kExitUsage;
  }
  const std::string& name = args[next];
  if (name == "help") {
    const Command* topic = next + 1 < args.size() ? find_command(args[next + 1]) : nullptr;
    if (topic)
      std::fputs(topic->help, stdout);
    else
      print_usage(stdout);
    return kExitOk;
  }
  const Command* command = find_command(name);
  if (command == nullptr) {
    std::fprintf(stderr, "mobility: unknown command '%s'\n\n", name.c_str());
    print_usage(stderr);
    return kExitUsage;
  }
  std::vector<std::string> command_args(args.begin() + static_cast<long>(next) + 1, args.end());
  for (const auto& arg : command_args) {
    if (arg == "--help" || arg == "-h") {
      std::fputs(command->help, stdout);
      return kExitOk;
    }
  }

  auto environment = process_environment();
  if (config_path.empty() && environment.count("MOBILITY_CONFIG")) config_path = environment["MOBILITY_CONFIG"];
  auto loaded = load_config(config_path, environment);
  if (!loaded) return fail(command->name, "configuration error: " + loaded.status().message(), kExitUsage);
  log::configure(loaded->config.log_level, loaded->config.log_format);
  return command->run(Context{std::move(loaded.value())}, command_args);
}

}  // namespace

int fail(const char* command, const std::string& message, int exit_code) {
  std::fprintf(stderr, "mobility %s: %s\n", command, message.c_str());
  return exit_code;
}

}  // namespace mobility::cli

int main(int argc, char** argv) {
  xmlInitParser();  // once, before any thread starts (libxml2 requirement)
  int code = mobility::cli::run(argc, argv);
  xmlCleanupParser();
  return code;
}
