// The EWP side of a running node, assembled from the configuration: the registry client (kept
// fresh in the background), replay protection, the request verifier, the response signer with
// the current signing key, the EWP surface with every API descriptor, the manifest routes, and
// the signed client for calls to partners (checking their answers against the official schemas
// in schema_dir), the worker of the change-notification outbox and inbox, and the refresher of
// partners' reference data (institutions, units, factsheets).
#pragma once

#include <memory>

#include "base/config.hpp"
#include "db/pool.hpp"
#include "ewp-node/apis/api_descriptor.hpp"
#include "ewp-node/client/ewp_client.hpp"
#include "http/router.hpp"

namespace mobility::ewp {

class NotificationWorker;
class ReferenceRefresher;

struct EwpNodeOptions {
  // Run the CNR worker in the background; tests that drive it step by step turn this off.
  bool work_notifications = true;
  // curl CONNECT_TO rules for calls to partners ("HOST:PORT:CONNECT_HOST:CONNECT_PORT"): several
  // nodes on one machine, in tests.
  std::vector<std::string> partner_connect_to;
  // Refresh partners' reference data in the background; tests that drive it turn this off.
  bool refresh_reference_data = true;
};

// Every API version the node serves, as the manifest announces them.
std::vector<ApiDescriptor> served_apis(db::Pool& pool);

class EwpNode {
 public:
  // Registers the EWP routes on `router`. The pool must outlive the node; the router may be
  // used by the server only while the node lives. A registry that cannot be reached is logged,
  // not fatal (a saved copy, or the next refresh, will do).
  static Result<std::unique_ptr<EwpNode>> start(const Config& config, db::Pool& pool, http::Router& router,
                                                const EwpNodeOptions& options = {});
  ~EwpNode();

  // The signed client for calls to partners. Unavailable, with the reason, when the official
  // schemas could not be loaded from schema_dir: partners' XML is never accepted unchecked
  // (only lenient_xml_heis get their invalid answers logged instead of refused).
  Result<EwpClient*> client();

  // The CNR worker (unavailable for the same reason as the client).
  Result<NotificationWorker*> notifications();

  // The reference-data refresher (unavailable for the same reason as the client).
  Result<ReferenceRefresher*> reference_refresher();

  struct Parts;

 private:
  explicit EwpNode(std::unique_ptr<Parts> parts);
  std::unique_ptr<Parts> parts_;
};

}  // namespace mobility::ewp
