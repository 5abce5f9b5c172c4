#include "ewp-node/apis/api_descriptor.hpp"

#include "ewp-node/xml/namespaces.hpp"

namespace mobility::ewp {

EwpHandler with_pool(db::Pool& pool, PoolHandler handler) {
  return [&pool, handler](const http::Request& request, const AuthenticatedClient& client) {
    return handler(pool, request, client);
  };
}

void write_httpsig_security(XmlElement& entry, const std::string& entry_namespace) {
  XmlElement security = entry.add(entry_namespace, "http-security");
  security.add(ns::kSecIntro, "client-auth-methods").add(ns::kCliauthHttpsig, "httpsig");
  XmlElement server = security.add(ns::kSecIntro, "server-auth-methods");
  server.add(ns::kSrvauthTlscert, "tlscert");
  server.add(ns::kSrvauthHttpsig, "httpsig");
}

}  // namespace mobility::ewp
