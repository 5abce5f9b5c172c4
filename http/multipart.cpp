#include "http/multipart.hpp"

#include "base/text.hpp"
#include "http/message.hpp"

namespace mobility::http {
namespace {

constexpr size_t kMaxBoundary = 70;
constexpr std::string_view kCrLf = "\r\n";

bool is_tchar(char c) {
  static constexpr std::string_view kMarks = "!#$%&'*+-.^_`|~";
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || kMarks.find(c) != std::string_view::npos;
}

bool is_token(std::string_view text) {
  if (text.empty()) return false;
  for (char c : text) {
    if (!is_tchar(c)) return false;
  }
  return true;
}

// RFC 2046's bchars: DIGIT ALPHA ' ( ) + _ , - . / : = ? and space.
bool is_boundary_char(char c) {
  static constexpr std::string_view kMarks = "'()+_,-./:=? ";
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || kMarks.find(c) != std::string_view::npos;
}

bool is_blank(char c) { return c == ' ' || c == '\t'; }

std::string_view trim_ows(std::string_view text) {
  while (!text.empty() && is_blank(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_blank(text.back())) text.remove_suffix(1);
  return text;
}

struct Parameter {
  std::string name;  // lower case
  std::string value;
};

struct ParameterizedValue {
  std::string main;  // before the first ';', blanks trimmed
  std::vector<Parameter> parameters;
};

// `quoted` starts after the opening quote; returns the unescaped text and moves `at` past the
// closing quote, or an error.
Result<std::string> read_quoted(std::string_view text, size_t& at, const std::string& where) {
  std::string value;
  while (at < text.size()) {
    char c = text[at++];
    if (c == '"') return value;
    if (c == '\\') {
      if (at == text.size()) break;
      c = text[at++];
    }
    auto byte = static_cast<unsigned char>(c);
    if ((byte < 0x20 && c != '\t') || byte == 0x7f) return Status::invalid_argument(where + " holds a control character");
    value += c;
  }
  return Status::invalid_argument(where + " has a quoted string without its closing quote");
}

// "main; name=token; name="quoted"" (RFC 9110's parameters: no blanks around '=').
Result<ParameterizedValue> split_parameters(std::string_view text, const std::string& what) {
  ParameterizedValue split;
  size_t at = text.find(';');
  split.main = std::string(trim_ows(text.substr(0, at)));
  while (at != std::string_view::npos && at < text.size()) {
    ++at;  // the ';'
    while (at < text.size() && is_blank(text[at])) ++at;
    size_t name_start = at;
    while (at < text.size() && is_tchar(text[at])) ++at;
    std::string name = ascii_lower(text.substr(name_start, at - name_start));
    if (name.empty()) return Status::invalid_argument(what + ": a ';' is not followed by a parameter");
    if (at == text.size() || text[at] != '=')
      return Status::invalid_argument(what + ": parameter " + name + " has no '=' and value");
    ++at;
    std::string value;
    if (at < text.size() && text[at] == '"') {
      ++at;
      auto quoted = read_quoted(text, at, what + ": parameter " + name);
      if (!quoted) return quoted.status();
      value = std::move(*quoted);
    } else {
      size_t value_start = at;
      while (at < text.size() && is_tchar(text[at])) ++at;
      value = std::string(text.substr(value_start, at - value_start));
      if (value.empty()) return Status::invalid_argument(what + ": parameter " + name + " has no value");
    }
    while (at < text.size() && is_blank(text[at])) ++at;
    if (at < text.size() && text[at] != ';') {
      return Status::invalid_argument(what + ": parameter " + name + " is followed by something other than ';'");
    }
    split.parameters.push_back({std::move(name), std::move(value)});
  }
  return split;
}

std::string part_label(size_t number) { return "part " + std::to_string(number); }

// The part's Content-Disposition into `part`.
Status read_disposition(std::string_view value, FormPart& part, const std::string& label) {
  std::string what = label + ": Content-Disposition";
  auto split = split_parameters(value, what);
  if (!split) return split.status();
  if (ascii_lower(split->main) != "form-data") return Status::invalid_argument(what + " is not form-data");
  bool named = false;
  for (auto& parameter : split->parameters) {
    if (parameter.name == "name") {
      if (named) return Status::invalid_argument(what + " has two names");
      named = true;
      part.name = std::move(parameter.value);
    } else if (parameter.name == "filename") {
      if (part.filename) return Status::invalid_argument(what + " has two file names");
      part.filename = std::move(parameter.value);
    } else {
      return Status::invalid_argument(what + ": parameter " + excerpt(parameter.name, 40) + " is not accepted");
    }
  }
  if (part.name.empty()) return Status::invalid_argument(what + " has no name");
  return Status::ok();
}

// The head of a part (its lines without the empty line that ends it) into `part`.
Status read_head(std::string_view head, FormPart& part, const std::string& label) {
  bool disposed = false;
  bool typed = false;
  while (!head.empty()) {
    size_t end = head.find(kCrLf);
    std::string_view line = head.substr(0, end);
    head = end == std::string_view::npos ? std::string_view() : head.substr(end + 2);
    if (line.find_first_of("\r\n") != std::string_view::npos) {
      return Status::invalid_argument(label + ": a line of its head does not end with CR LF");
    }
    size_t colon = line.find(':');
    std::string_view name = line.substr(0, colon);
    if (colon == std::string_view::npos || !is_token(name)) {
      return Status::invalid_argument(label + ": a line of its head is not 'Name: value'");
    }
    std::string_view value = trim_ows(line.substr(colon + 1));
    if (equals_ignore_case(name, "Content-Disposition")) {
      if (disposed) return Status::invalid_argument(label + " has two Content-Disposition headers");
      disposed = true;
      if (Status read = read_disposition(value, part, label); !read) return read;
    } else if (equals_ignore_case(name, "Content-Type")) {
      if (typed) return Status::invalid_argument(label + " has two Content-Type headers");
      typed = true;
      part.content_type = std::string(value);
    } else {
      return Status::invalid_argument(label + ": header " + excerpt(std::string(name), 40) + " is not accepted");
    }
  }
  if (!disposed) return Status::invalid_argument(label + " has no Content-Disposition");
  return Status::ok();
}

}  // namespace

bool is_multipart_form(std::string_view content_type) {
  return ascii_lower(trim_ows(content_type.substr(0, content_type.find(';')))) == "multipart/form-data";
}

Result<std::string> multipart_boundary(std::string_view content_type) {
  if (!is_multipart_form(content_type)) return Status::invalid_argument("Content-Type is not multipart/form-data");
  auto split = split_parameters(content_type, "Content-Type");
  if (!split) return split.status();
  std::optional<std::string> boundary;
  for (auto& parameter : split->parameters) {
    if (parameter.name != "boundary") continue;
    if (boundary) return Status::invalid_argument("Content-Type has two boundary parameters");
    boundary = std::move(parameter.value);
  }
  if (!boundary) return Status::invalid_argument("Content-Type has no boundary parameter");
  bool allowed = !boundary->empty() && boundary->size() <= kMaxBoundary && boundary->back() != ' ';
  for (char c : *boundary) allowed = allowed && is_boundary_char(c);
  if (!allowed) {
    return Status::invalid_argument(
        "Content-Type: the boundary must be 1 to 70 of the characters RFC 2046 allows, not ending in a space");
  }
  return *boundary;
}

Result<std::vector<FormPart>> parse_multipart(std::string_view content_type, std::string_view body,
                                              const MultipartLimits& limits) {
  auto boundary = multipart_boundary(content_type);
  if (!boundary) return boundary.status();
  const std::string delimiter = "--" + *boundary;
  const std::string inner_delimiter = std::string(kCrLf) + delimiter;
  if (!body.starts_with(delimiter)) return Status::invalid_argument("the body does not start with the boundary");
  std::vector<FormPart> parts;
  size_t at = delimiter.size();
  for (;;) {
    std::string label = part_label(parts.size() + 1);
    std::string_view after = body.substr(at);
    if (after.starts_with("--")) {
      after.remove_prefix(2);
      if (!after.empty() && after != kCrLf) return Status::invalid_argument("data follows the closing boundary");
      if (parts.empty()) return Status::invalid_argument("the body has no parts");
      return parts;
    }
    if (!after.starts_with(kCrLf)) return Status::invalid_argument(label + ": its boundary line does not end with CR LF");
    at += kCrLf.size();
    if (parts.size() == limits.max_parts) {
      return Status::invalid_argument("more than " + std::to_string(limits.max_parts) + " parts");
    }
    // The head: lines up to an empty line (right away when the part has no headers).
    size_t head_end = body.substr(at).starts_with(kCrLf) ? at : body.find("\r\n\r\n", at);
    size_t content_start = head_end == at ? at + 2 : head_end + 4;
    if (head_end == std::string_view::npos || head_end - at > kMaxPartHeadBytes) {
      if (body.size() - at > kMaxPartHeadBytes) {
        return Status::invalid_argument(label + ": its head is longer than " + std::to_string(kMaxPartHeadBytes) + " bytes");
      }
      return Status::invalid_argument(label + ": its head does not end with an empty line");
    }
    FormPart part;
    if (Status read = read_head(body.substr(at, head_end - at), part, label); !read) return read;
    size_t content_end = body.find(inner_delimiter, content_start);
    if (content_end == std::string_view::npos) return Status::invalid_argument(label + " does not end with a boundary");
    if (content_end - content_start > limits.max_part_bytes) {
      return Status::invalid_argument(label + " is larger than " + std::to_string(limits.max_part_bytes) + " bytes");
    }
    part.body = std::string(body.substr(content_start, content_end - content_start));
    parts.push_back(std::move(part));
    at = content_end + inner_delimiter.size();
  }
}

}  // namespace mobility::http
