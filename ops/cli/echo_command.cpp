#include <cstdio>

#include "db/pool.hpp"
#include "ewp-node/client/answered.hpp"
#include "ewp-node/ewp_node.hpp"
#include "ewp-node/xml/namespaces.hpp"
#include "ops/cli/command.hpp"

namespace mobility::cli {
namespace {

constexpr const char* kHelp = R"(Usage: mobility echo HEI_ID [VALUE ...]

Calls the Echo API of a partner HEI as the node would call any partner: finds it in the registry
catalogue (registry_url), signs the request with the node's current key, checks the answer's
signature against that host's server keys and its XML against the official schema, and prints
it. The answer lists the HEIs the partner believes our key covers, and VALUE echoed back. Use it
to check that two nodes trust each other (docs/two-nodes.md).
)";

int run(const Context& context, const std::vector<std::string>& args) {
  if (args.empty() || args.front().starts_with("-")) {
    std::fputs(kHelp, stderr);
    return kExitUsage;
  }
  const Config& config = context.config();
  db::Pool pool({config.database_url, 2, std::chrono::seconds(5)});
  http::Router unused;
  ewp::EwpNodeOptions quiet;  // one call, nothing in the background: the outbox is serve's work
  quiet.work_notifications = false;
  quiet.refresh_reference_data = false;
  auto node = ewp::EwpNode::start(config, pool, unused, quiet);
  if (!node) return fail("echo", node.status().message());
  auto client = (*node)->client();
  if (!client) return fail("echo", client.status().message());
  http::HeaderList values;
  for (size_t i = 1; i < args.size(); ++i) values.emplace_back("echo", args[i]);
  auto reply = (*client)->call({args.front(), ewp::ns::kEchoEntry, "echo", "url", "POST", values});
  if (!reply) return fail("echo", reply.status().message());
  if (reply->status != 200) {
    return fail("echo", ewp::describe_refusal(args.front() + " echo at " + reply->url, reply->status,
                                              ewp::read_developer_message(reply->body)));
  }
  std::printf("HTTP %d from %s (echo %s), signature verified\n%s", reply->status, reply->url.c_str(), reply->version.c_str(),
              reply->body.c_str());
  return reply->status == 200 ? kExitOk : kExitFailure;
}

}  // namespace

const Command& echo_command() {
  static const Command command{"echo", "call a partner HEI's Echo API, signed, and show its answer", kHelp, run};
  return command;
}

}  // namespace mobility::cli
