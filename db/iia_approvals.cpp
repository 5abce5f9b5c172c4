#include "db/iia_approvals.hpp"

#include "db/institutions.hpp"

namespace mobility::db {

Result<int> save_partner_copy(Connection& connection, const PartnerCopy& copy) {
  // The partner may be new to us (its first proposal): the registry vouched for it, so it becomes
  // a known partner whose name and units the reference refresher then fetches.
  if (auto known = add_partner_hei(connection, copy.partner_hei_id); !known) return known.status();
  auto current = connection.exec(R"(
    INSERT INTO partner_iia (hei_id, partner_hei_id, partner_iia_id, iia_id, last_fetched_at, gone_at)
    VALUES ($1, $2, $3, $4, now(), NULL)
    ON CONFLICT (hei_id, partner_hei_id, partner_iia_id)
      DO UPDATE SET iia_id = EXCLUDED.iia_id, last_fetched_at = now(), gone_at = NULL
    RETURNING current_version)",
                                 {copy.hei_id, copy.partner_hei_id, copy.partner_iia_id, copy.iia_id});
  if (!current) return current.status();
  auto unchanged = connection.exec(R"(
    SELECT version FROM partner_iia_version
     WHERE hei_id = $1 AND partner_hei_id = $2 AND partner_iia_id = $3 AND version = $4
       AND content = $5::jsonb AND iia_hash = $6)",
                                   {copy.hei_id, copy.partner_hei_id, copy.partner_iia_id,
                                    current->front().get<std::optional<int>>(0), copy.content_json, copy.iia_hash});
  if (!unchanged) return unchanged.status();
  if (!unchanged->empty()) return unchanged->front().get<int>(0);
  auto added = connection.exec(R"(
    WITH next AS (
      UPDATE partner_iia SET current_version = coalesce(current_version, 0) + 1
       WHERE hei_id = $1 AND partner_hei_id = $2 AND partner_iia_id = $3 RETURNING current_version)
    INSERT INTO partner_iia_version (hei_id, partner_hei_id, partner_iia_id, version, content, iia_hash, hash_verified, valid_for_approval)
    SELECT $1, $2, $3, current_version, $4::jsonb, $5, $6, $7 FROM next RETURNING version)",
                               {copy.hei_id, copy.partner_hei_id, copy.partner_iia_id, copy.content_json, copy.iia_hash,
                                copy.hash_verified, copy.valid_for_approval});
  if (!added) return added.status();
  return added->front().get<int>(0);
}

Result<std::optional<PartnerCopy>> find_partner_copy(Connection& connection, const std::string& hei_id,
                                                     const std::string& partner_hei_id, const std::string& partner_iia_id) {
  auto rows = connection.exec(R"(
    SELECT p.iia_id, v.content::text, v.iia_hash, v.hash_verified, v.valid_for_approval
      FROM partner_iia p
      JOIN partner_iia_version v USING (hei_id, partner_hei_id, partner_iia_id)
     WHERE p.hei_id = $1 AND p.partner_hei_id = $2 AND p.partner_iia_id = $3 AND v.version = p.current_version
       AND p.gone_at IS NULL)",
                              {hei_id, partner_hei_id, partner_iia_id});
  if (!rows) return rows.status();
  if (rows->empty()) return std::optional<PartnerCopy>();
  Row row = rows->front();
  return std::optional<PartnerCopy>(PartnerCopy{hei_id, partner_hei_id, partner_iia_id, row.get<std::optional<std::string>>(0),
                                                row.get<std::string>(1), row.get<std::string>(2), row.get<bool>(3),
                                                row.get<bool>(4)});
}

Result<std::vector<UnboundPartnerCopy>> list_unbound_partner_copies(Connection& connection, const std::string& hei_id) {
  auto rows = connection.exec(R"(
    SELECT p.partner_hei_id, p.partner_iia_id, v.content -> 'partners' -> 0 ->> 'iia_code' AS partner_iia_code,
           to_char(v.fetched_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') AS fetched_at
      FROM partner_iia p
      JOIN partner_iia_version v USING (hei_id, partner_hei_id, partner_iia_id)
     WHERE p.hei_id = $1 AND v.version = p.current_version AND p.gone_at IS NULL
       AND NOT EXISTS (SELECT 1 FROM iia i WHERE i.hei_id = p.hei_id AND i.partner_hei_id = p.partner_hei_id
                          AND i.partner_iia_id = p.partner_iia_id AND i.state <> 'deleted')
     ORDER BY v.fetched_at DESC, p.partner_iia_id)",
                              {hei_id});
  if (!rows) return rows.status();
  std::vector<UnboundPartnerCopy> copies;
  for (Row row : *rows) {
    copies.push_back(
        {row.get<std::string>(0), row.get<std::string>(1), row.get<std::optional<std::string>>(2), row.get<std::string>(3)});
  }
  return copies;
}

Status approve_partner_copy(Connection& connection, const std::string& hei_id, const std::string& partner_hei_id,
                            const std::string& partner_iia_id, std::optional<int64_t> account_id,
                            const std::string& approved_by) {
  auto rows = connection.exec(R"(
    INSERT INTO iia_approval_given (hei_id, partner_hei_id, partner_iia_id, iia_hash, account_id, approved_by)
    SELECT p.hei_id, p.partner_hei_id, p.partner_iia_id, v.iia_hash, $4, $5
      FROM partner_iia p
      JOIN partner_iia_version v USING (hei_id, partner_hei_id, partner_iia_id)
     WHERE p.hei_id = $1 AND p.partner_hei_id = $2 AND p.partner_iia_id = $3 AND v.version = p.current_version
       AND p.gone_at IS NULL AND v.hash_verified AND v.valid_for_approval AND p.iia_id IS NOT NULL
    ON CONFLICT (hei_id, partner_hei_id, partner_iia_id)
      DO UPDATE SET iia_hash = EXCLUDED.iia_hash, approved_at = now(), account_id = EXCLUDED.account_id,
                    approved_by = EXCLUDED.approved_by)",
                              {hei_id, partner_hei_id, partner_iia_id, account_id, approved_by});
  if (!rows) return rows.status();
  if (rows->affected() == 0) {
    return Status::conflict(
        "the partner's copy " + partner_iia_id +
        " cannot be approved: it is unknown, gone, not bound to our copy, fails its hash check or holds legacy values");
  }
  return Status::ok();
}

Result<bool> withdraw_approval_given(Connection& connection, const std::string& hei_id, const std::string& partner_hei_id,
                                     const std::string& partner_iia_id) {
  auto rows = connection.exec("DELETE FROM iia_approval_given WHERE hei_id = $1 AND partner_hei_id = $2 AND partner_iia_id = $3",
                              {hei_id, partner_hei_id, partner_iia_id});
  if (!rows) return rows.status();
  return rows->affected() > 0;
}

Status mark_partner_copy_gone(Connection& connection, const std::string& hei_id, const std::string& partner_hei_id,
                              const std::string& partner_iia_id) {
  return connection
      .exec(
          "UPDATE partner_iia SET gone_at = coalesce(gone_at, now()), last_fetched_at = now() "
          "WHERE hei_id = $1 AND partner_hei_id = $2 AND partner_iia_id = $3",
          {hei_id, partner_hei_id, partner_iia_id})
      .status();
}

Result<std::vector<std::string>> holders_of_partner_copy(Connection& connection, const std::string& partner_hei_id,
                                                         const std::string& partner_iia_id) {
  auto rows = connection.exec("SELECT hei_id FROM partner_iia WHERE partner_hei_id = $1 AND partner_iia_id = $2 ORDER BY hei_id",
                              {partner_hei_id, partner_iia_id});
  if (!rows) return rows.status();
  std::vector<std::string> heis;
  for (Row row : *rows) heis.push_back(row.get<std::string>(0));
  return heis;
}

Status save_partner_approval(Connection& connection, const std::string& hei_id, const std::string& iia_id,
                             const std::optional<std::string>& iia_hash) {
  if (!iia_hash) {
    return connection.exec("DELETE FROM iia_approval_received WHERE hei_id = $1 AND iia_id = $2", {hei_id, iia_id}).status();
  }
  return connection
      .exec(
          "INSERT INTO iia_approval_received (hei_id, iia_id, iia_hash) VALUES ($1, $2, $3) "
          "ON CONFLICT (hei_id, iia_id) DO UPDATE SET iia_hash = EXCLUDED.iia_hash, received_at = now()",
          {hei_id, iia_id, *iia_hash})
      .status();
}

Result<std::vector<GivenApproval>> find_given_approvals(Connection& connection, const std::vector<std::string>& partner_iia_ids,
                                                        const std::vector<std::string>& partner_hei_ids) {
  auto rows = connection.exec(R"(
    SELECT g.partner_iia_id, g.iia_hash
      FROM iia_approval_given g
      JOIN (SELECT id, min(n) AS n FROM unnest($1::text[]) WITH ORDINALITY AS wanted (id, n) GROUP BY id) w
        ON w.id = g.partner_iia_id
     WHERE g.partner_hei_id = ANY ($2::text[])
     ORDER BY w.n)",
                              {text_array(partner_iia_ids), text_array(partner_hei_ids)});
  if (!rows) return rows.status();
  std::vector<GivenApproval> approvals;
  for (Row row : *rows) approvals.push_back({row.get<std::string>(0), row.get<std::string>(1)});
  return approvals;
}

Result<std::optional<PartnerCopyRecord>> find_partner_copy_of(Connection& connection, const std::string& hei_id,
                                                              const std::string& iia_id) {
  auto rows = connection.exec(R"(
    SELECT p.partner_iia_id, p.iia_id AS names_iia_id, coalesce(p.partner_iia_id = i.partner_iia_id, false) AS bound_by_us,
           v.version, v.content::text AS content_json, v.iia_hash, v.hash_verified, v.valid_for_approval,
           to_char(v.fetched_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS fetched_at
      FROM iia i
      JOIN partner_iia p ON p.hei_id = i.hei_id AND p.partner_hei_id = i.partner_hei_id
                        AND (p.partner_iia_id = i.partner_iia_id OR p.iia_id = i.iia_id)
      JOIN partner_iia_version v ON v.hei_id = p.hei_id AND v.partner_hei_id = p.partner_hei_id
                                AND v.partner_iia_id = p.partner_iia_id AND v.version = p.current_version
     WHERE i.hei_id = $1 AND i.iia_id = $2 AND p.gone_at IS NULL
     ORDER BY bound_by_us DESC, v.fetched_at DESC
     LIMIT 1)",
                              {hei_id, iia_id});
  if (!rows) return rows.status();
  if (rows->empty()) return std::optional<PartnerCopyRecord>();
  Row row = rows->front();
  return std::optional<PartnerCopyRecord>(PartnerCopyRecord{
      row.get<std::string>("partner_iia_id"), row.get<std::optional<std::string>>("names_iia_id"), row.get<bool>("bound_by_us"),
      row.get<int>("version"), row.get<std::string>("content_json"), row.get<std::string>("iia_hash"),
      row.get<bool>("hash_verified"), row.get<bool>("valid_for_approval"), row.get<std::string>("fetched_at")});
}

Result<bool> record_mutual_approval(Connection& connection, const std::string& hei_id, const std::string& iia_id) {
  auto rows = connection.exec(R"(
    UPDATE iia i SET approved_version = i.current_version
      FROM iia_approval_received r, partner_iia p, partner_iia_version pv, iia_approval_given g
     WHERE i.hei_id = $1 AND i.iia_id = $2 AND i.approved_version IS DISTINCT FROM i.current_version
       AND r.hei_id = i.hei_id AND r.iia_id = i.iia_id AND r.iia_hash = i.iia_hash
       AND p.hei_id = i.hei_id AND p.partner_hei_id = i.partner_hei_id AND p.partner_iia_id = i.partner_iia_id
       AND p.gone_at IS NULL
       AND pv.hei_id = p.hei_id AND pv.partner_hei_id = p.partner_hei_id AND pv.partner_iia_id = p.partner_iia_id
       AND pv.version = p.current_version
       AND g.hei_id = p.hei_id AND g.partner_hei_id = p.partner_hei_id AND g.partner_iia_id = p.partner_iia_id
       AND g.iia_hash = pv.iia_hash)",
                              {hei_id, iia_id});
  if (!rows) return rows.status();
  return rows->affected() > 0;
}

}  // namespace mobility::db
