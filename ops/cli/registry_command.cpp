#include <cstdio>
#include <fstream>

#include "ewp-node/client/curl_transport.hpp"
#include "ewp-node/registry/catalogue_builder.hpp"
#include "ops/cli/arguments.hpp"
#include "ops/cli/command.hpp"

namespace mobility::cli {
namespace {

constexpr const char* kHelp = R"(Usage: mobility registry build --manifest URL [--manifest URL ...] --out FILE

Builds an EWP registry catalogue from Discovery manifests, as the EWP registry does, so that
nodes on a local network can trust each other: point each node's registry_url at
file://FILE (or serve FILE over HTTP). URL may be https://, http:// or file://; partners' TLS
certificates are checked against the system CAs and ca_bundle. Keys below 2048 bits are left
out with a warning, as the registry does. See docs/two-nodes.md.
)";

int build(const Context& context, const std::vector<std::string>& urls, const std::string& out) {
  const Config& config = context.config();
  ewp::CurlTransport transport(ewp::transport_options(config));
  std::vector<std::string> manifests;
  for (const std::string& url : urls) {
    auto reply = transport.send("GET", url, {{"Accept", "application/xml"}}, "");
    if (!reply) return fail("registry", reply.status().message());
    if (reply->status != 200) return fail("registry", url + " answered HTTP " + std::to_string(reply->status));
    manifests.push_back(reply->body);
  }
  auto catalogue = ewp::build_catalogue(manifests);
  if (!catalogue) return fail("registry", catalogue.status().message());
  for (const auto& warning : catalogue->warnings) std::fprintf(stderr, "mobility registry: warning: %s\n", warning.c_str());
  std::ofstream file(out, std::ios::trunc);
  file << catalogue->xml;
  if (!file.flush()) return fail("registry", "cannot write " + out);
  std::string heis;
  for (const auto& hei_id : catalogue->hei_ids) heis += (heis.empty() ? "" : ", ") + hei_id;
  std::printf("wrote %s from %zu manifest(s) covering %zu HEI(s): %s\n", out.c_str(), manifests.size(), catalogue->hei_ids.size(),
              heis.empty() ? "none" : heis.c_str());
  return kExitOk;
}

int run(const Context& context, const std::vector<std::string>& args) {
  std::vector<std::string> urls;
  std::vector<std::string> rest;
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--manifest" && i + 1 < args.size()) {
      urls.push_back(args[++i]);
    } else {
      rest.push_back(args[i]);
    }
  }
  auto arguments = parse_arguments(rest, {"--out"}, {}, 1);
  if (!arguments) return fail("registry", arguments.status().message(), kExitUsage);
  if (arguments->positional != std::vector<std::string>{"build"} || urls.empty() || !arguments->values.count("--out")) {
    std::fputs(kHelp, stderr);
    return kExitUsage;
  }
  return build(context, urls, arguments->values.at("--out"));
}

}  // namespace

const Command& registry_command() {
  static const Command command{"registry", "build a registry catalogue from manifests (local EWP networks)", kHelp, run};
  return command;
}

}  // namespace mobility::cli
