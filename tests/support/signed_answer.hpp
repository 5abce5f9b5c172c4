// A route handler that answers like a partner's node, signed with the node key in `key_dir`, but
// with a body and status of the test's choosing (text/xml): the caller verifies the signature and
// must then refuse what the body says, or take the status as the partner's refusal.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "ewp-node/security/node_keys.hpp"
#include "ewp-node/security/response_signer.hpp"
#include "http/router.hpp"

namespace mobility::testing {

// The same, 200, with a body made from each request: a partner's API answering what it was asked.
inline http::Handler signed_answers(const std::string& key_dir, std::function<std::string(const http::Request&)> body_of,
                                    int status = 200) {
  auto key = std::make_shared<ewp::SigningKeySource>(key_dir, std::chrono::minutes(0));
  return [key, body_of = std::move(body_of), status](const http::Request& request) {
    http::Response response = http::Response::text(status, body_of(request));
    response.content_type = "text/xml";
    if (auto current = key->current(ewp::Clock::now())) ewp::ResponseSigner(*current).sign(request, response);
    return response;
  };
}

inline http::Handler signed_answer(const std::string& key_dir, std::string body, int status = 200) {
  return signed_answers(
      key_dir, [body = std::move(body)](const http::Request&) { return body; }, status);
}

}  // namespace mobility::testing
