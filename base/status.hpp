// Status and Result<T>: how every fallible function in Mobility reports failure.
//
// A Status is either ok or an error with a code, a human-readable message and,
// for database errors, the five-character SQLSTATE that PostgreSQL reported.
// Result<T> carries either a value or a non-ok Status. Neither throws.
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace mobility {

class [[nodiscard]] Status {
 public:
  enum class Code {
    kOk,
    kInvalidArgument,  // the caller's input is wrong; retrying will not help
    kNotFound,
    kConflict,     // integrity or serialization conflict with stored data
    kUnavailable,  // a dependency (database, partner) cannot be reached now
    kDatabase,     // any other error reported by PostgreSQL
    kInternal,
  };

  Status() = default;  // ok
  static Status ok() { return Status(); }
  static Status invalid_argument(std::string message, std::string sqlstate = {}) {
    return {Code::kInvalidArgument, std::move(message), std::move(sqlstate)};
  }
  static Status not_found(std::string message) { return {Code::kNotFound, std::move(message)}; }
  static Status conflict(std::string message, std::string sqlstate = {}) {
    return {Code::kConflict, std::move(message), std::move(sqlstate)};
  }
  static Status unavailable(std::string message, std::string sqlstate = {}) {
    return {Code::kUnavailable, std::move(message), std::move(sqlstate)};
  }
  static Status database(std::string message, std::string sqlstate) {
    return {Code::kDatabase, std::move(message), std::move(sqlstate)};
  }
  static Status internal(std::string message) { return {Code::kInternal, std::move(message)}; }

  bool is_ok() const { return code_ == Code::kOk; }
  explicit operator bool() const { return is_ok(); }
  Code code() const { return code_; }
  const std::string& message() const { return message_; }
  // SQLSTATE of a database error ("23505"), empty when the error did not come from PostgreSQL.
  const std::string& sqlstate() const { return sqlstate_; }

  // "ok", or "<code name>: <message>" with " [SQLSTATE xxxxx]" when known.
  std::string to_string() const;

  // Returns a copy whose message is "<context>: <message>".
  Status with_context(const std::string& context) const;

 private:
  Status(Code code, std::string message, std::string sqlstate = {})
      : code_(code), message_(std::move(message)), sqlstate_(std::move(sqlstate)) {}

  Code code_ = Code::kOk;
  std::string message_;
  std::string sqlstate_;
};

const char* code_name(Status::Code code);

// A value of type T, or the Status explaining why there is none.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : state_(std::move(value)) {}         // NOLINT: implicit by design
  Result(Status status) : state_(std::move(status)) {}  // NOLINT: must not be ok

  bool is_ok() const { return std::holds_alternative<T>(state_); }
  explicit operator bool() const { return is_ok(); }

  // Precondition: is_ok().
  T& value() & { return std::get<T>(state_); }
  const T& value() const& { return std::get<T>(state_); }
  T&& value() && { return std::get<T>(std::move(state_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }

  // Status::ok() when a value is held.
  Status status() const { return is_ok() ? Status::ok() : std::get<Status>(state_); }

 private:
  std::variant<T, Status> state_;
};

}  // namespace mobility
