// Optional members of JSON objects (nlohmann::json), for the stored JSON forms of our structs:
// put() leaves an absent optional out; take() leaves the value as it is when the key is missing
// or null.
#pragma once

#include <nlohmann/json.hpp>

#include <optional>

namespace mobility::json_fields {

template <typename T>
void put(nlohmann::json& object, const char* key, const std::optional<T>& value) {
  if (value) object[key] = *value;
}

template <typename T>
void take(const nlohmann::json& object, const char* key, std::optional<T>& value) {
  if (auto found = object.find(key); found != object.end() && !found->is_null()) value = found->template get<T>();
}

template <typename T>
void take(const nlohmann::json& object, const char* key, T& value) {
  if (auto found = object.find(key); found != object.end() && !found->is_null()) value = found->template get<T>();
}

}  // namespace mobility::json_fields

// std::optional as JSON: null when empty (nlohmann 3.11 has no serializer of its own for it), so
// the NLOHMANN_DEFINE_TYPE_* macros can describe structs with optional members.
namespace nlohmann {
template <typename T>
struct adl_serializer<std::optional<T>> {
  static void to_json(json& out, const std::optional<T>& value) {
    if (value) {
      out = *value;
    } else {
      out = nullptr;
    }
  }
  static void from_json(const json& in, std::optional<T>& value) {
    if (in.is_null()) {
      value = std::nullopt;
    } else {
      value = in.template get<T>();
    }
  }
};
}  // namespace nlohmann
