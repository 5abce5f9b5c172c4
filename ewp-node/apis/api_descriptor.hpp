// One descriptor per (EWP API, major version): everything the node needs to serve the API and to
// announce it. The EWP surface registers its endpoints; the manifest asks it for its entry.
// Adding an API version means adding one descriptor (see docs/adding-an-api-version.md).
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "db/pool.hpp"
#include "ewp-node/security/ewp_auth.hpp"
#include "ewp-node/xml/xml_writer.hpp"
#include "http/message.hpp"

namespace mobility::ewp {

// Runs only for authenticated requests; sees only the headers the client signed.
using EwpHandler = std::function<http::Response(const http::Request&, const AuthenticatedClient&)>;

// A handler that reads and writes the database through `pool`.
using PoolHandler = http::Response (*)(db::Pool& pool, const http::Request&, const AuthenticatedClient&);
// The EwpHandler that calls `handler` with `pool` (which must outlive it).
EwpHandler with_pool(db::Pool& pool, PoolHandler handler);

struct ApiEndpoint {
  std::string path;                  // under the public URL: "/ewp/echo"
  std::vector<std::string> methods;  // "GET", "POST"; any other method gets 405
  EwpHandler handler;
};

struct ApiDescriptor {
  std::string name;             // the manifest element's local name: "echo"
  std::string version;          // the implemented specification version: "2.0.1"
  std::string entry_namespace;  // namespace of the manifest entry element
  std::vector<ApiEndpoint> endpoints;
  // The official XSDs of the API's responses, relative to the schema bundle (schema_dir): our
  // client checks partners' answers against them.
  std::vector<std::string> response_schemas;
  // Writes the children of the API's manifest entry (http-security, URLs, limits) into `entry`;
  // `public_url` has no trailing slash.
  std::function<void(XmlElement& entry, const std::string& public_url)> write_entry;
};

// <http-security> with client authentication httpsig and server authentication tlscert and
// httpsig, in the manifest entry namespace `entry_namespace` (declared on the manifest root).
void write_httpsig_security(XmlElement& entry, const std::string& entry_namespace);

}  // namespace mobility::ewp
