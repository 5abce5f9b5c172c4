// What one call through a typed API client (ewp-node/apis/<api>-v<N>/*_client.hpp) came to: the
// partner's HTTP status and, for a 2xx, what its answer says. A call that got no answer we accept
// is the Result's error instead (EwpClient::call's errors: not_found when the registry lists no
// such API for the partner, unavailable, invalid_argument for an answer refused), and a 2xx answer
// the client cannot read is invalid_argument "<hei_id> <api>: <why>".
#pragma once

#include <algorithm>
#include <iterator>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "base/text.hpp"
#include "ewp-node/client/ewp_client.hpp"
#include "ewp-node/xml/error_response.hpp"

namespace mobility::ewp {

template <typename T>
struct Answered {
  int http_status = 0;
  std::optional<T> value;         // present exactly when http_status is 2xx
  std::string developer_message;  // of a non-2xx answer's <error-response>, when it is one

  bool ok() const { return http_status / 100 == 2; }
};

// "<what> answered HTTP <status>", with the partner's developer-message (at most 300 bytes of it)
// when it gave one: how a refusal is told on the partner health page and in the log.
inline std::string describe_refusal(const std::string& what, int http_status, const std::string& developer_message) {
  std::string text = what + " answered HTTP " + std::to_string(http_status);
  return developer_message.empty() ? text : text + ": " + excerpt(developer_message, 300);
}

// Calls `call` and reads a 2xx answer's body with `read` (std::string_view → Result<T>).
template <typename T, typename Read>
Result<Answered<T>> call_and_read(EwpClient& client, const ApiCall& call, Read read) {
  auto reply = client.call(call);
  if (!reply) return reply.status();
  if (reply->status / 100 != 2) return Answered<T>{reply->status, std::nullopt, read_developer_message(reply->body)};
  Result<T> value = read(reply->body);
  if (!value) return value.status().with_context(call.hei_id + " " + call.api_name);
  return Answered<T>{reply->status, std::move(*value), ""};
}

// Calls `call` once per batch of at most `batch` (> 0) of `ids`, each id as a parameter
// `id_parameter` after call.parameters, reads each 2xx answer with `read` and joins the lists in
// order. A call without an answer, or answered with a non-2xx, ends it with that outcome.
template <typename Item, typename Read>
Result<Answered<std::vector<Item>>> call_in_batches(EwpClient& client, const ApiCall& call, const std::string& id_parameter,
                                                    const std::vector<std::string>& ids, size_t batch, Read read) {
  Answered<std::vector<Item>> all{200, std::vector<Item>(), ""};
  for (size_t first = 0; first < ids.size(); first += batch) {
    ApiCall one = call;
    for (size_t i = first; i < std::min(first + batch, ids.size()); ++i) one.parameters.emplace_back(id_parameter, ids[i]);
    auto answered = call_and_read<std::vector<Item>>(client, one, read);
    if (!answered || !answered->ok()) return answered;
    all.value->insert(all.value->end(), std::make_move_iterator(answered->value->begin()),
                      std::make_move_iterator(answered->value->end()));
  }
  return all;
}

}  // namespace mobility::ewp
