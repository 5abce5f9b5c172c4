#include "ewp-node/apis/api_descriptor.hpp"

#include "ewp-node/xml/namespaces.hpp"

namespace mobility::ewp {

void write_httpsig_security(XmlElement& entry, const std::string& entry_namespace) {
  XmlElement security = entry.add(entry_namespace, "http-security");
  security.add(ns::kSecIntro, "client-auth-methods").add(ns::kCliauthHttpsig, "httpsig");
  XmlElement server = security.add(ns::kSecIntro, "server-auth-methods");
  server.add(ns::kSrvauthTlscert, "tlscert");
  server.add(ns::kSrvauthHttpsig, "httpsig");
}

http::Response xml_response(std::string body) {
  http::Response response;
  response.content_type = "text/xml; charset=utf-8";
  response.body = std::move(body);
  return response;
}

}  // namespace mobility::ewp
