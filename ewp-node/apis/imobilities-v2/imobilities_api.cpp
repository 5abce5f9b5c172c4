#include "ewp-node/apis/imobilities-v2/imobilities_api.hpp"

#include "db/partner_mobilities.hpp"
#include "ewp-node/apis/api_responses.hpp"
#include "ewp-node/apis/ewp_parameters.hpp"
#include "ewp-node/apis/imobilities-v2/imobility_xml.hpp"
#include "ewp-node/xml/namespaces.hpp"

namespace mobility::ewp {
namespace {

constexpr const char* kGetPath = "/ewp/imobilities/get";

http::Response get_imobilities(db::Pool& pool, const http::Request& request, const AuthenticatedClient& client) {
  auto read = EwpParameters::read(request);
  if (auto* refusal = std::get_if<http::Response>(&read)) return *refusal;
  auto ids = std::get<EwpParameters>(read).required_list("omobility_id", kMaxIMobilityIds, Shape::kIdentifier);
  if (!ids) return parameter_error(ids.status());
  auto connection = pool.acquire();
  if (!connection) return storage_failure(request, connection.status());
  auto records = db::find_visible_imobilities(**connection, *ids, client.hei_ids);
  if (!records) return storage_failure(request, records.status());
  std::vector<IMobilityDates> dates;
  for (const db::PartnerOMobilityRecord& record : *records) {
    dates.push_back({record.omobility_id, record.actual_arrival_date, record.actual_departure_date});
  }
  return xml_response(imobilities_get_response_xml(dates));
}

}  // namespace

ApiDescriptor imobilities_v2_descriptor(db::Pool& pool) {
  ApiDescriptor api;
  api.name = "imobilities";
  api.version = "2.0.0";
  api.entry_namespace = ns::kImobilitiesEntry;
  api.endpoints = {{kGetPath, {"GET", "POST"}, with_pool(pool, get_imobilities)}};
  api.response_schemas = {"network-schemas/ewp-specs-api-imobilities-v2.0.0/endpoints/get-response.xsd"};
  api.write_entry = [](XmlElement& entry, const std::string& public_url) {
    write_httpsig_security(entry, ns::kImobilitiesEntry);
    entry.add_text(ns::kImobilitiesEntry, "get-url", public_url + kGetPath);
    entry.add_text(ns::kImobilitiesEntry, "max-omobility-ids", std::to_string(kMaxIMobilityIds));
  };
  return api;
}

}  // namespace mobility::ewp
