#include "db/reference_fetches.hpp"

namespace mobility::db {

const char* fetch_outcome_name(FetchOutcome outcome) {
  switch (outcome) {
    case FetchOutcome::kFetched: return "fetched";
    case FetchOutcome::kNoApi: return "no_api";
    case FetchOutcome::kFailed: return "failed";
  }
  return "failed";
}

const char* reference_api_name(ReferenceApi api) {
  switch (api) {
    case ReferenceApi::kInstitutions: return "institutions";
    case ReferenceApi::kOunits: return "organizational-units";
    case ReferenceApi::kFactsheet: return "factsheet";
    case ReferenceApi::kCourses: return "courses";
  }
  return "institutions";
}

Result<std::vector<std::string>> partners_due_for_reference(Connection& connection, const RefreshAges& ages, int limit) {
  auto rows = connection.exec(R"(
    SELECT h.hei_id
      FROM hei h
      LEFT JOIN reference_fetch f ON f.partner_hei_id = h.hei_id
     WHERE NOT EXISTS (SELECT 1 FROM hosted_hei hh WHERE hh.hei_id = h.hei_id)
     GROUP BY h.hei_id
    HAVING count(f.api) < $1
        OR bool_or(f.requested)
        OR bool_or(f.last_attempt_at <= now() - make_interval(secs => CASE WHEN f.outcome = 'failed' THEN $3::float8 ELSE $2::float8 END))
     ORDER BY min(f.last_attempt_at) NULLS FIRST, h.hei_id
     LIMIT $4)",
                              {static_cast<int>(std::size(kReferenceApis)), static_cast<int64_t>(ages.refresh.count()),
                               static_cast<int64_t>(ages.retry_failed.count()), limit});
  if (!rows) return rows.status();
  std::vector<std::string> partners;
  for (Row row : *rows) partners.push_back(row.get<std::string>(0));
  return partners;
}

Status record_reference_fetch(Connection& connection, const std::string& partner_hei_id, ReferenceApi api, FetchOutcome outcome,
                              const std::optional<std::string>& error) {
  return connection
      .exec(R"(
    INSERT INTO reference_fetch (partner_hei_id, api, outcome, last_attempt_at, last_success_at, last_error)
    VALUES ($1, $2, $3, now(), CASE WHEN $3 = 'fetched' THEN now() END, $4)
    ON CONFLICT (partner_hei_id, api) DO UPDATE
       SET outcome = EXCLUDED.outcome, last_attempt_at = now(), last_error = EXCLUDED.last_error, requested = false,
           last_success_at = COALESCE(EXCLUDED.last_success_at, reference_fetch.last_success_at))",
            {partner_hei_id, reference_api_name(api), fetch_outcome_name(outcome), error})
      .status();
}

Status request_reference_refresh(Connection& connection, const std::string& partner_hei_id) {
  return connection.exec("UPDATE reference_fetch SET requested = true WHERE partner_hei_id = $1", {partner_hei_id}).status();
}

Result<std::vector<ReferenceFetch>> reference_fetches(Connection& connection, const std::string& partner_hei_id) {
  auto rows = connection.exec(R"(
    SELECT api, outcome, to_char(last_attempt_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS last_attempt_at,
           to_char(last_success_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS last_success_at, last_error
      FROM reference_fetch
     WHERE partner_hei_id = $1
     ORDER BY api)",
                              {partner_hei_id});
  if (!rows) return rows.status();
  std::vector<ReferenceFetch> fetches;
  for (Row row : *rows) {
    fetches.push_back({row.get<std::string>("api"), row.get<std::string>("outcome"), row.get<std::string>("last_attempt_at"),
                       row.get<std::optional<std::string>>("last_success_at"),
                       row.get<std::optional<std::string>>("last_error")});
  }
  return fetches;
}

}  // namespace mobility::db
