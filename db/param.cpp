#include "db/param.hpp"

#include <charconv>

namespace mobility::db {

namespace {

// Array literal of already formatted elements.
std::string array_literal(const std::vector<std::string>& elements) {
  std::string literal = "{";
  for (const auto& element : elements) {
    if (literal.size() > 1) literal += ',';
    literal += element;
  }
  return literal + "}";
}

}  // namespace

Param::Param(double number) {
  char buffer[64];
  auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, number);  // shortest exact form
  text_ = error == std::errc() ? std::string(buffer, end) : std::to_string(number);
}

Param text_array(const std::vector<std::string>& values) {
  std::vector<std::string> quoted;
  quoted.reserve(values.size());
  for (const auto& value : values) {
    std::string element = "\"";
    for (char c : value) {
      if (c == '"' || c == '\\') element += '\\';
      element += c;
    }
    quoted.push_back(element + "\"");
  }
  return array_literal(quoted);
}

Param number_array(const std::vector<double>& values) {
  std::vector<std::string> numbers;
  numbers.reserve(values.size());
  for (double value : values) numbers.push_back(Param(value).text());
  return array_literal(numbers);
}

}  // namespace mobility::db
