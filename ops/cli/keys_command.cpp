#include <cstdio>
#include <ctime>

#include "base/utc_time.hpp"
#include "ewp-node/security/keys.hpp"
#include "ewp-node/security/node_keys.hpp"
#include "ops/cli/arguments.hpp"
#include "ops/cli/command.hpp"

namespace mobility::cli {
namespace {

constexpr const char* kHelp = R"(Usage: mobility keys generate [--name NAME] [--bits BITS]
       mobility keys list
       mobility keys rotate [--bits BITS]
       mobility keys retire [--name NAME]

Manages this node's RSA key pairs in key_dir (default var/keys; never commit it).

  generate   writes NAME.key.pem (private, mode 0600) and NAME.pub.pem; BITS is 2048 to 16384,
             default 3072; NAME defaults to rsa-<UTC date and time>. Prints the key id.
  list       prints name, key id (SHA-256 of the DER public key), size and role of every key pair
  rotate     adds a new key pair: it is published in the manifest at once, beside the old one,
             and signs only after key_switch_delay_minutes, when partners have learnt it from
             the registry
  retire     removes (into key_dir/retired/) the key pairs older than the one that signs now;
             --name NAME removes that key pair at once (a compromised key), unless it is the last
)";

std::string default_key_name() { return format_utc_now("rsa-%Y%m%d-%H%M%S"); }

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

std::chrono::minutes switch_delay(const Context& context) {
  return std::chrono::minutes(context.config().key_switch_delay_minutes);
}

std::string local_time(std::chrono::system_clock::time_point time) {
  std::time_t seconds = std::chrono::system_clock::to_time_t(time);
  std::tm tm{};
  gmtime_r(&seconds, &tm);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%d %H:%M UTC", &tm);
  return text;
}

int list(const Context& context) {
  auto keys = ewp::list_keys(context.config().key_dir);
  if (!keys) return fail("keys", keys.status().message());
  if (keys->empty()) std::printf("no keys in %s; create one with `mobility keys generate`\n", context.config().key_dir.c_str());
  auto signing = ewp::choose_signing_key(*keys, switch_delay(context), std::chrono::system_clock::now());
  for (const auto& key : *keys) {
    const char* role = signing && signing->name == key.name ? "signs" : "published";
    std::printf("%-28s %s %5d bits  %s\n", key.name.c_str(), key.key_id.c_str(), key.bits, role);
  }
  return kExitOk;
}

int rotate(const Context& context, const Arguments& arguments) {
  int status = generate(context, arguments);
  if (status != kExitOk) return status;
  auto from = std::chrono::system_clock::now() + switch_delay(context);
  std::printf(
      "published now beside the current key; signs from %s (key_switch_delay_minutes = %d).\n"
      "After that, remove the old key with `mobility keys retire`.\n",
      local_time(from).c_str(), context.config().key_switch_delay_minutes);
  return kExitOk;
}

int retire(const Context& context, const Arguments& arguments) {
  const std::string& key_dir = context.config().key_dir;
  auto keys = ewp::list_keys(key_dir);
  if (!keys) return fail("keys", keys.status().message());
  std::vector<std::string> names;
  if (arguments.values.count("--name")) {
    if (keys->size() < 2) return fail("keys", "refusing to retire the only key pair; rotate first");
    names.push_back(arguments.values.at("--name"));
  } else if (auto signing = ewp::choose_signing_key(*keys, switch_delay(context), std::chrono::system_clock::now())) {
    for (const auto& key : *keys) {
      if (key.published < signing->published) names.push_back(key.name);
    }
  }
  if (names.empty()) std::printf("nothing to retire: no key pair is older than the one that signs\n");
  for (const auto& name : names) {
    if (Status retired = ewp::retire_key(key_dir, name); !retired) return fail("keys", retired.message());
    std::printf("retired %s (moved to %s/retired/)\n", name.c_str(), key_dir.c_str());
  }
  return kExitOk;
}

int run(const Context& context, const std::vector<std::string>& args) {
  auto arguments = parse_arguments(args, {"--name", "--bits"}, {}, 1);
  if (!arguments) return fail("keys", arguments.status().message(), kExitUsage);
  std::string action = arguments->positional.empty() ? "" : arguments->positional[0];
  if (action == "generate") return generate(context, *arguments);
  if (action == "list" && arguments->values.empty()) return list(context);
  if (action == "rotate" && !arguments->values.count("--name")) return rotate(context, *arguments);
  if (action == "retire" && !arguments->values.count("--bits")) return retire(context, *arguments);
  std::fputs(kHelp, stderr);
  return kExitUsage;
}

}  // namespace

const Command& keys_command() {
  static const Command command{"keys", "generate, list, rotate and retire this node's RSA keys", kHelp, run};
  return command;
}

}  // namespace mobility::cli
