#include "agreements/version_diff.hpp"

#include <algorithm>
#include <map>

namespace mobility::agreements {
namespace {

using Leaves = std::map<std::string, std::string>;

std::string leaf_text(const nlohmann::json& value) { return value.is_string() ? value.get<std::string>() : value.dump(); }

void flatten(const nlohmann::json& value, const std::string& path, Leaves& leaves) {
  if (value.is_object()) {
    for (const auto& [key, child] : value.items()) flatten(child, path.empty() ? key : path + "." + key, leaves);
  } else if (value.is_array()) {
    for (size_t i = 0; i < value.size(); ++i) flatten(value[i], path + "[" + std::to_string(i) + "]", leaves);
  } else if (!value.is_null()) {
    leaves[path] = leaf_text(value);
  }
}

Leaves leaves_of(const nlohmann::json& document) {
  Leaves leaves;
  flatten(document, "", leaves);
  return leaves;
}

}  // namespace

std::vector<FieldDifference> diff_documents(const nlohmann::json& before, const nlohmann::json& after) {
  Leaves old_leaves = leaves_of(before);
  Leaves new_leaves = leaves_of(after);
  std::vector<FieldDifference> differences;
  for (const auto& [path, value] : old_leaves) {
    auto now = new_leaves.find(path);
    if (now == new_leaves.end()) {
      differences.push_back({path, value, std::nullopt});
    } else if (now->second != value) {
      differences.push_back({path, value, now->second});
    }
  }
  for (const auto& [path, value] : new_leaves) {
    if (!old_leaves.contains(path)) differences.push_back({path, std::nullopt, value});
  }
  std::sort(differences.begin(), differences.end(), [](const auto& a, const auto& b) { return a.path < b.path; });
  return differences;
}

std::vector<std::pair<std::string, std::string>> document_fields(const nlohmann::json& document) {
  Leaves leaves = leaves_of(document);
  return {leaves.begin(), leaves.end()};
}

bool path_within(std::string_view path, std::string_view prefix) {
  if (!path.starts_with(prefix)) return false;
  if (path.size() == prefix.size()) return true;
  char next = path[prefix.size()];
  return next == '.' || next == '[';
}

}  // namespace mobility::agreements
