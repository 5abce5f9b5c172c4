#include "ewp-node/security/signing_string.hpp"

#include "base/text.hpp"

namespace mobility::ewp {
namespace {

constexpr std::string_view kRequestTarget = "(request-target)";

std::string request_target_line(const SignedMessage& message) {
  std::string target = message.request_target.empty() ? "/" : message.request_target;
  return std::string(kRequestTarget) + ": " + ascii_lower(message.method) + " " + target;
}

// "<name>: <values joined by ", ">", or an error when the message has no such header.
Result<std::string> header_line(const SignedMessage& message, const std::string& name) {
  std::string values;
  bool found = false;
  for (const auto& [key, value] : message.headers) {
    if (!http::equals_ignore_case(key, name)) continue;
    if (found) values += ", ";
    values += trim_blanks(value);
    found = true;
  }
  if (!found) return Status::invalid_argument("header '" + name + "' is listed in the signature but absent");
  return name + ": " + values;
}

}  // namespace

Result<std::string> build_signing_string(const SignedMessage& message, const std::vector<std::string>& header_names) {
  if (header_names.empty()) return Status::invalid_argument("the signature lists no headers");
  std::string signing_string;
  for (const std::string& listed : header_names) {
    std::string name = ascii_lower(listed);
    std::string line;
    if (name == kRequestTarget) {
      line = request_target_line(message);
    } else {
      auto built = header_line(message, name);
      if (!built) return built.status();
      line = std::move(*built);
    }
    if (!signing_string.empty()) signing_string += '\n';
    signing_string += line;
  }
  return signing_string;
}

}  // namespace mobility::ewp
