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

// The answer when the domain refused a partner's update request: 400 with the domain's message
// for kInvalidArgument and kNotFound (an id the caller may not see reads as unknown, never as
// forbidden), 409 with `stale_user_message` for kConflict (the partner's copy is out of date),
// else storage_failure.
http::Response update_refusal(const http::Request& request, const Status& status, const std::string& stale_user_message);

}  // namespace mobility::ewp
