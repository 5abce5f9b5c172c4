// Discovery API v6 (6.0.0): the manifest that tells the EWP registry what this node serves.
//
// One manifest per hosted HEI (v6 allows at most one host and one HEI per manifest):
//   GET /ewp/manifest.xml               when the node hosts exactly one HEI (the usual case);
//   GET /ewp/hei/<hei_id>/manifest.xml  for each hosted HEI (always available).
// Each lists: admin e-mails (the node's admin_email, then the HEI's), every API descriptor's
// entry (discovery itself first), the HEI with its names, and the node's public keys as both
// client and server credentials (the registry requires >= 2048-bit RSA keys).
// The manifest is public (no authentication) and generated from the database on each request.
// Every URL in it must be https:// (the official schema says so): with another public_url the
// manifest answers 503 and says why.
#pragma once

#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "db/pool.hpp"
#include "ewp-node/apis/api_descriptor.hpp"
#include "http/router.hpp"

namespace mobility::ewp {

struct ManifestHei {
  std::string hei_id;
  std::vector<std::pair<std::string, std::string>> names;  // (language tag or "", name)
};

struct ManifestInput {
  std::string public_url;  // without trailing slash
  std::vector<std::string> admin_emails;
  ManifestHei hei;
  std::vector<std::string> client_keys_base64;  // DER SubjectPublicKeyInfo, Base64
  std::vector<std::string> server_keys_base64;  // (a node publishes its keys in both lists)
  std::vector<ApiDescriptor> apis;              // the discovery entry is added first by itself
};

std::string manifest_xml(const ManifestInput& input);

// The public URL of the manifest of `hei_id`.
std::string manifest_path(const std::string& hei_id);

struct ManifestSource {
  std::string public_url;
  std::string admin_email;
  std::vector<ApiDescriptor> apis;
  // The node's published public keys (Base64 DER), read on each request so rotation shows at once.
  std::function<std::vector<std::string>()> public_keys;
};

// Registers /ewp/manifest.xml and /ewp/hei/<hei_id>/manifest.xml. Both read the hosted HEIs on
// each request, so an HEI hosted (or no longer hosted) while the node runs shows at once.
Status add_manifest_routes(http::Router& router, db::Pool& pool, ManifestSource source);

}  // namespace mobility::ewp
