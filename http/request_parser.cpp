#include "http/request_parser.hpp"

#include <algorithm>
#include <charconv>

#include "base/text.hpp"
#include "http/form.hpp"

namespace mobility::http {
namespace {

ParseResult error(int status, std::string message) {
  ParseResult result;
  result.kind = ParseResult::Kind::kError;
  result.status = status;
  result.message = std::move(message);
  return result;
}

bool is_token(std::string_view text) {
  constexpr std::string_view kSpecials = "!#$%&'*+-.^_`|~";
  return !text.empty() && std::all_of(text.begin(), text.end(), [&](unsigned char c) {
    return std::isalnum(c) || kSpecials.find(static_cast<char>(c)) != std::string_view::npos;
  });
}

// "GET /x?y HTTP/1.1" → method, target, minor version; an error result when malformed.
std::optional<ParseResult> parse_request_line(std::string_view line, Request& request, int& minor_version) {
  size_t first = line.find(' ');
  size_t second = first == std::string_view::npos ? first : line.find(' ', first + 1);
  if (second == std::string_view::npos || line.find(' ', second + 1) != std::string_view::npos) {
    return error(400, "malformed request line");
  }
  request.method = std::string(line.substr(0, first));
  request.target = std::string(line.substr(first + 1, second - first - 1));
  std::string_view version = line.substr(second + 1);
  if (!is_token(request.method)) return error(400, "malformed method");
  if (request.target.empty() || request.target.front() != '/') return error(400, "the request target must start with '/'");
  if (version == "HTTP/1.1") {
    minor_version = 1;
  } else if (version == "HTTP/1.0") {
    minor_version = 0;
  } else {
    return error(505, "only HTTP/1.0 and HTTP/1.1 are supported");
  }
  return std::nullopt;
}

std::optional<ParseResult> parse_header_line(std::string_view line, Request& request) {
  if (!line.empty() && (line.front() == ' ' || line.front() == '\t')) {
    return error(400, "folded header lines (obs-fold) are not accepted");
  }
  size_t colon = line.find(':');
  if (colon == std::string_view::npos || !is_token(line.substr(0, colon))) return error(400, "malformed header line");
  request.headers.emplace_back(std::string(line.substr(0, colon)), std::string(trim_blanks(line.substr(colon + 1))));
  return std::nullopt;
}

// Content-Length of the request (0 when absent), or an error.
std::optional<ParseResult> body_length(const Request& request, size_t& length) {
  length = 0;
  auto values = header_values(request.headers, "Content-Length");
  for (const std::string& value : values) {
    size_t parsed = 0;
    auto [end, failure] = std::from_chars(value.data(), value.data() + value.size(), parsed);
    if (value.empty() || failure != std::errc() || end != value.data() + value.size()) {
      return error(400, "Content-Length must be a number");
    }
    if (&value != &values.front() && parsed != length) return error(400, "conflicting Content-Length headers");
    length = parsed;
  }
  return std::nullopt;
}

bool wants_keep_alive(const Request& request, int minor_version) {
  for (const std::string& value : header_values(request.headers, "Connection")) {
    std::string lowered = ascii_lower(value);
    if (lowered.find("close") != std::string::npos) return false;
    if (lowered.find("keep-alive") != std::string::npos) return true;
  }
  return minor_version == 1;
}

std::optional<ParseResult> check_head(const Request& request, int minor_version) {
  if (!header_values(request.headers, "Transfer-Encoding").empty()) {
    return error(501, "Transfer-Encoding is not supported; send the body with a Content-Length");
  }
  size_t hosts = header_values(request.headers, "Host").size();
  if (hosts > 1 || (minor_version == 1 && hosts == 0)) return error(400, "an HTTP/1.1 request needs exactly one Host header");
  return std::nullopt;
}

// true when a line of `head` ends with LF alone: such a head would never end in CRLF CRLF, and
// the client would wait for an answer that never comes.
bool has_bare_line_feed(std::string_view head) {
  for (size_t at = head.find('\n'); at != std::string_view::npos; at = head.find('\n', at + 1)) {
    if (at == 0 || head[at - 1] != '\r') return true;
  }
  return false;
}

}  // namespace

ParseResult parse_request(std::string_view buffer, const ParseLimits& limits) {
  size_t head_end = buffer.find("\r\n\r\n");
  std::string_view head_so_far = buffer.substr(0, head_end == std::string_view::npos ? buffer.size() : head_end);
  if (has_bare_line_feed(head_so_far)) return error(400, "every line of the request head must end with CR LF");
  if (head_end == std::string_view::npos) {
    if (buffer.size() > limits.max_head_bytes) return error(431, "request line and headers are too large");
    return {};
  }
  if (head_end > limits.max_head_bytes) return error(431, "request line and headers are too large");
  ParseResult result;
  Request& request = result.request;
  int minor_version = 1;
  std::string_view head = buffer.substr(0, head_end);
  size_t line_end = head.find("\r\n");
  if (auto failure = parse_request_line(head.substr(0, line_end), request, minor_version)) return *failure;
  while (line_end != std::string_view::npos) {
    size_t start = line_end + 2;
    line_end = head.find("\r\n", start);
    if (auto failure = parse_header_line(head.substr(start, line_end - start), request)) return *failure;
  }
  if (auto failure = check_head(request, minor_version)) return *failure;
  size_t length = 0;
  if (auto failure = body_length(request, length)) return *failure;
  auto path = percent_decode(std::string_view(request.target).substr(0, request.target.find('?')));
  if (!path) return error(400, "request target: " + path.status().message());
  request.path = std::move(*path);
  size_t max_body = limits.body_limit ? limits.body_limit(request.path) : limits.max_body_bytes;
  if (length > max_body) {
    return error(413, "request body too large: " + std::to_string(length) + " bytes, the limit is " + std::to_string(max_body));
  }
  size_t body_start = head_end + 4;
  if (buffer.size() - body_start < length) {
    result.kind = ParseResult::Kind::kIncomplete;
    auto expect = header_values(request.headers, "Expect");
    result.expects_continue = !expect.empty() && ascii_lower(expect.front()) == "100-continue";
    return result;
  }
  auto query = decode_query(request.target);
  if (!query) return error(400, "query: " + query.status().message());
  request.query = std::move(*query);
  request.body = std::string(buffer.substr(body_start, length));
  result.kind = ParseResult::Kind::kComplete;
  result.consumed = body_start + length;
  result.keep_alive = wants_keep_alive(request, minor_version);
  return result;
}

}  // namespace mobility::http
