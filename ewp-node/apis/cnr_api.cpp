#include "ewp-node/apis/cnr_api.hpp"

#include <algorithm>

#include "base/log.hpp"
#include "db/notifications.hpp"
#include "ewp-node/apis/api_responses.hpp"
#include "ewp-node/apis/ewp_parameters.hpp"

namespace mobility::ewp {
namespace {

// The HEIs that notify: the one the API's HEI parameter names (covered by the caller's key), or
// every HEI the key covers.
Result<std::vector<std::string>> notifying_heis(const CnrApi& receiver, const EwpParameters& parameters,
                                                const AuthenticatedClient& client) {
  if (receiver.hei_parameter.empty()) return client.hei_ids;
  auto hei_id = parameters.required_single(receiver.hei_parameter, Shape::kHeiId);
  if (!hei_id) return hei_id.status();
  if (std::find(client.hei_ids.begin(), client.hei_ids.end(), *hei_id) == client.hei_ids.end()) {
    return Status::invalid_argument(receiver.hei_parameter + " " + *hei_id + " is not an HEI your key covers");
  }
  return std::vector<std::string>{*hei_id};
}

http::Response receive(db::Pool& pool, const CnrApi& receiver, const http::Request& request, const AuthenticatedClient& client) {
  auto read = EwpParameters::read(request);
  if (auto* refusal = std::get_if<http::Response>(&read)) return *refusal;
  const EwpParameters& parameters = std::get<EwpParameters>(read);
  auto ids = parameters.required_list(receiver.id_parameter, receiver.max_ids, Shape::kIdentifier);
  if (!ids) return parameter_error(ids.status());
  auto partners = notifying_heis(receiver, parameters, client);
  if (!partners) return parameter_error(partners.status());
  auto connection = pool.acquire();
  if (!connection) return storage_failure(request, connection.status());
  for (const std::string& partner_hei_id : *partners) {
    for (const std::string& id : *ids) {
      Status queued = db::enqueue_incoming_cnr(**connection, receiver.inbox_kind, partner_hei_id, id);
      if (!queued) return storage_failure(request, queued);
    }
  }
  log::info("cnr_received", {{"id", request.request_id},
                             {"api", receiver.name},
                             {"object_id", ids->size() == 1 ? ids->front() : std::to_string(ids->size()) + " ids"}});
  XmlDocument doc(receiver.response_namespace, receiver.response_root);
  return xml_response(doc.serialize());
}

}  // namespace

ApiDescriptor cnr_receiver_descriptor(db::Pool& pool, const CnrApi& receiver) {
  ApiDescriptor api;
  api.name = receiver.name;
  api.version = receiver.version;
  api.entry_namespace = receiver.entry_namespace;
  api.endpoints = {{receiver.path, {"POST"}, [&pool, receiver](const http::Request& request, const AuthenticatedClient& client) {
                      return receive(pool, receiver, request, client);
                    }}};
  api.response_schemas = {receiver.response_schema};
  api.write_entry = [receiver](XmlElement& entry, const std::string& public_url) {
    write_httpsig_security(entry, receiver.entry_namespace);
    entry.add_text(receiver.entry_namespace, "url", public_url + receiver.path);
    if (!receiver.max_ids_element.empty()) {
      entry.add_text(receiver.entry_namespace, receiver.max_ids_element, std::to_string(receiver.max_ids));
    }
  };
  return api;
}

Result<Answered<std::monostate>> send_cnr(EwpClient& client, const CnrApi& api, const std::string& sender_hei_id,
                                          const std::string& partner_hei_id, const std::string& id) {
  http::HeaderList parameters;
  if (!api.hei_parameter.empty()) parameters.emplace_back(api.hei_parameter, sender_hei_id);
  parameters.emplace_back(api.id_parameter, id);
  return call_and_read<std::monostate>(client, {partner_hei_id, api.entry_namespace, api.name, "url", "POST", parameters},
                                       [](std::string_view) { return Result<std::monostate>(std::monostate()); });
}

}  // namespace mobility::ewp
