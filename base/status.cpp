#include "base/status.hpp"

namespace mobility {

const char* code_name(Status::Code code) {
  switch (code) {
    case Status::Code::kOk: return "ok";
    case Status::Code::kInvalidArgument: return "invalid argument";
    case Status::Code::kNotFound: return "not found";
    case Status::Code::kConflict: return "conflict";
    case Status::Code::kUnavailable: return "unavailable";
    case Status::Code::kDatabase: return "database error";
    case Status::Code::kInternal: return "internal error";
  }
  return "unknown";
}

std::string Status::to_string() const {
  if (is_ok()) return "ok";
  std::string text = std::string(code_name(code_)) + ": " + message_;
  if (!sqlstate_.empty()) text += " [SQLSTATE " + sqlstate_ + "]";
  return text;
}

Status Status::with_context(const std::string& context) const {
  if (is_ok()) return *this;
  Status copy = *this;
  copy.message_ = context + ": " + message_;
  return copy;
}

}  // namespace mobility
