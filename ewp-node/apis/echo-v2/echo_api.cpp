#include "ewp-node/apis/echo-v2/echo_api.hpp"

#include "ewp-node/apis/ewp_parameters.hpp"
#include "ewp-node/xml/namespaces.hpp"

namespace mobility::ewp {
namespace {

constexpr const char* kPath = "/ewp/echo";

http::Response answer(const http::Request& request, const AuthenticatedClient& client) {
  auto parameters = EwpParameters::read(request);
  if (auto* refusal = std::get_if<http::Response>(&parameters)) return *refusal;
  http::Response response;
  response.content_type = "text/xml; charset=utf-8";
  response.body = echo_response_xml(client.hei_ids, std::get<EwpParameters>(parameters).all("echo"));
  return response;
}

}  // namespace

std::string echo_response_xml(const std::vector<std::string>& hei_ids, const std::vector<std::string>& echo_values) {
  XmlDocument doc(ns::kEchoResponse, "response");
  XmlElement root = doc.root();
  for (const auto& hei_id : hei_ids) root.add_text(ns::kEchoResponse, "hei-id", hei_id);
  for (const auto& value : echo_values) root.add_text(ns::kEchoResponse, "echo", value);
  return doc.serialize();
}

ApiDescriptor echo_v2_descriptor() {
  ApiDescriptor api;
  api.name = "echo";
  api.version = "2.0.1";
  api.entry_namespace = ns::kEchoEntry;
  api.endpoints = {{kPath, {"GET", "POST"}, answer}};
  api.response_schemas = {"api-echo/stable-v2/response.xsd"};
  api.write_entry = [](XmlElement& entry, const std::string& public_url) {
    write_httpsig_security(entry, ns::kEchoEntry);
    entry.add_text(ns::kEchoEntry, "url", public_url + kPath);
  };
  return api;
}

}  // namespace mobility::ewp
