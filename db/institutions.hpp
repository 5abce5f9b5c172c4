// Institutions repository: the HEIs this node knows, hosted ones first.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "db/connection.hpp"

namespace mobility::db {

struct InstitutionRecord {
  std::string hei_id;
  bool hosted = false;
  std::optional<std::string> abbreviation;
  std::optional<std::string> country_code;
  std::optional<std::string> city;
  std::vector<std::pair<std::string, std::string>> names;  // (language tag, name)
};

// Hosted HEIs first, then partners, each group by hei_id.
Result<std::vector<InstitutionRecord>> list_institutions(Connection& connection);

struct HostedHei {
  std::string hei_id;
  std::string admin_email;
  std::vector<std::pair<std::string, std::string>> names;  // (language tag, name)
};

// The HEIs this node serves over EWP, by hei_id.
Result<std::vector<HostedHei>> list_hosted_heis(Connection& connection);

}  // namespace mobility::db
