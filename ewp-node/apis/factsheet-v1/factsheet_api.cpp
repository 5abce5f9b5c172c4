#include "ewp-node/apis/factsheet-v1/factsheet_api.hpp"

#include "base/log.hpp"
#include "db/factsheets.hpp"
#include "ewp-node/apis/api_responses.hpp"
#include "ewp-node/apis/ewp_parameters.hpp"
#include "ewp-node/apis/factsheet-v1/factsheet_response.hpp"
#include "ewp-node/xml/error_response.hpp"
#include "ewp-node/xml/namespaces.hpp"
#include "http/caching.hpp"

namespace mobility::ewp {
namespace {

constexpr const char* kPath = "/ewp/factsheet";

Result<std::vector<db::Factsheet>> read_factsheets(db::Pool& pool, const std::vector<std::string>& hei_ids) {
  auto connection = pool.acquire();
  if (!connection) return connection.status();
  auto stored = db::current_factsheets(**connection, hei_ids);
  if (!stored) return stored.status();
  std::vector<db::Factsheet> factsheets;
  for (auto& each : *stored) factsheets.push_back(std::move(each.factsheet));
  return factsheets;
}

http::Response answer(db::Pool& pool, const http::Request& request) {
  auto read = EwpParameters::read(request);
  if (auto* refusal = std::get_if<http::Response>(&read)) return *refusal;
  auto hei_ids = std::get<EwpParameters>(read).required_list("hei_id", kMaxFactsheetHeiIds, Shape::kHeiId);
  if (!hei_ids) return parameter_error(hei_ids.status());
  auto factsheets = read_factsheets(pool, *hei_ids);
  if (!factsheets) return storage_failure(request, factsheets.status());
  return http::cacheable(request, xml_response(factsheet_response_xml(*factsheets)), kFactsheetMaxAge);
}

}  // namespace

ApiDescriptor factsheet_v1_descriptor(db::Pool& pool) {
  ApiDescriptor api;
  api.name = "factsheet";
  api.version = "1.2.0";
  api.entry_namespace = ns::kFactsheetEntry;
  api.endpoints = {{kPath, {"GET", "POST"}, [&pool](const http::Request& request, const AuthenticatedClient&) {
                      return answer(pool, request);
                    }}};
  api.response_schemas = {"api-factsheet/stable-v1/response.xsd"};
  api.write_entry = [](XmlElement& entry, const std::string& public_url) {
    write_httpsig_security(entry, ns::kFactsheetEntry);
    entry.add_text(ns::kFactsheetEntry, "url", public_url + kPath);
    entry.add_text(ns::kFactsheetEntry, "max-hei-ids", std::to_string(kMaxFactsheetHeiIds));
  };
  return api;
}

}  // namespace mobility::ewp
