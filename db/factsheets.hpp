// Factsheets repository: the Mobility Factsheet of each hosted HEI, one complete version per save
// (see db/migrations/0007_factsheet.sql). Reading never changes anything; saving adds a version
// and its audit event in one transaction, or nothing.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "db/connection.hpp"

namespace mobility::db {

struct WebsiteUrl {
  std::string url;       // http:// or https://
  std::string language;  // xml:lang of the site's content; "" when it adapts to the reader
  bool operator==(const WebsiteUrl&) const = default;
};

// EWP's PhoneNumber: e164 ("+4755580000") and/or other_format; ext only with e164.
struct PhoneNumber {
  std::optional<std::string> e164;
  std::optional<std::string> ext;
  std::optional<std::string> other_format;
  bool operator==(const PhoneNumber&) const = default;
};

// Where incoming students get information and help on one subject.
struct InformationEntry {
  std::string email;
  PhoneNumber phone;
  std::vector<WebsiteUrl> website_urls;  // at least one
  bool operator==(const InformationEntry&) const = default;
};

// A deadline in each term, "MM-DD".
struct CalendarEntry {
  std::string autumn_term;
  std::string spring_term;
  bool operator==(const CalendarEntry&) const = default;
};

struct AdditionalRequirement {
  std::string name;  // predefined names ("Motivation letter", "CV", …) are matched verbatim by nominations
  std::string details;
  std::vector<WebsiteUrl> information_websites;
  bool operator==(const AdditionalRequirement&) const = default;
};

struct Accessibility {
  std::string type;  // infrastructure or service
  std::string name;
  std::optional<std::string> description;
  InformationEntry information;
  bool operator==(const Accessibility&) const = default;
};

struct AdditionalInfo {
  std::string type;  // free text: "Recognition process"
  InformationEntry info;
  bool operator==(const AdditionalInfo&) const = default;
};

// Every fact of the EWP Factsheet API v1.2 response, for one HEI.
struct Factsheet {
  std::string hei_id;
  CalendarEntry student_nominations;
  CalendarEntry student_applications;
  InformationEntry application_info;
  std::vector<AdditionalRequirement> additional_requirements;
  int decision_weeks_limit = 0;
  int tor_weeks_limit = 0;
  std::vector<Accessibility> accessibility;
  InformationEntry housing_info;
  InformationEntry visa_info;
  InformationEntry insurance_info;
  std::vector<AdditionalInfo> additional_info;
  bool operator==(const Factsheet&) const = default;
};

// Who saved a version, when and why.
struct FactsheetVersion {
  std::string hei_id;
  int version_number = 0;                      // 1, 2, … per HEI; the highest is the current factsheet
  std::string saved_at;                        // ISO 8601 UTC, filled by the database
  std::optional<int64_t> saved_by_account_id;  // absent for the command line or a removed account
  std::string saved_by;                        // the author's email at the time
  std::string reason;
};

struct StoredFactsheet {
  FactsheetVersion version;
  Factsheet factsheet;
};

struct FactsheetAuthor {
  std::optional<int64_t> account_id;
  std::string actor;  // email, or "operator (command line)"
  std::optional<std::string> role;
};

// The current factsheet of each of `hei_ids` that has one, by hei_id (unknown HEIs and HEIs
// without a factsheet are left out; repeats count once). A fixed number of queries.
Result<std::vector<StoredFactsheet>> current_factsheets(Connection& connection, const std::vector<std::string>& hei_ids);

// One version as it was saved; nullopt when there is no such version.
Result<std::optional<StoredFactsheet>> find_factsheet_version(Connection& connection, const std::string& hei_id,
                                                              int version_number);

// Every version of `hei_id`, newest first, without the facts.
Result<std::vector<FactsheetVersion>> list_factsheet_versions(Connection& connection, const std::string& hei_id);

// Saves `factsheet` as the next version of its HEI and audits it (action factsheet_saved), in one
// transaction; returns the new version number. `based_on_version` is the version the author
// edited (nullopt for the first): kConflict when someone saved another version meanwhile.
// kInvalidArgument for facts the database refuses (bad date, e-mail, URL, week limit) or an
// InformationEntry without a website URL; nothing is stored then.
Result<int> save_factsheet(Connection& connection, const Factsheet& factsheet, const FactsheetAuthor& author,
                           const std::string& reason, std::optional<int> based_on_version);

}  // namespace mobility::db
