#include "ewp-node/security/signature_params.hpp"

#include <algorithm>
#include <cctype>
#include <set>

#include "base/text.hpp"
#include "http/message.hpp"

namespace mobility::ewp {
namespace {

// Reads the list left to right; each call consumes one piece of it.
class ParamScanner {
 public:
  explicit ParamScanner(std::string_view text) : text_(text) {}

  bool at_end() {
    skip_blanks();
    return position_ >= text_.size();
  }

  // A parameter name: letters, digits, '-' and '_'.
  Result<std::string> name() {
    skip_blanks();
    size_t start = position_;
    while (position_ < text_.size() && is_name_char(text_[position_])) ++position_;
    if (position_ == start) return error("expected a parameter name");
    return std::string(text_.substr(start, position_ - start));
  }

  // '=' then a double-quoted value.
  Result<std::string> quoted_value() {
    if (!consume('=')) return error("expected '=' after the parameter name");
    if (!consume('"')) return error("expected '\"' to open the parameter value");
    size_t close = text_.find('"', position_);
    if (close == std::string_view::npos) return error("unterminated quoted value");
    std::string value(text_.substr(position_, close - position_));
    position_ = close + 1;
    return value;
  }

  // The ',' between two parameters, or the end of the text.
  Status separator() {
    if (at_end() || consume(',')) return Status::ok();
    return error("expected ',' between parameters");
  }

 private:
  static bool is_name_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_'; }

  void skip_blanks() {
    while (position_ < text_.size() && (text_[position_] == ' ' || text_[position_] == '\t')) ++position_;
  }

  bool consume(char expected) {
    skip_blanks();
    if (position_ >= text_.size() || text_[position_] != expected) return false;
    ++position_;
    return true;
  }

  Status error(const std::string& what) const {
    return Status::invalid_argument("signature parameters: " + what + " at offset " + std::to_string(position_));
  }

  std::string_view text_;
  size_t position_ = 0;
};

Result<std::vector<std::string>> split_header_names(const std::string& value) {
  std::vector<std::string> names;
  size_t start = 0;
  while (start <= value.size()) {
    size_t space = std::min(value.find(' ', start), value.size());
    std::string name = ascii_lower(value.substr(start, space - start));
    if (name.empty()) return Status::invalid_argument("signature parameters: empty name in headers=\"" + value + "\"");
    names.push_back(std::move(name));
    start = space + 1;
  }
  return names;
}

Status store_param(SignatureParams& params, const std::string& name, std::string value) {
  if (name == "keyId") params.key_id = std::move(value);
  if (name == "algorithm") params.algorithm = std::move(value);
  if (name == "signature") params.signature = std::move(value);
  if (name == "headers") {
    auto names = split_header_names(value);
    if (!names) return names.status();
    params.headers = std::move(*names);
  }
  return Status::ok();
}

Status check_required(const SignatureParams& params) {
  if (params.key_id.empty()) return Status::invalid_argument("signature parameters: keyId is missing");
  if (params.signature.empty()) return Status::invalid_argument("signature parameters: signature is missing");
  return Status::ok();
}

}  // namespace

Result<SignatureParams> parse_signature_params(std::string_view text) {
  SignatureParams params;
  params.headers = {"date"};
  std::set<std::string> seen;
  ParamScanner scanner(text);
  while (!scanner.at_end()) {
    auto name = scanner.name();
    if (!name) return name.status();
    auto value = scanner.quoted_value();
    if (!value) return value.status();
    if (!seen.insert(*name).second) return Status::invalid_argument("signature parameters: " + *name + " appears twice");
    if (Status status = store_param(params, *name, std::move(*value)); !status) return status;
    if (Status status = scanner.separator(); !status) return status;
  }
  if (Status status = check_required(params); !status) return status;
  return params;
}

Result<SignatureParams> parse_authorization_signature(std::string_view authorization) {
  size_t start = authorization.find_first_not_of(" \t");
  if (start == std::string_view::npos) return Status::invalid_argument("Authorization header is empty");
  size_t end = std::min(authorization.find_first_of(" \t", start), authorization.size());
  std::string_view scheme = authorization.substr(start, end - start);
  if (!http::equals_ignore_case(scheme, "Signature")) {
    return Status::invalid_argument("Authorization uses the '" + std::string(scheme.substr(0, 40)) +
                                    "' scheme; expected 'Signature'");
  }
  return parse_signature_params(authorization.substr(end));
}

std::string format_signature_params(const SignatureParams& params) {
  std::string headers;
  for (const std::string& name : params.headers) headers += (headers.empty() ? "" : " ") + name;
  return "keyId=\"" + params.key_id + "\",algorithm=\"" + params.algorithm + "\",headers=\"" + headers + "\",signature=\"" +
         params.signature + "\"";
}

}  // namespace mobility::ewp
