// Field-by-field comparison of two stored versions (of an IIA, or of any other versioned JSON
// document): every leaf that differs, with its path and both values. A field present on only one
// side differs from nothing. Used for history diffs and for our copy beside the partner's.
//
//   diff_documents({"a":1,"b":[2,3]}, {"a":1,"b":[2,4],"c":true})
//     → [{"b[1]", "3", "4"}, {"c", nullopt, "true"}]
#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace mobility::agreements {

struct FieldDifference {
  std::string path;                   // "mobility_specs[0].subject_areas[1].isced_f_code"
  std::optional<std::string> before;  // the value as text, absent when the field was not there
  std::optional<std::string> after;

  bool operator==(const FieldDifference&) const = default;
};

// Differences in the order of the fields' paths.
std::vector<FieldDifference> diff_documents(const nlohmann::json& before, const nlohmann::json& after);

// Every leaf of `document` with its path (as diff_documents names them), in the order of the paths.
std::vector<std::pair<std::string, std::string>> document_fields(const nlohmann::json& document);

// true when `path` is `prefix` or lies below it ("partners[1]" covers "partners[1].iia_id").
bool path_within(std::string_view path, std::string_view prefix);

}  // namespace mobility::agreements
