#include "ewp-node/ewp_surface.hpp"

#include <algorithm>

#include "base/log.hpp"
#include "ewp-node/security/request_verifier.hpp"
#include "ewp-node/security/response_signer.hpp"
#include "ewp-node/xml/error_response.hpp"

namespace mobility::ewp {
namespace {

const std::vector<std::string> kAnsweredMethods = {"GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"};

std::string joined(const std::vector<std::string>& methods) {
  std::string text;
  for (const auto& method : methods) text += (text.empty() ? "" : ", ") + method;
  return text;
}

http::Response refusal(const AuthFailure& failure) {
  http::Response response = error_response(failure.status, failure.developer_message);
  if (failure.challenge) add_signature_challenge(response);
  return response;
}

http::Response method_not_allowed(const http::Request& request, const ApiEndpoint& endpoint) {
  http::Response response =
      error_response(405, request.method + " is not allowed on " + endpoint.path + "; use " + joined(endpoint.methods));
  response.headers.emplace_back("Allow", joined(endpoint.methods));
  return response;
}

http::Response run_handler(const ApiEndpoint& endpoint, const http::Request& request, const AuthenticatedClient& client) {
  std::string method = request.method == "HEAD" ? "GET" : request.method;
  if (std::find(endpoint.methods.begin(), endpoint.methods.end(), method) == endpoint.methods.end()) {
    return method_not_allowed(request, endpoint);
  }
  try {
    return endpoint.handler(without_unsigned_headers(request, client.signed_headers), client);
  } catch (const std::exception& error) {
    log::error("ewp_handler_failed", {{"id", request.request_id}, {"path", request.path}, {"error", error.what()}});
    return error_response(500, "internal error; the node's operators can find it under request id " + request.request_id);
  }
}

}  // namespace

struct EwpSurface::Chain {
  Authenticator authenticate;
  ResponseHook finish;

  // Authenticates, then lets `answer` respond; `finish` sees every response.
  http::Response guard(const http::Request& request,
                       const std::function<http::Response(const AuthenticatedClient&)>& answer) const {
    AuthOutcome outcome = authenticate(request);
    http::Response response = std::holds_alternative<AuthFailure>(outcome) ? refusal(std::get<AuthFailure>(outcome))
                                                                           : answer(std::get<AuthenticatedClient>(outcome));
    finish(request, response);
    return response;
  }
};

EwpSurface::EwpSurface(Authenticator authenticate, ResponseHook finish)
    : chain_(std::make_shared<Chain>(Chain{std::move(authenticate), std::move(finish)})) {}

void EwpSurface::add(http::Router& router, const ApiDescriptor& api) {
  for (const ApiEndpoint& endpoint : api.endpoints) {
    auto handler = [chain = chain_, endpoint](const http::Request& request) {
      return chain->guard(request, [&](const AuthenticatedClient& client) { return run_handler(endpoint, request, client); });
    };
    for (const std::string& method : kAnsweredMethods) router.add(method, endpoint.path, handler);
  }
  router.add_fallback("/ewp/", [chain = chain_](const http::Request& request) {
    return chain->guard(request, [&](const AuthenticatedClient&) {
      return error_response(404, "no EWP API at " + request.path + "; the manifest lists what this node serves");
    });
  });
}

}  // namespace mobility::ewp
