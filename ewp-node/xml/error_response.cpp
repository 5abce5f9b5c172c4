#include "ewp-node/xml/error_response.hpp"

#include "ewp-node/xml/dom.hpp"
#include "ewp-node/xml/namespaces.hpp"
#include "ewp-node/xml/schema_validator.hpp"
#include "ewp-node/xml/xml_writer.hpp"

namespace mobility::ewp {

std::string error_response_xml(const std::string& developer_message, const std::vector<UserMessage>& user_messages) {
  XmlDocument doc(ns::kCommonTypes, "error-response");
  XmlElement root = doc.root();
  root.add_text(ns::kCommonTypes, "developer-message", developer_message);
  for (const auto& message : user_messages) {
    root.add_text(ns::kCommonTypes, "user-message", message.text).set_language(message.language);
  }
  return doc.serialize();
}

http::Response error_response(int status, const std::string& developer_message, const std::vector<UserMessage>& user_messages) {
  http::Response response;
  response.status = status;
  response.content_type = "text/xml; charset=utf-8";
  response.body = error_response_xml(developer_message, user_messages);
  return response;
}

std::string read_developer_message(std::string_view body) {
  auto doc = parse_untrusted_xml(body);
  if (!doc) return "";
  xmlNodePtr root = xmlDocGetRootElement(doc.get());
  if (!is_element(root, ns::kCommonTypes, "error-response")) return "";
  return element_text(first_child_element(root, ns::kCommonTypes, "developer-message"));
}

}  // namespace mobility::ewp
