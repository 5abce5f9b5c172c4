#include "ewp-node/apis/ewp_parameters.hpp"

#include "base/pattern.hpp"
#include "base/text.hpp"
#include "ewp-node/xml/error_response.hpp"
#include "http/form.hpp"

namespace mobility::ewp {

bool is_form_encoded(const http::Request& request) {
  auto content_type = request.header("Content-Type");
  if (!content_type) return true;  // absent (or unsigned, so hidden): the body is read as a form
  std::string media_type = ascii_lower(trim_blanks(std::string_view(*content_type).substr(0, content_type->find(';'))));
  return media_type == "application/x-www-form-urlencoded";
}

std::variant<EwpParameters, http::Response> EwpParameters::read(const http::Request& request) {
  if (request.method == "POST" && !is_form_encoded(request)) {
    return error_response(415, "POST parameters must be application/x-www-form-urlencoded");
  }
  auto pairs = request.method == "POST" ? http::decode_form(request.body) : http::decode_query(request.target);
  if (!pairs) return error_response(400, "cannot read the parameters: " + pairs.status().message());
  // Values go into SQL parameters and XML text, which both take only clean UTF-8.
  for (const auto& [name, value] : *pairs) {
    if (!is_clean_utf8(name) || !is_clean_utf8(value)) {
      return error_response(400, "parameters must be UTF-8 text without control characters");
    }
  }
  return EwpParameters(std::move(*pairs));
}

namespace {

bool is_identifier(std::string_view value) {
  if (value.empty() || value.size() > 64) return false;
  for (char c : value) {
    if (c < 0x21 || c > 0x7e) return false;
  }
  return true;
}

// An error naming `name` when `value` is not of `shape`.
Status check_shape(std::string_view name, const std::string& value, Shape shape) {
  std::string parameter = "parameter " + std::string(name);
  switch (shape) {
    case Shape::kText: return Status::ok();
    case Shape::kIdentifier:
      if (is_identifier(value)) return Status::ok();
      return Status::invalid_argument(parameter + " must be an EWP identifier: 1 to 64 printable ASCII characters, not '" +
                                      excerpt(value, 70) + "' (" + std::to_string(value.size()) + " bytes)");
    case Shape::kHeiId:
      if (is_hei_id(value)) return Status::ok();
      return Status::invalid_argument(parameter + " must be an HEI id: a lower-case SCHAC code such as uio.no, not '" +
                                      excerpt(value, 70) + "'");
  }
  return Status::ok();
}

Status check_shapes(std::string_view name, const std::vector<std::string>& values, Shape shape) {
  for (const auto& value : values) {
    if (Status checked = check_shape(name, value, shape); !checked) return checked;
  }
  return Status::ok();
}

}  // namespace

std::vector<std::string> EwpParameters::all(std::string_view name) const {
  std::vector<std::string> values;
  for (const auto& [key, value] : pairs_) {
    if (key == name) values.push_back(value);
  }
  return values;
}

Result<std::optional<std::string>> EwpParameters::optional_single(std::string_view name, Shape shape) const {
  auto values = all(name);
  if (values.size() > 1) return Status::invalid_argument("parameter " + std::string(name) + " must not be repeated");
  if (Status checked = check_shapes(name, values, shape); !checked) return checked;
  if (values.empty()) return std::optional<std::string>();
  return std::optional<std::string>(values.front());
}

Result<std::string> EwpParameters::required_single(std::string_view name, Shape shape) const {
  auto value = optional_single(name, shape);
  if (!value) return value.status();
  if (!*value) return Status::invalid_argument("parameter " + std::string(name) + " is required");
  return **value;
}

Result<std::vector<std::string>> EwpParameters::optional_list(std::string_view name, int max, Shape shape) const {
  auto values = all(name);
  if (static_cast<int>(values.size()) > max) {
    return Status::invalid_argument("at most " + std::to_string(max) + " " + std::string(name) + " values are allowed, " +
                                    std::to_string(values.size()) + " were given");
  }
  if (Status checked = check_shapes(name, values, shape); !checked) return checked;
  return values;
}

Result<std::vector<std::string>> EwpParameters::required_list(std::string_view name, int max, Shape shape) const {
  auto values = optional_list(name, max, shape);
  if (values && values->empty()) return Status::invalid_argument("parameter " + std::string(name) + " is required");
  return values;
}

http::Response parameter_error(const Status& status) { return error_response(400, status.message()); }

}  // namespace mobility::ewp
