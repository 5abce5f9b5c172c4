#include "db/iias.hpp"

namespace mobility::db {
namespace {

// Our copy with its current content and the approvals in both directions. The partner's copy is
// the one bound to ours (same partner HEI and its id), and counts only while it is not gone.
constexpr const char* kIiaColumns = R"(
    i.hei_id, i.iia_id, i.partner_hei_id, i.partner_iia_id, i.iia_code, i.ounit_id, i.state,
    i.current_version, i.iia_hash, i.approved_version,
    to_char(i.modified_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS modified_at,
    v.content::text AS content_json,
    r.iia_hash AS partner_approved_hash,
    g.iia_hash AS our_approved_partner_hash,
    pv.iia_hash AS partner_copy_hash)";

constexpr const char* kIiaJoins = R"(
      JOIN iia_version v ON v.hei_id = i.hei_id AND v.iia_id = i.iia_id AND v.version = i.current_version
      LEFT JOIN iia_approval_received r ON r.hei_id = i.hei_id AND r.iia_id = i.iia_id
      LEFT JOIN partner_iia p ON p.hei_id = i.hei_id AND p.partner_hei_id = i.partner_hei_id
                             AND p.partner_iia_id = i.partner_iia_id AND p.gone_at IS NULL
      LEFT JOIN partner_iia_version pv ON pv.hei_id = p.hei_id AND pv.partner_hei_id = p.partner_hei_id
                                      AND pv.partner_iia_id = p.partner_iia_id AND pv.version = p.current_version
      LEFT JOIN iia_approval_given g ON g.hei_id = p.hei_id AND g.partner_hei_id = p.partner_hei_id
                                    AND g.partner_iia_id = p.partner_iia_id)";

std::string select_iias(const std::string& where_and_order) {
  return std::string("SELECT") + kIiaColumns + "\n FROM iia i" + kIiaJoins + "\n" + where_and_order;
}

IiaRecord iia_of(const Row& row) {
  return {row.get<std::string>("hei_id"),
          row.get<std::string>("iia_id"),
          row.get<std::string>("partner_hei_id"),
          row.get<std::optional<std::string>>("partner_iia_id"),
          row.get<std::string>("iia_code"),
          row.get<std::optional<std::string>>("ounit_id"),
          row.get<std::string>("state"),
          row.get<int>("current_version"),
          row.get<std::string>("iia_hash"),
          row.get<std::optional<int>>("approved_version"),
          row.get<std::string>("modified_at"),
          row.get<std::string>("content_json"),
          row.get<std::optional<std::string>>("partner_approved_hash"),
          row.get<std::optional<std::string>>("our_approved_partner_hash"),
          row.get<std::optional<std::string>>("partner_copy_hash")};
}

Result<std::vector<IiaRecord>> iias_of(Result<Rows> rows) {
  if (!rows) return rows.status();
  std::vector<IiaRecord> iias;
  for (Row row : *rows) iias.push_back(iia_of(row));
  return iias;
}

Status insert_version(Connection& connection, const std::string& hei_id, const std::string& iia_id, int version,
                      const std::string& content_json, const std::string& iia_hash, const IiaChange& change) {
  return connection
      .exec(
          "INSERT INTO iia_version (hei_id, iia_id, version, content, iia_hash, account_id, changed_by, reason) "
          "VALUES ($1, $2, $3, $4::jsonb, $5, $6, $7, $8)",
          {hei_id, iia_id, version, content_json, iia_hash, change.account_id, change.changed_by, change.reason})
      .status();
}

}  // namespace

Result<std::string> create_iia(Connection& connection, const NewIia& iia, const IiaChange& change) {
  auto rows = connection.exec(
      "INSERT INTO iia (hei_id, iia_id, partner_hei_id, iia_code, ounit_id, iia_hash, partner_iia_id) "
      "VALUES ($1, coalesce($2, gen_random_uuid()::text), $3, $4, $5, $6, $7) RETURNING iia_id",
      {iia.hei_id, iia.iia_id, iia.partner_hei_id, iia.iia_code, iia.ounit_id, iia.iia_hash, iia.partner_iia_id});
  if (!rows) return rows.status();
  std::string iia_id = rows->front().get<std::string>(0);
  if (Status inserted = insert_version(connection, iia.hei_id, iia_id, 1, iia.content_json, iia.iia_hash, change); !inserted) {
    return inserted;
  }
  return iia_id;
}

Result<int> add_iia_version(Connection& connection, const std::string& hei_id, const std::string& iia_id, int expected_version,
                            const IiaContent& content, const IiaChange& change) {
  auto rows = connection.exec(
      "UPDATE iia SET current_version = current_version + 1, iia_hash = $4, partner_iia_id = $5, modified_at = now() "
      " WHERE hei_id = $1 AND iia_id = $2 AND current_version = $3 AND state <> 'deleted' RETURNING current_version",
      {hei_id, iia_id, expected_version, content.iia_hash, content.partner_iia_id});
  if (!rows) return rows.status();
  if (rows->empty()) {
    return Status::conflict("agreement " + iia_id + " was changed by someone else, or deleted, since version " +
                            std::to_string(expected_version));
  }
  int version = rows->front().get<int>(0);
  if (Status inserted = insert_version(connection, hei_id, iia_id, version, content.content_json, content.iia_hash, change);
      !inserted) {
    return inserted;
  }
  return version;
}

Status set_iia_state(Connection& connection, const std::string& hei_id, const std::string& iia_id, const std::string& state) {
  auto rows =
      connection.exec("UPDATE iia SET state = $3, modified_at = now() WHERE hei_id = $1 AND iia_id = $2 AND state <> 'deleted'",
                      {hei_id, iia_id, state});
  if (!rows) return rows.status();
  if (rows->affected() == 0) return Status::not_found("no agreement " + iia_id + " that can still change");
  return Status::ok();
}

Result<std::optional<IiaRecord>> find_iia(Connection& connection, const std::string& hei_id, const std::string& iia_id) {
  auto iias = iias_of(connection.exec(select_iias("WHERE i.hei_id = $1 AND i.iia_id = $2"), {hei_id, iia_id}));
  if (!iias) return iias.status();
  if (iias->empty()) return std::optional<IiaRecord>();
  return std::optional<IiaRecord>(std::move(iias->front()));
}

Result<std::vector<IiaRecord>> find_shared_iias(Connection& connection, const std::vector<std::string>& iia_ids,
                                                const std::vector<std::string>& partner_hei_ids) {
  return iias_of(connection.exec(select_iias(R"(
      JOIN (SELECT id, min(n) AS n FROM unnest($1::text[]) WITH ORDINALITY AS wanted (id, n) GROUP BY id) w ON w.id = i.iia_id
     WHERE i.state = 'shared' AND i.partner_hei_id = ANY ($2::text[])
     ORDER BY w.n)"),
                                 {text_array(iia_ids), text_array(partner_hei_ids)}));
}

Result<std::vector<std::string>> list_shared_iia_ids(Connection& connection, const IiaIndexFilter& filter) {
  auto rows = connection.exec(
      R"(
    SELECT i.iia_id
      FROM iia i
      JOIN iia_version v ON v.hei_id = i.hei_id AND v.iia_id = i.iia_id AND v.version = i.current_version
     WHERE i.state = 'shared' AND i.partner_hei_id = ANY ($1::text[])
       AND (cardinality($2::text[]) = 0 OR EXISTS (
             SELECT 1 FROM jsonb_array_elements(v.content -> 'mobility_specs') AS s, unnest($2::text[]) AS year
              WHERE year BETWEEN s ->> 'receiving_first_academic_year_id' AND s ->> 'receiving_last_academic_year_id'))
       AND ($3::timestamptz IS NULL OR i.modified_at > $3::timestamptz)
     ORDER BY i.iia_id)",
      {text_array(filter.partner_hei_ids), text_array(filter.receiving_academic_year_ids), filter.modified_since});
  if (!rows) return rows.status();
  std::vector<std::string> ids;
  for (Row row : *rows) ids.push_back(row.get<std::string>(0));
  return ids;
}

Result<std::optional<std::string>> hosted_hei_of_iia(Connection& connection, const std::string& iia_id,
                                                     const std::string& partner_hei_id) {
  auto rows = connection.exec("SELECT hei_id FROM iia WHERE iia_id = $1 AND partner_hei_id = $2 AND state <> 'deleted'",
                              {iia_id, partner_hei_id});
  if (!rows) return rows.status();
  if (rows->empty()) return std::optional<std::string>();
  return std::optional<std::string>(rows->front().get<std::string>(0));
}

Result<std::vector<std::string>> iias_bound_to(Connection& connection, const std::string& hei_id,
                                               const std::string& partner_hei_id, const std::string& partner_iia_id) {
  auto rows = connection.exec(
      "SELECT iia_id FROM iia WHERE hei_id = $1 AND partner_hei_id = $2 AND partner_iia_id = $3 AND state <> 'deleted' "
      "ORDER BY iia_id",
      {hei_id, partner_hei_id, partner_iia_id});
  if (!rows) return rows.status();
  std::vector<std::string> ids;
  for (Row row : *rows) ids.push_back(row.get<std::string>(0));
  return ids;
}

Result<std::vector<IiaChoice>> list_unbound_iias(Connection& connection, const std::string& hei_id,
                                                 const std::string& partner_hei_id) {
  auto rows = connection.exec(
      "SELECT iia_id, iia_code, state FROM iia WHERE hei_id = $1 AND partner_hei_id = $2 AND partner_iia_id IS NULL "
      "AND state <> 'deleted' ORDER BY iia_code, iia_id",
      {hei_id, partner_hei_id});
  if (!rows) return rows.status();
  std::vector<IiaChoice> choices;
  for (Row row : *rows) choices.push_back({row.get<std::string>(0), row.get<std::string>(1), row.get<std::string>(2)});
  return choices;
}

Result<std::vector<IiaRecord>> list_iias(Connection& connection, const std::string& hei_id) {
  return iias_of(connection.exec(select_iias("WHERE i.hei_id = $1 ORDER BY i.modified_at DESC, i.iia_id"), {hei_id}));
}

Result<std::vector<IiaVersionRecord>> list_iia_versions(Connection& connection, const std::string& hei_id,
                                                        const std::string& iia_id) {
  auto rows = connection.exec(R"(
    SELECT version, content::text AS content_json, iia_hash,
           to_char(changed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS changed_at, changed_by, reason
      FROM iia_version WHERE hei_id = $1 AND iia_id = $2 ORDER BY version)",
                              {hei_id, iia_id});
  if (!rows) return rows.status();
  std::vector<IiaVersionRecord> versions;
  for (Row row : *rows) {
    versions.push_back({row.get<int>("version"), row.get<std::string>("content_json"), row.get<std::string>("iia_hash"),
                        row.get<std::string>("changed_at"), row.get<std::string>("changed_by"), row.get<std::string>("reason")});
  }
  return versions;
}

Result<IiaStatsRecord> iia_stats(Connection& connection) {
  auto rows = connection.exec(std::string(R"(
    WITH copies AS (
      SELECT coalesce(r.iia_hash = i.iia_hash, false) AS partner_approved,
             coalesce(g.iia_hash = pv.iia_hash, false) AS local_approved)") +
                              "\n FROM iia i" + kIiaJoins + R"(
       WHERE i.state = 'shared')
    SELECT count(*) AS fetchable,
           count(*) FILTER (WHERE partner_approved AND NOT local_approved) AS local_unapproved_partner_approved,
           count(*) FILTER (WHERE local_approved AND NOT partner_approved) AS local_approved_partner_unapproved,
           count(*) FILTER (WHERE local_approved AND partner_approved) AS both_approved
      FROM copies)");
  if (!rows) return rows.status();
  Row row = rows->front();
  return IiaStatsRecord{row.get<int64_t>("fetchable"), row.get<int64_t>("local_unapproved_partner_approved"),
                        row.get<int64_t>("local_approved_partner_unapproved"), row.get<int64_t>("both_approved")};
}

}  // namespace mobility::db
