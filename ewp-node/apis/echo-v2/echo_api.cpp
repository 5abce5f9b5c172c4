#include "ewp-node/apis/echo-v2/echo_api.hpp"

#include "ewp-node/http/form.hpp"
#include "ewp-node/xml/error_response.hpp"
#include "ewp-node/xml/namespaces.hpp"
#include "ops/base/text.hpp"

namespace mobility::ewp {
namespace {

constexpr const char* kPath = "/ewp/echo";

bool is_form_encoded(const http::Request& request) {
  auto content_type = request.header("Content-Type");
  if (!content_type) return true;  // unsigned or absent: the body is read as a form
  std::string media_type = ascii_lower(trim_blanks(std::string_view(*content_type).substr(0, content_type->find(';'))));
  return media_type == "application/x-www-form-urlencoded";
}

http::Response answer(const http::Request& request, const AuthenticatedClient& client) {
  if (request.method == "POST" && !is_form_encoded(request)) {
    return error_response(415, "POST parameters must be application/x-www-form-urlencoded");
  }
  auto parameters = request.method == "POST" ? http::decode_form(request.body) : http::decode_query(request.target);
  if (!parameters) return error_response(400, "cannot read the parameters: " + parameters.status().message());
  std::vector<std::string> echo_values;
  for (const auto& [name, value] : *parameters) {
    if (name == "echo") echo_values.push_back(value);
  }
  http::Response response;
  response.content_type = "text/xml; charset=utf-8";
  response.body = echo_response_xml(client.hei_ids, echo_values);
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
