// The draft-cavage signing string: the exact bytes an EWP HTTP signature covers.
//
// For each name of the `headers` parameter, in the listed order, one line:
//   (request-target) → "(request-target): <lower-case method> <request target>"
//   any other name   → "<lower-case name>: <value without surrounding blanks>"
// A header sent several times contributes all its values in message order, joined by ", ".
// Lines are joined by "\n" with no trailing newline. A listed header the message lacks is an
// error, and so is an empty list (it would sign nothing).
//
// For a response (srvauth-httpsig) pass the *request's* method and target together with the
// response's headers: EWP computes (request-target) from the request it answers.
#pragma once

#include <string>
#include <vector>

#include "base/status.hpp"
#include "http/message.hpp"

namespace mobility::ewp {

struct SignedMessage {
  std::string method;          // as on the request line, any case: "POST"
  std::string request_target;  // path and query exactly as on the request line: "/foo?param=value"
  http::HeaderList headers;    // every header as sent or received; names in any case
};

Result<std::string> build_signing_string(const SignedMessage& message, const std::vector<std::string>& header_names);

}  // namespace mobility::ewp
