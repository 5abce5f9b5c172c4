// What one call through a typed API client (ewp-node/apis/<api>-v<N>/*_client.hpp) came to: the
// partner's HTTP status and, for a 2xx, what its answer says. A call that got no answer we accept
// is the Result's error instead (EwpClient::call's errors: not_found when the registry lists no
// such API for the partner, unavailable, invalid_argument for an answer refused), and a 2xx answer
// the client cannot read is invalid_argument "<hei_id> <api>: <why>".
#pragma once

#include <optional>
#include <utility>

#include "ewp-node/client/ewp_client.hpp"

namespace mobility::ewp {

template <typename T>
struct Answered {
  int http_status = 0;
  std::optional<T> value;  // present exactly when http_status is 2xx

  bool ok() const { return http_status / 100 == 2; }
};

// Calls `call` and reads a 2xx answer's body with `read` (std::string_view → Result<T>).
template <typename T, typename Read>
Result<Answered<T>> call_and_read(EwpClient& client, const ApiCall& call, Read read) {
  auto reply = client.call(call);
  if (!reply) return reply.status();
  if (reply->status / 100 != 2) return Answered<T>{reply->status, std::nullopt};
  Result<T> value = read(reply->body);
  if (!value) return value.status().with_context(call.hei_id + " " + call.api_name);
  return Answered<T>{reply->status, std::move(*value)};
}

}  // namespace mobility::ewp
