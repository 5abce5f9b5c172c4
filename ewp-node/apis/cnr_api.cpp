#include "ewp-node/apis/cnr_api.hpp"

#include "base/log.hpp"
#include "db/notifications.hpp"
#include "ewp-node/apis/api_responses.hpp"
#include "ewp-node/apis/ewp_parameters.hpp"

namespace mobility::ewp {
namespace {

http::Response receive(db::Pool& pool, const CnrApi& receiver, const http::Request& request, const AuthenticatedClient& client) {
  auto read = EwpParameters::read(request);
  if (auto* refusal = std::get_if<http::Response>(&read)) return *refusal;
  auto id = std::get<EwpParameters>(read).required_single(receiver.id_parameter, Shape::kIdentifier);
  if (!id) return parameter_error(id.status());
  auto connection = pool.acquire();
  if (!connection) return storage_failure(request, connection.status());
  for (const std::string& partner_hei_id : client.hei_ids) {
    Status queued = db::enqueue_incoming_cnr(**connection, receiver.inbox_kind, partner_hei_id, *id);
    if (!queued) return storage_failure(request, queued);
  }
  log::info("cnr_received", {{"id", request.request_id}, {"api", receiver.name}, {"iia_id", *id}});
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
  };
  return api;
}

Result<Answered<std::monostate>> send_cnr(EwpClient& client, const CnrApi& api, const std::string& partner_hei_id,
                                          const std::string& id) {
  return call_and_read<std::monostate>(client,
                                       {partner_hei_id, api.entry_namespace, api.name, "url", "POST", {{api.id_parameter, id}}},
                                       [](std::string_view) { return Result<std::monostate>(std::monostate()); });
}

}  // namespace mobility::ewp
