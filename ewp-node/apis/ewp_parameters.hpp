// The parameters of an EWP request, read as every business API specifies them: from the query
// string for GET, from an application/x-www-form-urlencoded body for POST (the query is then
// ignored). Names may repeat; order is kept.
//
//   auto read = EwpParameters::read(request);
//   if (auto* refusal = std::get_if<http::Response>(&read)) return *refusal;
//   const EwpParameters& parameters = std::get<EwpParameters>(read);
//   auto ids = parameters.required_list("iia_id", kMaxIiaIds);
//   if (!ids) return parameter_error(ids.status());
//
// Every failure message names the parameter, so a partner's developer sees what to fix.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "base/status.hpp"
#include "http/message.hpp"

namespace mobility::ewp {

// What every value of a parameter must look like, checked before anything else reads it.
enum class Shape {
  kText,        // any clean UTF-8 (read() checks that for every parameter)
  kIdentifier,  // an EWP identifier: 1 to 64 printable ASCII characters (AsciiPrintableIdentifier)
  kHeiId,       // a SCHAC code as the registry lists HEIs: a lower-case domain name, at most 255
};

class EwpParameters {
 public:
  // The parameters, or the error response to send: 415 for a POST body in another encoding,
  // 400 for a malformed query or body, or names or values that are not clean UTF-8.
  static std::variant<EwpParameters, http::Response> read(const http::Request& request);

  explicit EwpParameters(http::HeaderList pairs) : pairs_(std::move(pairs)) {}

  // Every value of `name`, in order (empty when absent).
  std::vector<std::string> all(std::string_view name) const;
  // nullopt when absent; an error when given more than once or not of `shape`.
  Result<std::optional<std::string>> optional_single(std::string_view name, Shape shape = Shape::kText) const;
  // Exactly one value of `shape`, else an error.
  Result<std::string> required_single(std::string_view name, Shape shape = Shape::kText) const;
  // One to `max` values, each of `shape`, else an error naming the limit or the value's fault.
  Result<std::vector<std::string>> required_list(std::string_view name, int max, Shape shape = Shape::kText) const;
  // Zero to `max` values, each of `shape`.
  Result<std::vector<std::string>> optional_list(std::string_view name, int max, Shape shape = Shape::kText) const;

 private:
  http::HeaderList pairs_;
};

// The 400 <error-response> for a parameter problem reported by the functions above (or any
// other invalid-argument Status whose message is meant for the partner's developer).
http::Response parameter_error(const Status& status);

// true for a request without Content-Type or with application/x-www-form-urlencoded.
bool is_form_encoded(const http::Request& request);

}  // namespace mobility::ewp
