#include "db/learning_agreements.hpp"

#include "db/param.hpp"

namespace mobility::db {
namespace {

Result<std::vector<std::string>> ids_of(Result<Rows> rows) {
  if (!rows) return rows.status();
  std::vector<std::string> ids;
  for (Row row : *rows) ids.push_back(row.get<std::string>(0));
  return ids;
}

}  // namespace

Status lock_learning_agreement(Connection& connection, const std::string& omobility_id) {
  auto inserted =
      connection.exec("INSERT INTO learning_agreement (omobility_id) VALUES ($1) ON CONFLICT DO NOTHING", {omobility_id});
  if (!inserted) return inserted.status();
  return connection.exec("SELECT 1 FROM learning_agreement WHERE omobility_id = $1 FOR UPDATE", {omobility_id}).status();
}

Result<std::vector<LaVersionRecord>> list_la_versions(Connection& connection, const std::string& omobility_id) {
  auto rows = connection.exec(
      "SELECT version, content::text, changes_proposal_id, state, comment,"
      "       to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS'),"
      "       to_char(decided_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS')"
      "  FROM la_version WHERE omobility_id = $1 ORDER BY version",
      {omobility_id});
  if (!rows) return rows.status();
  std::vector<LaVersionRecord> versions;
  for (Row row : *rows) {
    versions.push_back({row.get<int>(0), row.get<std::string>(1), row.get<std::string>(2), row.get<std::string>(3),
                        row.get<std::optional<std::string>>(4), row.get<std::string>(5), row.get<std::optional<std::string>>(6)});
  }
  return versions;
}

Status insert_la_version(Connection& connection, const std::string& omobility_id, int version, const std::string& content_json,
                         const std::string& changes_proposal_id, const std::string& state) {
  return connection
      .exec(
          "INSERT INTO la_version (omobility_id, version, content, changes_proposal_id, state) "
          "VALUES ($1, $2, $3::jsonb, $4, $5)",
          {omobility_id, version, content_json, changes_proposal_id, state})
      .status();
}

Status update_la_draft(Connection& connection, const std::string& omobility_id, int version, const std::string& content_json,
                       const std::string& changes_proposal_id) {
  auto rows = connection.exec(
      "UPDATE la_version SET content = $3::jsonb, changes_proposal_id = $4 "
      "WHERE omobility_id = $1 AND version = $2 AND state = 'draft' RETURNING 1",
      {omobility_id, version, content_json, changes_proposal_id});
  if (!rows) return rows.status();
  if (rows->empty()) return Status::not_found("no draft version " + std::to_string(version) + " of " + omobility_id);
  return Status::ok();
}

Status replace_la_version_content(Connection& connection, const std::string& omobility_id, int version,
                                  const std::string& content_json) {
  return connection
      .exec("UPDATE la_version SET content = $3::jsonb WHERE omobility_id = $1 AND version = $2",
            {omobility_id, version, content_json})
      .status();
}

Status set_la_version_state(Connection& connection, const std::string& omobility_id, int version, const std::string& state,
                            const std::optional<std::string>& comment) {
  return connection
      .exec(
          "UPDATE la_version SET state = $3, comment = coalesce($4, comment),"
          "       decided_at = CASE WHEN $3 IN ('approved', 'commented') THEN now() ELSE decided_at END "
          "WHERE omobility_id = $1 AND version = $2",
          {omobility_id, version, state, comment})
      .status();
}

Status touch_learning_agreement(Connection& connection, const std::string& omobility_id, bool shared) {
  return connection
      .exec(
          "UPDATE learning_agreement SET modified_at = now(),"
          "       shared_at = CASE WHEN $2 THEN coalesce(shared_at, now()) ELSE shared_at END WHERE omobility_id = $1",
          {omobility_id, shared})
      .status();
}

Status withdraw_learning_agreement(Connection& connection, const std::string& omobility_id) {
  auto versions = connection.exec("UPDATE la_version SET state = 'withdrawn' WHERE omobility_id = $1", {omobility_id});
  if (!versions) return versions.status();
  return connection
      .exec("UPDATE learning_agreement SET shared_at = NULL, modified_at = now() WHERE omobility_id = $1", {omobility_id})
      .status();
}

Result<std::vector<std::string>> find_visible_la_ids(Connection& connection, const std::string& sending_hei_id,
                                                     const std::vector<std::string>& omobility_ids,
                                                     const std::vector<std::string>& caller_hei_ids) {
  return ids_of(
      connection.exec("SELECT m.omobility_id FROM learning_agreement a JOIN omobility m USING (omobility_id)"
                      " WHERE a.omobility_id = ANY($2::text[]) AND a.shared_at IS NOT NULL AND NOT m.withdrawn"
                      "   AND m.sending_hei_id = $1"
                      "   AND (m.receiving_hei_id = ANY($3::text[]) OR m.sending_hei_id = ANY($3::text[]))"
                      " ORDER BY array_position($2::text[], m.omobility_id::text)",
                      {sending_hei_id, text_array(omobility_ids), text_array(caller_hei_ids)}));
}

// The sending HEI is fixed, so a caller covering it is a constant and the rest is one range of
// omobility_by_sender. Each of those mobilities then looks up its own agreement (the LATERAL ...
// LIMIT 1 is never flattened into a join): a hash join would read every agreement of the node,
// 500,000 rows for a partner's 2,500 (bench/mobilities).
Result<std::vector<std::string>> list_la_ids(Connection& connection, const LaFilter& filter) {
  return ids_of(
      connection.exec("SELECT m.omobility_id FROM omobility m"
                      " CROSS JOIN LATERAL (SELECT a.modified_at FROM learning_agreement a"
                      "                      WHERE a.omobility_id = m.omobility_id AND a.shared_at IS NOT NULL LIMIT 1) a"
                      " WHERE NOT m.withdrawn AND m.sending_hei_id = $2"
                      "   AND (m.receiving_hei_id = ANY($1::text[]) OR $2 = ANY($1::text[]))"
                      "   AND (cardinality($3::text[]) = 0 OR m.receiving_hei_id = ANY($3::text[]))"
                      "   AND ($4::text IS NULL OR m.receiving_academic_year_id = $4)"
                      "   AND ($5::text IS NULL OR m.global_id = $5)"
                      "   AND ($6::text IS NULL OR m.content #>> '{nomination,activity_attributes}' = $6)"
                      "   AND ($7::text IS NULL OR greatest(a.modified_at, m.modified_at) > $7::timestamptz)"
                      " ORDER BY m.created_at, m.omobility_id",
                      {text_array(filter.caller_hei_ids), filter.sending_hei_id, text_array(filter.receiving_hei_ids),
                       filter.receiving_academic_year_id, filter.global_id, filter.activity_attributes, filter.modified_since}));
}

Result<std::vector<LaStats>> la_stats(Connection& connection, const std::vector<std::string>& sending_hei_ids) {
  auto rows = connection.exec(R"(
    WITH agreement AS (
      SELECT m.receiving_academic_year_id AS year,
             (SELECT count(*) FROM la_version v WHERE v.omobility_id = a.omobility_id AND v.state = 'approved') AS approved,
             EXISTS (SELECT 1 FROM la_version v WHERE v.omobility_id = a.omobility_id AND v.state IN ('proposed', 'commented')
                        AND v.version > (SELECT coalesce(min(f.version), 0) FROM la_version f
                                          WHERE f.omobility_id = a.omobility_id AND f.state = 'approved')) AS later_proposal,
             (SELECT v.state FROM la_version v WHERE v.omobility_id = a.omobility_id
                 AND v.state IN ('proposed', 'commented', 'approved') ORDER BY v.version DESC LIMIT 1) AS latest
        FROM learning_agreement a JOIN omobility m USING (omobility_id)
       WHERE a.shared_at IS NOT NULL AND NOT m.withdrawn AND m.sending_hei_id = ANY($1::text[]))
    SELECT year, count(*),
           count(*) FILTER (WHERE approved = 1 AND NOT later_proposal),
           count(*) FILTER (WHERE approved >= 1 AND (approved > 1 OR later_proposal)),
           count(*) FILTER (WHERE latest = 'approved'),
           count(*) FILTER (WHERE latest = 'commented'),
           count(*) FILTER (WHERE latest = 'proposed')
      FROM agreement GROUP BY year ORDER BY year)",
                              {text_array(sending_hei_ids)});
  if (!rows) return rows.status();
  std::vector<LaStats> stats;
  for (Row row : *rows) {
    stats.push_back({row.get<std::string>(0), row.get<int64_t>(1), row.get<int64_t>(2), row.get<int64_t>(3), row.get<int64_t>(4),
                     row.get<int64_t>(5), row.get<int64_t>(6)});
  }
  return stats;
}

}  // namespace mobility::db
