#include <cstdio>
#include <ctime>

#include "ewp-node/security/keys.hpp"
#include "ops/cli/arguments.hpp"
#include "ops/cli/command.hpp"

namespace mobility::cli {
namespace {

constexpr const char* kHelp = R"(Usage: mobility keys generate [--name NAME] [--bits BITS]
       mobility keys list

Manages this node's RSA key pairs in key_dir (default var/keys; never commit it).

  generate   writes NAME.key.pem (private, mode 0600) and NAME.pub.pem; BITS is 2048 to 16384,
             default 3072; NAME defaults to rsa-<UTC date and time>. Prints the key id.
  list       prints name, key id (SHA-256 of the DER public key) and size of every key pair
)";

std::string default_key_name() {
  std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char name[32];
  std::strftime(name, sizeof name, "rsa-%Y%m%d-%H%M%S", &tm);
  return name;
}

int generate(const Context& context, const Arguments& arguments) {
  int bits = 0;
  try {
    bits = std::stoi(arguments.value_or("--bits", std::to_string(ewp::kDefaultKeyBits)));
  } catch (const std::exception&) {
    return fail("keys", "--bits takes a whole number", kExitUsage);
  }
  auto key = ewp::generate_key(context.config().key_dir, arguments.value_or("--name", default_key_name()), bits);
  if (!key) return fail("keys", key.status().message(), key.status().code() == Status::Code::kInternal ? 1 : 2);
  std::printf("generated %s (%d bits)\nkey id:      %s\nprivate key: %s\npublic key:  %s\n", key->name.c_str(), key->bits,
              key->key_id.c_str(), key->private_key_path.c_str(), key->public_key_path.c_str());
  return kExitOk;
}

int list(const Context& context) {
  auto keys = ewp::list_keys(context.config().key_dir);
  if (!keys) return fail("keys", keys.status().message());
  if (keys->empty()) std::printf("no keys in %s; create one with `mobility keys generate`\n", context.config().key_dir.c_str());
  for (const auto& key : *keys) std::printf("%-28s %s %5d bits\n", key.name.c_str(), key.key_id.c_str(), key.bits);
  return kExitOk;
}

int run(const Context& context, const std::vector<std::string>& args) {
  auto arguments = parse_arguments(args, {"--name", "--bits"}, {}, 1);
  if (!arguments) return fail("keys", arguments.status().message(), kExitUsage);
  std::string action = arguments->positional.empty() ? "" : arguments->positional[0];
  if (action == "generate") return generate(context, *arguments);
  if (action == "list" && arguments->values.empty()) return list(context);
  std::fputs(kHelp, stderr);
  return kExitUsage;
}

}  // namespace

const Command& keys_command() {
  static const Command command{"keys", "generate and list this node's RSA keys", kHelp, run};
  return command;
}

}  // namespace mobility::cli
