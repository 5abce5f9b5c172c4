// Answers shared by the business APIs' handlers.
#pragma once

#include <string>

#include "base/status.hpp"
#include "http/message.hpp"

namespace mobility::ewp {

// 200 with an XML body.
http::Response xml_response(std::string body);

// The answer when our own storage failed while serving `request`: 503 while the database is
// unreachable, else 500 naming the request id. The cause is logged, never sent.
http::Response storage_failure(const http::Request& request, const Status& status);

}  // namespace mobility::ewp
