// Parses HTTP/1.1 requests from the bytes received on a connection, keeping exactly what HTTP
// signatures need: the request target as sent, every header in order with repeats and the names
// as sent, and the raw body.
//
// parse_request() looks at the start of `buffer` and reports one of:
//   kIncomplete  more bytes are needed (head not finished, or body shorter than Content-Length);
//   kComplete    `request` is filled and `consumed` bytes belong to it (pipelined requests follow);
//   kError       the request cannot be served: `status` (400, 413, 431, 501, 505) and `message`
//                say why; the connection must be closed after answering.
// Rules: every line of the head ends with CR LF (a bare LF is a 400 at once, not a wait);
// request line "METHOD SP target SP HTTP/1.x"; header names are tokens; no obs-fold
// (continuation lines); exactly one Host for HTTP/1.1; Content-Length digits only (several
// equal values allowed); Transfer-Encoding is refused (501: chunked bodies are not accepted);
// head at most `limits.max_head_bytes`, body at most `limits.max_body_bytes` or, when
// `limits.body_limit` is set, at most what it answers for the request's (decoded) path.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "http/message.hpp"

namespace mobility::http {

struct ParseLimits {
  size_t max_head_bytes = 64 * 1024;
  size_t max_body_bytes = 1024 * 1024;
  std::function<size_t(std::string_view path)> body_limit = {};  // optional: per path, instead of max_body_bytes
};

struct ParseResult {
  enum class Kind { kIncomplete, kComplete, kError } kind = Kind::kIncomplete;
  Request request;                // kComplete
  size_t consumed = 0;            // kComplete: bytes of this request
  bool keep_alive = false;        // kComplete: the client allows another request on this connection
  bool expects_continue = false;  // kIncomplete with the head parsed: "Expect: 100-continue"
  int status = 0;                 // kError
  std::string message;            // kError
};

ParseResult parse_request(std::string_view buffer, const ParseLimits& limits);

}  // namespace mobility::http
