// The EWP side of a running node, assembled from the configuration: the registry client (kept
// fresh in the background), replay protection, the request verifier, the response signer with
// the current signing key, the EWP surface with every API descriptor, and the manifest routes.
#pragma once

#include <memory>

#include "db/pool.hpp"
#include "ewp-node/http/router.hpp"
#include "ops/base/config.hpp"

namespace mobility::ewp {

class EwpNode {
 public:
  // Registers the EWP routes on `router`. The pool must outlive the node; the router may be
  // used by the server only while the node lives. A registry that cannot be reached is logged,
  // not fatal (a saved copy, or the next refresh, will do).
  static Result<std::unique_ptr<EwpNode>> start(const Config& config, db::Pool& pool, http::Router& router);
  ~EwpNode();

  struct Parts;

 private:
  explicit EwpNode(std::unique_ptr<Parts> parts);
  std::unique_ptr<Parts> parts_;
};

}  // namespace mobility::ewp
