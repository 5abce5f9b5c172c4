#include "ops/cli/arguments.hpp"

namespace mobility::cli {

std::string Arguments::value_or(const std::string& option, const std::string& fallback) const {
  auto found = values.find(option);
  return found == values.end() ? fallback : found->second;
}

Result<Arguments> parse_arguments(const std::vector<std::string>& args, const std::set<std::string>& value_options,
                                  const std::set<std::string>& flag_options, size_t max_positional) {
  Arguments parsed;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg.rfind("--", 0) != 0) {
      if (parsed.positional.size() == max_positional) return Status::invalid_argument("unexpected argument '" + arg + "'");
      parsed.positional.push_back(arg);
    } else if (flag_options.count(arg)) {
      parsed.flags.insert(arg);
    } else if (value_options.count(arg)) {
      if (i + 1 == args.size()) return Status::invalid_argument(arg + " needs a value");
      parsed.values[arg] = args[++i];
    } else {
      return Status::invalid_argument("unknown option " + arg);
    }
  }
  return parsed;
}

}  // namespace mobility::cli
