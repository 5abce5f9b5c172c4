// Turns a Response into the exact bytes sent on the wire, so that nothing between our handlers
// (and the response signer) and the client adds, drops or rewrites a header.
//
// Order: status line, the handler's headers as given, Content-Type (from response.content_type,
// unless the handler set one), Date (unless the handler set one: the signer's Date must be the
// one sent), Content-Length, Connection. A HEAD response carries the headers of the GET answer
// and no body.
#pragma once

#include <string>

#include "http/message.hpp"

namespace mobility::http {

std::string serialize_response(const Response& response, bool keep_alive, bool head_request, const std::string& http_date_now);

// "OK", "Not Found", ... for the statuses we use; "Status" otherwise.
const char* reason_phrase(int status);

}  // namespace mobility::http
