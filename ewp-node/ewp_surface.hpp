// The EWP surface: the only way EWP endpoints reach the router, and default deny.
//
// For every request to a registered endpoint (and to any other path under /ewp/ except the
// public manifest):
//   1. the Authenticator decides; a failure is answered with its status and an <error-response>
//      (with the WWW-Authenticate/Want-Digest challenge when it asks for one) and no handler runs;
//   2. unknown paths answer 404 and other methods 405, both as <error-response>;
//   3. the handler sees the request with unsigned headers removed;
//   4. the response hook (the response signer) runs on every answer, errors included.
// Handler exceptions become a 500 <error-response> naming the request id, never the exception.
#pragma once

#include <functional>
#include <memory>

#include "ewp-node/apis/api_descriptor.hpp"
#include "http/router.hpp"

namespace mobility::ewp {

using ResponseHook = std::function<void(const http::Request&, http::Response&)>;

class EwpSurface {
 public:
  EwpSurface(Authenticator authenticate, ResponseHook finish);

  // Registers every endpoint of `api` on `router`, and the /ewp/ 404 fallback.
  void add(http::Router& router, const ApiDescriptor& api);

 private:
  struct Chain;
  std::shared_ptr<const Chain> chain_;
};

}  // namespace mobility::ewp
