// Parses one subcommand's arguments: "--name value" options, "--flag" switches, positionals.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "base/status.hpp"

namespace mobility::cli {

struct Arguments {
  std::map<std::string, std::string> values;  // "--bits" → "4096"
  std::set<std::string> flags;                // "--status"
  std::vector<std::string> positional;

  bool has(const std::string& flag) const { return flags.count(flag) > 0; }
  std::string value_or(const std::string& option, const std::string& fallback) const;
};

// An unknown option, a missing value, or more than `max_positional` positionals is an error.
Result<Arguments> parse_arguments(const std::vector<std::string>& args, const std::set<std::string>& value_options,
                                  const std::set<std::string>& flag_options, size_t max_positional);

}  // namespace mobility::cli
