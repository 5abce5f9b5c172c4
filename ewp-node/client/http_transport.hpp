// How the node talks HTTP to the outside world (the registry, partners' nodes): an interface, so
// that tests can put a network of their own behind it (tests/support/fake_internet.hpp). The real
// one is CurlTransport (ewp-node/client/curl_transport.hpp).
//
// send() transmits exactly the given method, headers and body and returns the status, every
// response header in order with repeats, and the body; or unavailable, naming the method, the URL
// and the reason, when no whole HTTP answer arrived (no connection, timeout, TLS refused, an
// answer larger than the transport takes). Implementations may be called from several threads.
#pragma once

#include <string>

#include "base/status.hpp"
#include "http/message.hpp"

namespace mobility::ewp {

struct HttpReply {
  int status = 0;
  http::HeaderList headers;
  std::string body;
};

class HttpTransport {
 public:
  virtual ~HttpTransport() = default;
  virtual Result<HttpReply> send(const std::string& method, const std::string& url, const http::HeaderList& headers,
                                 const std::string& body) = 0;
};

}  // namespace mobility::ewp
