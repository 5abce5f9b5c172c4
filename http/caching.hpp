// HTTP caching of answers that change rarely (RFC 9110/9111): an ETag naming the body and a
// Cache-Control max-age, and 304 Not Modified for a request whose If-None-Match names the same
// body. The ETag is the SHA-256 of the body, so equal bodies always get equal tags, on any node.
#pragma once

#include <chrono>
#include <string>

#include "http/message.hpp"

namespace mobility::http {

// The strong entity tag of `body`: "\"<lower-case hex SHA-256>\"".
std::string entity_tag(const std::string& body);

// `response` (a 200) with ETag and "Cache-Control: private, max-age=<max_age>", or, when the
// request's If-None-Match lists that tag (weakly compared) or "*", a 304 with those headers and
// no body.
Response cacheable(const Request& request, Response response, std::chrono::seconds max_age);

}  // namespace mobility::http
