// multipart/form-data (RFC 7578 on the multipart syntax of RFC 2046), as a browser sends a form
// with a file field: "Content-Type: multipart/form-data; boundary=XYZ" and a body
//
//   --XYZ CRLF
//   Content-Disposition: form-data; name="csrf" CRLF
//   CRLF
//   the field's value CRLF
//   --XYZ CRLF
//   Content-Disposition: form-data; name="document"; filename="plan.pdf" CRLF
//   Content-Type: application/pdf CRLF
//   CRLF
//   the file's bytes CRLF
//   --XYZ-- [CRLF]
//
// Strict, and every departure is an error (Status::invalid_argument, the message says what and,
// for a part, which one, counted from 1):
// - the media type must be multipart/form-data (any case) with exactly one boundary parameter of
//   1 to 70 of RFC 2046's boundary characters, not ending in a space, plain or quoted;
// - the body starts with the first delimiter (no preamble), each delimiter line ends in CRLF
//   (no transport padding), the close delimiter ends the body (at most a CRLF after it);
// - each part's head: CRLF-ended lines (a bare LF is an error), at most kMaxPartHeadBytes, only
//   Content-Disposition (once, required) and Content-Type (at most once); a
//   Content-Transfer-Encoding or any other header is refused rather than ignored;
// - Content-Disposition: "form-data" with a non-empty name and optionally a filename (each once,
//   a token or a quoted string whose \ escapes the next character), nothing else (not filename*,
//   which RFC 7578 forbids);
// - at most `limits.max_parts` parts, each body at most `limits.max_part_bytes`.
// The whole body's size is the server's business (http/server.hpp: 413 before it is read).
// Names, file names and types are returned as sent: their bytes are the caller's to check.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.hpp"

namespace mobility::http {

struct FormPart {
  std::string name;                     // Content-Disposition's name
  std::optional<std::string> filename;  // a file field's; "" when the form was sent without a file
  std::string content_type;             // the part's Content-Type as sent, "" when it has none
  std::string body;
};

constexpr size_t kMaxPartHeadBytes = 8 * 1024;

struct MultipartLimits {
  size_t max_parts = 16;
  size_t max_part_bytes = 1024 * 1024;
};

// true when `content_type` names multipart/form-data (whatever its parameters).
bool is_multipart_form(std::string_view content_type);

// The boundary of a "multipart/form-data; boundary=..." Content-Type, unquoted.
Result<std::string> multipart_boundary(std::string_view content_type);

// The parts of `body`, in order.
Result<std::vector<FormPart>> parse_multipart(std::string_view content_type, std::string_view body,
                                              const MultipartLimits& limits);

}  // namespace mobility::http
