// The page comparing two versions of a document field by field (templates/compare.mustache), for
// the versions of per-agreement information and of the factsheet.
#pragma once

#include <nlohmann/json.hpp>

#include <string>

#include "portal/web/site.hpp"

namespace mobility::portal {

struct ComparedVersions {
  std::string heading;    // the page's h1
  std::string back_path;  // where the page was opened from
  std::string back_text;
  int from = 0;
  int to = 0;
  nlohmann::json before;
  nlohmann::json after;
};

http::Response compare_page(const PageRequest& page, const ComparedVersions& versions, std::string_view title_key);

}  // namespace mobility::portal
