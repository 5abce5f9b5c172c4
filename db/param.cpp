#include "db/param.hpp"

#include <charconv>

namespace mobility::db {

Param::Param(double number) {
  char buffer[64];
  auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, number);  // shortest exact form
  text_ = error == std::errc() ? std::string(buffer, end) : std::to_string(number);
}

}  // namespace mobility::db
