#include "ewp-node/apis/iias-v7/iias_api.hpp"

#include "agreements/iia_json.hpp"
#include "db/iias.hpp"
#include "ewp-node/apis/api_responses.hpp"
#include "ewp-node/apis/ewp_parameters.hpp"
#include "ewp-node/apis/iias-v7/iia_xml.hpp"
#include "ewp-node/apis/index_parameters.hpp"
#include "ewp-node/xml/namespaces.hpp"

namespace mobility::ewp {
namespace {

constexpr const char* kGetPath = "/ewp/iias/get";
constexpr const char* kIndexPath = "/ewp/iias/index";
constexpr const char* kStatsPath = "/ewp/iias/stats";

http::Response get_iias(db::Pool& pool, const http::Request& request, const AuthenticatedClient& client) {
  auto read = EwpParameters::read(request);
  if (auto* refusal = std::get_if<http::Response>(&read)) return *refusal;
  auto iia_ids = std::get<EwpParameters>(read).required_list("iia_id", kMaxIiaIds, Shape::kIdentifier);
  if (!iia_ids) return parameter_error(iia_ids.status());
  auto connection = pool.acquire();
  if (!connection) return storage_failure(request, connection.status());
  auto records = db::find_shared_iias(**connection, *iia_ids, client.hei_ids);
  if (!records) return storage_failure(request, records.status());
  std::vector<agreements::Iia> iias;
  for (const db::IiaRecord& record : *records) {
    auto iia = agreements::iia_from_json_text(record.content_json);
    if (!iia) return storage_failure(request, iia.status().with_context("agreement " + record.iia_id));
    iias.push_back(std::move(*iia));
  }
  return xml_response(iias_get_response_xml(iias));
}

Result<db::IiaIndexFilter> index_filter(const EwpParameters& parameters, const AuthenticatedClient& client) {
  auto years = read_academic_year_ids(parameters);
  if (!years) return years.status();
  auto modified_since = read_modified_since(parameters);
  if (!modified_since) return modified_since.status();
  return db::IiaIndexFilter{client.hei_ids, *years, *modified_since};
}

http::Response index_iias(db::Pool& pool, const http::Request& request, const AuthenticatedClient& client) {
  auto read = EwpParameters::read(request);
  if (auto* refusal = std::get_if<http::Response>(&read)) return *refusal;
  auto filter = index_filter(std::get<EwpParameters>(read), client);
  if (!filter) return parameter_error(filter.status());
  auto connection = pool.acquire();
  if (!connection) return storage_failure(request, connection.status());
  auto ids = db::list_shared_iia_ids(**connection, *filter);
  if (!ids) return index_failure(request, ids.status());
  XmlDocument doc(ns::kIiasIndexResponse, "iias-index-response");
  XmlElement root = doc.root();
  for (const auto& id : *ids) root.add_text(ns::kIiasIndexResponse, "iia-id", id);
  return xml_response(doc.serialize());
}

http::Response iia_stats_response(db::Pool& pool, const http::Request& request, const AuthenticatedClient&) {
  auto connection = pool.acquire();
  if (!connection) return storage_failure(request, connection.status());
  auto figures = db::iia_stats(**connection);
  if (!figures) return storage_failure(request, figures.status());
  XmlDocument doc(ns::kIiasStatsResponse, "iias-stats-response");
  XmlElement root = doc.root();
  root.add_text(ns::kIiasStatsResponse, "iia-fetchable", std::to_string(figures->fetchable));
  root.add_text(ns::kIiasStatsResponse, "iia-local-unapproved-partner-approved",
                std::to_string(figures->local_unapproved_partner_approved));
  root.add_text(ns::kIiasStatsResponse, "iia-local-approved-partner-unapproved",
                std::to_string(figures->local_approved_partner_unapproved));
  root.add_text(ns::kIiasStatsResponse, "iia-both-approved", std::to_string(figures->both_approved));
  return xml_response(doc.serialize());
}

}  // namespace

ApiDescriptor iias_v7_descriptor(db::Pool& pool) {
  ApiDescriptor api;
  api.name = "iias";
  api.version = "7.0.0";
  api.entry_namespace = ns::kIiasEntry;
  api.endpoints = {{kGetPath, {"GET", "POST"}, with_pool(pool, get_iias)},
                   {kIndexPath, {"GET", "POST"}, with_pool(pool, index_iias)},
                   {kStatsPath, {"GET"}, with_pool(pool, iia_stats_response)}};
  api.response_schemas = {"api-iias/stable-v7/endpoints/get-response.xsd", "api-iias/stable-v7/endpoints/index-response.xsd",
                          "api-iias/stable-v7/endpoints/stats-response.xsd"};
  api.write_entry = [](XmlElement& entry, const std::string& public_url) {
    write_httpsig_security(entry, ns::kIiasEntry);
    entry.add_text(ns::kIiasEntry, "get-url", public_url + kGetPath);
    entry.add_text(ns::kIiasEntry, "max-iia-ids", std::to_string(kMaxIiaIds));
    entry.add_text(ns::kIiasEntry, "index-url", public_url + kIndexPath);
    entry.add_text(ns::kIiasEntry, "stats-url", public_url + kStatsPath);
  };
  return api;
}

}  // namespace mobility::ewp
