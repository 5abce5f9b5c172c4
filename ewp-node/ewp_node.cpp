#include "ewp-node/ewp_node.hpp"

#include "ewp-node/apis/discovery-v6/manifest.hpp"
#include "ewp-node/apis/echo-v2/echo_api.hpp"
#include "ewp-node/ewp_surface.hpp"
#include "ewp-node/registry/registry_client.hpp"
#include "ewp-node/security/node_keys.hpp"
#include "ewp-node/security/replay_guard.hpp"
#include "ewp-node/security/request_verifier.hpp"
#include "ewp-node/security/response_signer.hpp"
#include "ops/base/log.hpp"

namespace mobility::ewp {
namespace {

constexpr std::chrono::seconds kClockSkew{300};
constexpr std::chrono::seconds kRegistryCheckPeriod{30};

std::string without_trailing_slash(std::string url) {
  while (url.ends_with('/')) url.pop_back();
  return url;
}

std::vector<ApiDescriptor> api_descriptors() { return {echo_v2_descriptor()}; }

}  // namespace

struct EwpNode::Parts {
  HttpTransport registry_transport;
  RegistryClient registry;
  PostgresReplayGuard replay;
  RequestVerifier verifier;
  SigningKeySource signing_keys;

  Parts(const Config& config, db::Pool& pool)
      : registry_transport(transport_options(config)),
        registry({config.registry_url}, registry_transport, pool),
        replay(pool.options().url, 2 * kClockSkew),
        verifier(registry, replay, {hosts_of_public_url(config.public_url), kClockSkew}),
        signing_keys(config.key_dir, std::chrono::minutes(config.key_switch_delay_minutes)) {}
};

EwpNode::EwpNode(std::unique_ptr<Parts> parts) : parts_(std::move(parts)) {}
EwpNode::~EwpNode() = default;

Result<std::unique_ptr<EwpNode>> EwpNode::start(const Config& config, db::Pool& pool, http::Router& router) {
  auto parts = std::make_unique<Parts>(config, pool);
  if (Status saved = parts->registry.load_saved(); !saved) log::warn("registry_copy_unusable", {{"error", saved.message()}});
  if (Status fresh = parts->registry.refresh(); !fresh) log::warn("registry_unreachable", {{"error", fresh.message()}});
  parts->registry.start_background_refresh(kRegistryCheckPeriod);
  parts->signing_keys.current(Clock::now());  // logs which key signs, or that none does

  Parts* shared = parts.get();
  EwpSurface surface([shared](const http::Request& request) { return shared->verifier.verify(request); },
                     [shared](const http::Request& request, http::Response& response) {
                       if (auto key = shared->signing_keys.current(Clock::now())) {
                         ResponseSigner(*key).sign(request, response);
                       }
                     });
  for (const ApiDescriptor& api : api_descriptors()) surface.add(router, api);

  std::string key_dir = config.key_dir;
  ManifestSource manifest{without_trailing_slash(config.public_url), config.admin_email, api_descriptors(), [key_dir] {
                            auto keys = published_public_keys(key_dir);
                            return keys ? *keys : std::vector<std::string>{};
                          }};
  if (Status routes = add_manifest_routes(router, pool, std::move(manifest)); !routes) {
    log::warn("manifest_routes_unavailable", {{"error", routes.message()}});
  }
  return std::unique_ptr<EwpNode>(new EwpNode(std::move(parts)));
}

}  // namespace mobility::ewp
