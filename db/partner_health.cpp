#include "db/partner_health.hpp"

namespace mobility::db {

Result<std::vector<PartnerHealth>> list_partner_health(Connection& connection, const std::string& language) {
  auto rows = connection.exec(R"(
    WITH outgoing AS (
      SELECT partner_hei_id, count(*) FILTER (WHERE state = 'pending') AS pending,
             count(*) FILTER (WHERE state IN ('gave_up', 'no_cnr_api')) AS failed
        FROM cnr_outbox GROUP BY partner_hei_id),
    incoming AS (
      SELECT partner_hei_id, count(*) AS pending FROM cnr_inbox WHERE state = 'pending' GROUP BY partner_hei_id)
    SELECT h.hei_id, coalesce(n.name, h.hei_id) AS name,
           to_char(c.last_success_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS') AS last_success_at,
           to_char(c.last_error_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS') AS last_error_at, c.last_error,
           coalesce(o.pending, 0) AS outgoing_pending, coalesce(o.failed, 0) AS outgoing_failed,
           coalesce(i.pending, 0) AS incoming_pending
      FROM hei h
      LEFT JOIN LATERAL (SELECT name FROM hei_name WHERE hei_id = h.hei_id
                          ORDER BY lang = $1 DESC, lang = 'en' DESC, lang LIMIT 1) n ON true
      LEFT JOIN partner_contact c ON c.partner_hei_id = h.hei_id
      LEFT JOIN outgoing o ON o.partner_hei_id = h.hei_id
      LEFT JOIN incoming i ON i.partner_hei_id = h.hei_id
     WHERE NOT EXISTS (SELECT 1 FROM hosted_hei hh WHERE hh.hei_id = h.hei_id)
     ORDER BY name, h.hei_id)",
                              {language});
  if (!rows) return rows.status();
  std::vector<PartnerHealth> partners;
  for (Row row : *rows) {
    partners.push_back({row.get<std::string>("hei_id"), row.get<std::string>("name"),
                        row.get<std::optional<std::string>>("last_success_at"), row.get<std::optional<std::string>>("last_error_at"),
                        row.get<std::optional<std::string>>("last_error"), row.get<int64_t>("outgoing_pending"),
                        row.get<int64_t>("outgoing_failed"), row.get<int64_t>("incoming_pending")});
  }
  return partners;
}

}  // namespace mobility::db
