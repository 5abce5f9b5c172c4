// The multipart/form-data reader (http/multipart.hpp): the input's first line is the Content-Type,
// the rest the body. What it accepts keeps its limits, and the parts written again as a browser
// sends them read back the same.
#include <cstdlib>

#include "bench/fuzzers/fuzz_support.hpp"
#include "http/multipart.hpp"

namespace {

std::string quoted(const std::string& text) {
  std::string quoted = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') quoted += '\\';
    quoted += c;
  }
  return quoted + "\"";
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace mobility;
  std::string_view input = fuzz::as_text(data, size);
  size_t line_end = input.find('\n');
  if (line_end == std::string_view::npos) return 0;
  std::string_view content_type = input.substr(0, line_end);
  std::string_view body = input.substr(line_end + 1);
  const http::MultipartLimits limits{4, 256};
  auto parts = http::parse_multipart(content_type, body, limits);
  if (!parts) return 0;
  size_t total = 0;
  if (parts->empty() || parts->size() > limits.max_parts) std::abort();
  for (const auto& part : *parts) {
    if (part.name.empty() || part.body.size() > limits.max_part_bytes) std::abort();
    total += part.body.size();
  }
  if (total > body.size()) std::abort();
  auto boundary = http::multipart_boundary(content_type);
  if (!boundary) std::abort();
  std::string again;
  for (const auto& part : *parts) {
    again += "--" + *boundary + "\r\nContent-Disposition: form-data; name=" + quoted(part.name);
    if (part.filename) again += "; filename=" + quoted(*part.filename);
    if (!part.content_type.empty()) again += "\r\nContent-Type: " + part.content_type;
    again += "\r\n\r\n" + part.body + "\r\n";
  }
  again += "--" + *boundary + "--\r\n";
  auto reread = http::parse_multipart(content_type, again, limits);
  if (!reread || reread->size() != parts->size()) std::abort();
  for (size_t i = 0; i < parts->size(); ++i) {
    const auto& a = (*parts)[i];
    const auto& b = (*reread)[i];
    if (a.name != b.name || a.filename != b.filename || a.content_type != b.content_type || a.body != b.body) std::abort();
  }
  return 0;
}
