// Reference fetches repository (table reference_fetch): per partner HEI and reference-data API
// (Institutions, Organizational Units, Factsheet, Courses), how our last fetch went, and which partners
// are due for another. Partners are the HEIs in table hei without a hosted_hei row.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "db/connection.hpp"

namespace mobility::db {

enum class ReferenceApi { kInstitutions, kOunits, kFactsheet, kCourses };
inline constexpr ReferenceApi kReferenceApis[] = {ReferenceApi::kInstitutions, ReferenceApi::kOunits, ReferenceApi::kFactsheet,
                                                  ReferenceApi::kCourses};

// "institutions", "organizational-units", "factsheet", "courses" (the EWP API names).
const char* reference_api_name(ReferenceApi api);

enum class FetchOutcome { kFetched, kNoApi, kFailed };

// "fetched", "no_api", "failed" (as table reference_fetch spells them).
const char* fetch_outcome_name(FetchOutcome outcome);

struct RefreshAges {
  std::chrono::seconds refresh;       // fetched data, or a missing API, this old is asked again
  std::chrono::seconds retry_failed;  // a failed fetch is tried again after this
};

// Up to `limit` partners due for a refresh, least recently tried first: those never fetched (a
// new partner) or with an API never tried, those whose refresh was requested, and those with an
// outcome older than its age in `ages`.
Result<std::vector<std::string>> partners_due_for_reference(Connection& connection, const RefreshAges& ages, int limit);

// Remembers how fetching `api` from the partner went now; `error` says why it failed or which API
// is missing (nullopt when fetched). Clears a pending request for a refresh.
Status record_reference_fetch(Connection& connection, const std::string& partner_hei_id, ReferenceApi api, FetchOutcome outcome,
                              const std::optional<std::string>& error);

// "Refresh now": the partner is due at the next round whatever the age of its data.
Status request_reference_refresh(Connection& connection, const std::string& partner_hei_id);

struct ReferenceFetch {
  std::string api;
  std::string outcome;                         // fetched, no_api, failed
  std::string last_attempt_at;                 // ISO 8601 UTC
  std::optional<std::string> last_success_at;  // ISO 8601 UTC
  std::optional<std::string> last_error;
};

// How each API was last fetched from the partner, by API name (for the partner health page).
Result<std::vector<ReferenceFetch>> reference_fetches(Connection& connection, const std::string& partner_hei_id);

}  // namespace mobility::db
