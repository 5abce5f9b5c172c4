#include "ewp-node/apis/iias-approval-v2/iias_approval_api.hpp"

#include "db/iia_approvals.hpp"
#include "ewp-node/apis/api_responses.hpp"
#include "ewp-node/apis/ewp_parameters.hpp"
#include "ewp-node/xml/namespaces.hpp"

namespace mobility::ewp {
namespace {

constexpr const char* kPath = "/ewp/iias-approval";

http::Response answer(db::Pool& pool, const http::Request& request, const AuthenticatedClient& client) {
  auto read = EwpParameters::read(request);
  if (auto* refusal = std::get_if<http::Response>(&read)) return *refusal;
  auto iia_ids = std::get<EwpParameters>(read).required_list("iia_id", kMaxApprovalIiaIds, Shape::kIdentifier);
  if (!iia_ids) return parameter_error(iia_ids.status());
  auto connection = pool.acquire();
  if (!connection) return storage_failure(request, connection.status());
  auto approvals = db::find_given_approvals(**connection, *iia_ids, client.hei_ids);
  if (!approvals) return storage_failure(request, approvals.status());
  XmlDocument doc(ns::kIiasApprovalResponse, "iias-approval-response");
  XmlElement root = doc.root();
  for (const auto& approval : *approvals) {
    XmlElement element = root.add(ns::kIiasApprovalResponse, "approval");
    element.add_text(ns::kIiasApprovalResponse, "iia-id", approval.partner_iia_id);
    element.add_text(ns::kIiasApprovalResponse, "iia-hash", approval.iia_hash);
  }
  return xml_response(doc.serialize());
}

}  // namespace

ApiDescriptor iias_approval_v2_descriptor(db::Pool& pool) {
  ApiDescriptor api;
  api.name = "iias-approval";
  api.version = "2.0.0";
  api.entry_namespace = ns::kIiasApprovalEntry;
  api.endpoints = {{kPath, {"GET", "POST"}, [&pool](const http::Request& request, const AuthenticatedClient& client) {
                      return answer(pool, request, client);
                    }}};
  api.response_schemas = {"api-iias-approval/stable-v2/response.xsd"};
  api.write_entry = [](XmlElement& entry, const std::string& public_url) {
    write_httpsig_security(entry, ns::kIiasApprovalEntry);
    entry.add_text(ns::kIiasApprovalEntry, "url", public_url + kPath);
    entry.add_text(ns::kIiasApprovalEntry, "max-iia-ids", std::to_string(kMaxApprovalIiaIds));
  };
  return api;
}

}  // namespace mobility::ewp
