#include "agreements/names.hpp"

namespace mobility::agreements {
namespace {

const std::string* find_language(const LocalizedNames& names, std::string_view language) {
  for (const auto& [tag, name] : names) {
    if (tag == language) return &name;
  }
  return nullptr;
}

}  // namespace

std::string preferred_name(const LocalizedNames& names, std::string_view language, std::string_view fallback) {
  for (std::string_view wanted : {language, std::string_view("en"), std::string_view("")}) {
    if (const std::string* name = find_language(names, wanted)) return *name;
  }
  return names.empty() ? std::string(fallback) : names.front().second;
}

}  // namespace mobility::agreements
