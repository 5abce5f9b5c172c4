#include "ewp-node/ewp_node.hpp"

#include <algorithm>
#include <filesystem>
#include <optional>
#include <set>

#include "agreements/partner_copies.hpp"
#include "base/log.hpp"
#include "ewp-node/apis/course-replication-v1/course_replication_client.hpp"
#include "ewp-node/apis/courses-v0/courses_client.hpp"
#include "ewp-node/apis/discovery-v6/manifest.hpp"
#include "ewp-node/apis/echo-v2/echo_api.hpp"
#include "ewp-node/apis/factsheet-v1/factsheet_api.hpp"
#include "ewp-node/apis/iia-approval-cnr-v2/iia_approval_cnr_api.hpp"
#include "ewp-node/apis/iia-cnr-v3/iia_cnr_api.hpp"
#include "ewp-node/apis/iias-approval-v2/iias_approval_api.hpp"
#include "ewp-node/apis/iias-v7/iia_xml.hpp"
#include "ewp-node/apis/iias-v7/iias_api.hpp"
#include "ewp-node/apis/imobilities-v2/imobilities_api.hpp"
#include "ewp-node/apis/imobility-cnr-v2/imobility_cnr_api.hpp"
#include "ewp-node/apis/institutions-v2/institutions_api.hpp"
#include "ewp-node/apis/omobilities-v3/omobilities_api.hpp"
#include "ewp-node/apis/omobility-cnr-v2/omobility_cnr_api.hpp"
#include "ewp-node/apis/omobility-la-cnr-v1/omobility_la_cnr_api.hpp"
#include "ewp-node/apis/omobility-las-v1/las_api.hpp"
#include "ewp-node/apis/ounits-v2/ounits_api.hpp"
#include "ewp-node/client/curl_transport.hpp"
#include "ewp-node/cnr/notification_worker.hpp"
#include "ewp-node/ewp_surface.hpp"
#include "ewp-node/reference/reference_refresher.hpp"
#include "ewp-node/registry/registry_client.hpp"
#include "ewp-node/security/node_keys.hpp"
#include "ewp-node/security/replay_guard.hpp"
#include "ewp-node/security/request_verifier.hpp"
#include "ewp-node/security/response_signer.hpp"

namespace mobility::ewp {
namespace {

constexpr std::chrono::seconds kClockSkew{300};
constexpr std::chrono::seconds kRegistryCheckPeriod{30};

std::string without_trailing_slash(std::string url) {
  while (url.ends_with('/')) url.pop_back();
  return url;
}

}  // namespace

// Handlers that read data use `pool`.
std::vector<ApiDescriptor> served_apis(db::Pool& pool) {
  return {echo_v2_descriptor(),
          institutions_v2_descriptor(pool),
          ounits_v2_descriptor(pool),
          factsheet_v1_descriptor(pool),
          iias_v7_descriptor(pool),
          iias_approval_v2_descriptor(pool),
          iia_cnr_v3_descriptor(pool),
          iia_approval_cnr_v2_descriptor(pool),
          omobility_cnr_v2_descriptor(pool),
          omobility_la_cnr_v1_descriptor(pool),
          imobility_cnr_v2_descriptor(pool),
          omobilities_v3_descriptor(pool),
          omobility_las_v1_descriptor(pool),
          imobilities_v2_descriptor(pool)};
}

namespace {

// The answers of the APIs we call but do not serve. Simple Course Replication's schema comes after
// the Courses one it imports (the LAs' schemas import that too).
const std::vector<std::string> kCalledOnlySchemas = {kCoursesResponseSchema, kCourseReplicationResponseSchema};

// One validator for the answers of every API we call, from the schema bundle in `schema_dir`.
Result<SchemaValidator> load_partner_schemas(const std::string& schema_dir, const std::vector<ApiDescriptor>& apis) {
  constexpr const char* kFix = "; run ops/schema-bundle, or point schema_dir at a complete EWP schema bundle";
  std::string catalog = schema_dir + "/catalog.xml";
  if (!std::filesystem::exists(catalog)) return Status::not_found("schema_dir " + schema_dir + " has no catalog.xml" + kFix);
  std::vector<std::string> paths;
  std::string missing;
  int missing_count = 0;
  std::vector<std::string> schemas;
  for (const ApiDescriptor& api : apis) schemas.insert(schemas.end(), api.response_schemas.begin(), api.response_schemas.end());
  schemas.insert(schemas.end(), kCalledOnlySchemas.begin(), kCalledOnlySchemas.end());
  for (const auto& xsd : schemas) {
    paths.push_back(schema_dir + "/" + xsd);
    if (std::filesystem::exists(paths.back())) continue;
    if (++missing_count <= 3) missing += (missing.empty() ? "" : ", ") + xsd;
  }
  if (missing_count > 0) {
    return Status::not_found("schema_dir " + schema_dir + " lacks " + std::to_string(missing_count) +
                             " of the schemas the node needs (" + missing + (missing_count > 3 ? ", ..." : "") + ")" + kFix);
  }
  auto loaded = SchemaValidator::load(paths, catalog);
  if (!loaded) return loaded.status().with_context("schema_dir " + schema_dir);
  return loaded;
}

TransportOptions partner_transport_options(const Config& config, const EwpNodeOptions& options) {
  TransportOptions transport = transport_options(config);
  transport.connect_to = options.partner_connect_to;
  return transport;
}

NotificationWorkerOptions notification_options(const Config& config) {
  NotificationWorkerOptions options;
  options.retry = {std::chrono::seconds(config.cnr_retry_first_seconds), std::chrono::seconds(config.cnr_retry_max_seconds),
                   std::chrono::hours(config.cnr_give_up_hours)};
  // A lease must outlast the slowest call it covers, or a second worker would try the same item.
  options.lease = std::chrono::seconds(2 + 2 * config.http_timeout_ms / 1000);
  return options;
}

ReferenceRefresherOptions reference_options(const Config& config) {
  ReferenceRefresherOptions options;
  options.ages.refresh = std::chrono::hours(config.reference_refresh_hours);
  options.ages.retry_failed = std::min<std::chrono::seconds>(std::chrono::hours(1), options.ages.refresh);
  return options;
}

}  // namespace

struct EwpNode::Parts {
  std::vector<ApiDescriptor> apis;  // the one list the surface, the manifest and the client read
  CurlTransport registry_transport;
  RegistryClient registry;
  PostgresReplayGuard replay;
  RequestVerifier verifier;
  SigningKeySource signing_keys;
  CurlTransport partner_transport;
  Result<SchemaValidator> partner_schemas;
  std::optional<EwpClient> client;  // only with partner_schemas
  agreements::IiaBook iia_book{served_iia_hash};
  agreements::PartnerCopies partner_copies{iia_book};
  std::optional<NotificationWorker> notifications;  // only with a client
  std::optional<ReferenceRefresher> references;     // only with a client

  Parts(const Config& config, db::Pool& pool, const EwpNodeOptions& options)
      : apis(served_apis(pool)),
        registry_transport(transport_options(config)),
        registry({config.registry_url}, registry_transport, pool),
        replay(pool.options().url, 2 * kClockSkew),
        verifier(registry, replay, {hosts_of_public_url(config.public_url), kClockSkew}),
        signing_keys(config.key_dir, std::chrono::minutes(config.key_switch_delay_minutes)),
        partner_transport(partner_transport_options(config, options)),
        partner_schemas(load_partner_schemas(schema_bundle(config), apis)) {
    if (!partner_schemas) {
      log::error("partner_schemas_unavailable", {{"error", partner_schemas.status().message()}});
      return;
    }
    client.emplace(
        registry, partner_transport, [this] { return signing_keys.current(Clock::now()); }, &*partner_schemas,
        std::set<std::string>(config.lenient_xml_heis.begin(), config.lenient_xml_heis.end()));
    notifications.emplace(pool, *client, partner_copies, notification_options(config));
    references.emplace(pool, *client, reference_options(config));
  }
};

EwpNode::EwpNode(std::unique_ptr<Parts> parts) : parts_(std::move(parts)) {}
EwpNode::~EwpNode() = default;

Result<NotificationWorker*> EwpNode::notifications() {
  if (!parts_->notifications) return Status::unavailable("cannot call partners: " + parts_->partner_schemas.status().message());
  return &*parts_->notifications;
}

Result<ReferenceRefresher*> EwpNode::reference_refresher() {
  if (!parts_->references) return Status::unavailable("cannot call partners: " + parts_->partner_schemas.status().message());
  return &*parts_->references;
}

Result<EwpClient*> EwpNode::client() {
  if (!parts_->client) return Status::unavailable("cannot call partners: " + parts_->partner_schemas.status().message());
  return &*parts_->client;
}

Result<std::unique_ptr<EwpNode>> EwpNode::start(const Config& config, db::Pool& pool, http::Router& router,
                                                const EwpNodeOptions& options) {
  auto parts = std::make_unique<Parts>(config, pool, options);
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
  for (const ApiDescriptor& api : parts->apis) surface.add(router, api);

  std::string key_dir = config.key_dir;
  ManifestSource manifest{without_trailing_slash(config.public_url), config.admin_email, parts->apis, [key_dir] {
                            auto keys = published_public_keys(key_dir);
                            return keys ? *keys : std::vector<std::string>{};
                          }};
  if (Status routes = add_manifest_routes(router, pool, std::move(manifest)); !routes) {
    log::warn("manifest_routes_unavailable", {{"error", routes.message()}});
  }
  if (parts->notifications && options.work_notifications) parts->notifications->start();
  if (parts->references && options.refresh_reference_data) parts->references->start();
  return std::unique_ptr<EwpNode>(new EwpNode(std::move(parts)));
}

}  // namespace mobility::ewp
