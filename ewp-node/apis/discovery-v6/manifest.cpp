#include "ewp-node/apis/discovery-v6/manifest.hpp"

#include <algorithm>
#include <memory>

#include "base/log.hpp"
#include "base/text.hpp"
#include "db/institutions.hpp"
#include "ewp-node/xml/error_response.hpp"
#include "ewp-node/xml/namespaces.hpp"

namespace mobility::ewp {
namespace {

constexpr const char* kSingleHeiPath = "/ewp/manifest.xml";

void write_discovery_entry(XmlElement& apis, const std::string& public_url, const std::string& hei_id) {
  XmlElement entry = apis.add(ns::kDiscoveryEntry, "discovery");
  entry.set_attribute("version", "6.0.0");
  entry.add_text(ns::kDiscoveryEntry, "url", public_url + manifest_path(hei_id));
}

void write_institution(XmlElement& host, const ManifestHei& hei) {
  XmlElement element = host.add(ns::kDiscovery, "institutions-covered").add(ns::kRegistry, "hei");
  element.set_attribute("id", hei.hei_id);
  for (const auto& [language, name] : hei.names) {
    XmlElement name_element = element.add_text(ns::kRegistry, "name", name);
    if (!language.empty()) name_element.set_language(language);
  }
}

void write_keys(XmlElement& host, const char* element, const std::vector<std::string>& keys) {
  if (keys.empty()) return;
  XmlElement credentials = host.add(ns::kDiscovery, element);
  for (const auto& key : keys) credentials.add_text(ns::kDiscovery, "rsa-public-key", key);
}

Result<std::vector<db::HostedHei>> hosted_heis(db::Pool& pool) {
  auto connection = pool.acquire();
  if (!connection) return connection.status();
  return db::list_hosted_heis(**connection);
}

// The manifest of the hosted `hei`.
http::Response serve_manifest(const ManifestSource& source, const db::HostedHei& hei) {
  if (!source.public_url.starts_with("https://")) {
    log::error("manifest_unavailable", {{"reason", "public_url is not https://"}, {"public_url", source.public_url}});
    return error_response(503, "this node's public_url is not an https:// URL, so it cannot publish an EWP manifest");
  }
  std::vector<std::string> keys = source.public_keys();
  ManifestInput input{source.public_url, {source.admin_email}, ManifestHei{hei.hei_id, hei.names}, keys, keys, source.apis};
  if (hei.admin_email != source.admin_email) input.admin_emails.push_back(hei.admin_email);
  http::Response response;
  response.content_type = "text/xml; charset=utf-8";
  response.body = manifest_xml(input);
  return response;
}

}  // namespace

std::string manifest_path(const std::string& hei_id) { return "/ewp/hei/" + hei_id + "/manifest.xml"; }

std::string manifest_xml(const ManifestInput& input) {
  XmlDocument doc(ns::kDiscovery, "manifest");
  doc.declare(ns::kCommonTypes, "ewp");
  doc.declare(ns::kRegistry, "r");
  doc.declare(ns::kSecIntro, "sec");
  doc.declare(ns::kDiscoveryEntry, "d6");
  doc.declare(ns::kCliauthHttpsig, "cliauth");
  doc.declare(ns::kSrvauthTlscert, "srvtls");
  doc.declare(ns::kSrvauthHttpsig, "srvsig");
  for (size_t i = 0; i < input.apis.size(); ++i) doc.declare(input.apis[i].entry_namespace, "api" + std::to_string(i));

  XmlElement host = doc.root().add(ns::kDiscovery, "host");
  for (const auto& email : input.admin_emails) host.add_text(ns::kCommonTypes, "admin-email", email);
  host.add_text(ns::kCommonTypes, "admin-provider", "Mobility (open source EWP node)");
  XmlElement apis = host.add(ns::kRegistry, "apis-implemented");
  write_discovery_entry(apis, input.public_url, input.hei.hei_id);
  for (const ApiDescriptor& api : input.apis) {
    XmlElement entry = apis.add(api.entry_namespace, api.name);
    entry.set_attribute("version", api.version);
    api.write_entry(entry, input.public_url);
  }
  write_institution(host, input.hei);
  write_keys(host, "client-credentials-in-use", input.client_keys_base64);
  write_keys(host, "server-credentials-in-use", input.server_keys_base64);
  return doc.serialize();
}

namespace {

// /ewp/manifest.xml: the one hosted HEI's manifest; with none or several (a v6 manifest holds at
// most one host and one HEI), a 404 that lists where each HEI's manifest is.
http::Response serve_node_manifest(db::Pool& pool, const ManifestSource& source) {
  auto hosted = hosted_heis(pool);
  if (!hosted) return error_response(503, "the hosted HEIs cannot be read now; try again later");
  if (hosted->size() == 1) return serve_manifest(source, hosted->front());
  std::string where = hosted->empty() ? "this node hosts no HEI yet" : "this node hosts several HEIs, one manifest each:";
  for (const auto& hei : *hosted) where += " " + source.public_url + manifest_path(hei.hei_id);
  return error_response(404, where);
}

// /ewp/hei/<hei_id>/manifest.xml, for whichever HEIs are hosted when it is asked.
http::Response serve_hei_manifest(db::Pool& pool, const ManifestSource& source, const http::Request& request) {
  constexpr std::string_view kPrefix = "/ewp/hei/", kSuffix = "/manifest.xml";
  std::string_view path = request.path;
  if (!path.starts_with(kPrefix) || !path.ends_with(kSuffix) || path.size() <= kPrefix.size() + kSuffix.size()) {
    return error_response(404, "no such manifest; each hosted HEI's is at /ewp/hei/<hei_id>/manifest.xml");
  }
  if (request.method != "GET" && request.method != "HEAD") {
    http::Response refused = error_response(405, "the manifest is read with GET");
    refused.headers.emplace_back("Allow", "GET, HEAD");
    return refused;
  }
  std::string_view hei_id = path.substr(kPrefix.size(), path.size() - kPrefix.size() - kSuffix.size());
  auto hosted = hosted_heis(pool);
  if (!hosted) return error_response(503, "the hosted HEIs cannot be read now; try again later");
  for (const auto& hei : *hosted) {
    if (hei.hei_id == hei_id) return serve_manifest(source, hei);
  }
  return error_response(404, "this node does not host the HEI " + excerpt(hei_id));
}

}  // namespace

Status add_manifest_routes(http::Router& router, db::Pool& pool, ManifestSource source) {
  auto shared_source = std::make_shared<const ManifestSource>(std::move(source));
  router.add("GET", kSingleHeiPath,
             [&pool, shared_source](const http::Request&) { return serve_node_manifest(pool, *shared_source); });
  router.add_fallback("/ewp/hei/", [&pool, shared_source](const http::Request& request) {
    return serve_hei_manifest(pool, *shared_source, request);
  });
  return Status::ok();
}

}  // namespace mobility::ewp
