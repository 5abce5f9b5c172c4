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

// true when this node serves `hei_id` over EWP.
Result<bool> is_hosted_hei(Connection& connection, const std::string& hei_id);

// The name of an HEI, or of one of its organizational units, in `language` if it has one, else
// in English, else in any language; nullopt when the HEI or unit has no name.
Result<std::optional<std::string>> hei_name(Connection& connection, const std::string& hei_id, const std::string& language);
Result<std::optional<std::string>> ounit_name(Connection& connection, const std::string& hei_id,
                                              const std::string& ounit_id, const std::string& language);

}  // namespace mobility::db
