#include "ewp-node/apis/iias-v7/iias_api.hpp"

#include "agreements/iia_json.hpp"
#include "agreements/iia_rules.hpp"
#include "base/pattern.hpp"
#include "base/text.hpp"
#include "db/iias.hpp"
#include "ewp-node/apis/api_responses.hpp"
#include "ewp-node/apis/ewp_parameters.hpp"
#include "ewp-node/apis/iias-v7/iia_xml.hpp"
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

// xs:dateTime with a time part ("2004-02-12T15:19:21+01:00"); a date alone is refused.
bool is_date_time(const std::string& text) {
  return text.size() <= 64 && matches(text, R"(-?\d{4,}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?)");
}

Result<db::IiaIndexFilter> index_filter(const EwpParameters& parameters, const AuthenticatedClient& client) {
  db::IiaIndexFilter filter{client.hei_ids, parameters.all("receiving_academic_year_id"), std::nullopt};
  for (const auto& year : filter.receiving_academic_year_ids) {
    if (!agreements::is_academic_year_id(year)) {
      return Status::invalid_argument("receiving_academic_year_id '" + excerpt(year, 70) +
                                      "' is not an academic year such as 2026/2027");
    }
  }
  auto modified_since = parameters.optional_single("modified_since");
  if (!modified_since) return modified_since.status();
  if (*modified_since && !is_date_time(**modified_since)) {
    return Status::invalid_argument("modified_since '" + excerpt(**modified_since, 70) +
                                    "' is not an xs:dateTime such as 2026-01-31T12:00:00Z");
  }
  filter.modified_since = *modified_since;
  return filter;
}

http::Response index_iias(db::Pool& pool, const http::Request& request, const AuthenticatedClient& client) {
  auto read = EwpParameters::read(request);
  if (auto* refusal = std::get_if<http::Response>(&read)) return *refusal;
  auto filter = index_filter(std::get<EwpParameters>(read), client);
  if (!filter) return parameter_error(filter.status());
  auto connection = pool.acquire();
  if (!connection) return storage_failure(request, connection.status());
  auto ids = db::list_shared_iia_ids(**connection, *filter);
  if (!ids && ids.status().code() == Status::Code::kInvalidArgument) {
    return parameter_error(Status::invalid_argument("modified_since is not a valid date and time"));
  }
  if (!ids) return storage_failure(request, ids.status());
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
  auto with_pool = [&pool](auto handler) {
    return [&pool, handler](const http::Request& request, const AuthenticatedClient& client) {
      return handler(pool, request, client);
    };
  };
  api.endpoints = {{kGetPath, {"GET", "POST"}, with_pool(get_iias)},
                   {kIndexPath, {"GET", "POST"}, with_pool(index_iias)},
                   {kStatsPath, {"GET"}, with_pool(iia_stats_response)}};
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
