#include "ewp-node/apis/omobilities-v3/omobilities_api.hpp"

#include "db/mobilities.hpp"
#include "ewp-node/apis/api_responses.hpp"
#include "ewp-node/apis/ewp_parameters.hpp"
#include "ewp-node/apis/index_parameters.hpp"
#include "ewp-node/apis/omobilities-v3/omobility_xml.hpp"
#include "ewp-node/xml/namespaces.hpp"
#include "mobilities/mobility_json.hpp"
#include "mobilities/outgoing_mobilities.hpp"

namespace mobility::ewp {
namespace {

constexpr const char* kGetPath = "/ewp/omobilities/get";
constexpr const char* kIndexPath = "/ewp/omobilities/index";
constexpr const char* kUpdatePath = "/ewp/omobilities/update";
constexpr const char* kStaleNomination =
    "This nomination was changed or cancelled by the sending institution after you last fetched it. "
    "Fetch it again and decide on the current version.";

http::Response get_omobilities(db::Pool& pool, const http::Request& request, const AuthenticatedClient& client) {
  auto read = EwpParameters::read(request);
  if (auto* refusal = std::get_if<http::Response>(&read)) return *refusal;
  auto ids = std::get<EwpParameters>(read).required_list("omobility_id", kMaxOMobilityIds, Shape::kIdentifier);
  if (!ids) return parameter_error(ids.status());
  auto connection = pool.acquire();
  if (!connection) return storage_failure(request, connection.status());
  auto records = db::find_visible_omobilities(**connection, *ids, client.hei_ids);
  if (!records) return storage_failure(request, records.status());
  std::vector<mobilities::Mobility> found;
  for (const db::OMobilityRecord& record : *records) {
    auto mobility = mobilities::mobility_from_json_text(record.content_json);
    if (!mobility) return storage_failure(request, mobility.status().with_context("mobility " + record.omobility_id));
    found.push_back(std::move(*mobility));
  }
  return xml_response(omobilities_get_response_xml(found));
}

http::Response index_omobilities(db::Pool& pool, const http::Request& request, const AuthenticatedClient& client) {
  auto read = EwpParameters::read(request);
  if (auto* refusal = std::get_if<http::Response>(&read)) return *refusal;
  const auto& parameters = std::get<EwpParameters>(read);
  auto year = read_academic_year_id(parameters);
  if (!year) return parameter_error(year.status());
  auto modified_since = read_modified_since(parameters);
  if (!modified_since) return parameter_error(modified_since.status());
  auto connection = pool.acquire();
  if (!connection) return storage_failure(request, connection.status());
  db::OMobilityFilter filter;
  filter.caller_hei_ids = client.hei_ids;
  filter.receiving_academic_year_id = *year;
  filter.modified_since = *modified_since;
  auto ids = db::list_omobility_ids(**connection, filter);
  if (!ids) return index_failure(request, ids.status());
  return xml_response(omobilities_index_response_xml(*ids));
}

http::Response update_omobility(db::Pool& pool, const http::Request& request, const AuthenticatedClient& client) {
  auto update = read_omobility_update_request(request.body);
  if (!update) return parameter_error(update.status());
  auto connection = pool.acquire();
  if (!connection) return storage_failure(request, connection.status());
  bool approve = update->type == OMobilityUpdateRequest::Type::kApprove;
  Status stored = mobilities::OutgoingMobilities().receive_decision(
      **connection, client.hei_ids, update->omobility_id, update->proposal_id,
      approve ? mobilities::NominationDecision::kApprove : mobilities::NominationDecision::kReject, update->comment);
  if (!stored) return update_refusal(request, stored, kStaleNomination);
  return xml_response(omobilities_update_response_xml(
      {approve ? "The nomination is approved." : "The nomination is rejected; the sending institution was told why."}));
}

}  // namespace

ApiDescriptor omobilities_v3_descriptor(db::Pool& pool) {
  ApiDescriptor api;
  api.name = "omobilities";
  api.version = "3.0.0";
  api.entry_namespace = ns::kOmobilitiesEntry;
  api.endpoints = {{kGetPath, {"GET", "POST"}, with_pool(pool, get_omobilities)},
                   {kIndexPath, {"GET", "POST"}, with_pool(pool, index_omobilities)},
                   {kUpdatePath, {"POST"}, with_pool(pool, update_omobility)}};
  api.response_schemas = {"network-schemas/ewp-specs-api-omobilities-v3.0.0/endpoints/get-response.xsd",
                          "network-schemas/ewp-specs-api-omobilities-v3.0.0/endpoints/index-response.xsd",
                          "network-schemas/ewp-specs-api-omobilities-v3.0.0/endpoints/update-response.xsd"};
  api.write_entry = [](XmlElement& entry, const std::string& public_url) {
    write_httpsig_security(entry, ns::kOmobilitiesEntry);
    entry.add_text(ns::kOmobilitiesEntry, "get-url", public_url + kGetPath);
    entry.add_text(ns::kOmobilitiesEntry, "index-url", public_url + kIndexPath);
    entry.add_text(ns::kOmobilitiesEntry, "update-url", public_url + kUpdatePath);
    entry.add_text(ns::kOmobilitiesEntry, "max-omobility-ids", std::to_string(kMaxOMobilityIds));
  };
  return api;
}

}  // namespace mobility::ewp
