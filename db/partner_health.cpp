#include "db/partner_health.hpp"

#include "db/param.hpp"

namespace mobility::db {
namespace {

Param scope_param(const HeiScope& scope) { return scope ? text_array(*scope) : Param(std::nullopt); }

// The partners in scope $2 (NULL: every HEI not hosted here).
constexpr const char* kInScope = R"(
  NOT EXISTS (SELECT 1 FROM hosted_hei hh WHERE hh.hei_id = h.hei_id)
  AND ($2::text[] IS NULL OR EXISTS (SELECT 1 FROM partner_link l
                                      WHERE l.partner_hei_id = h.hei_id AND l.hei_id = ANY($2::text[]))))";

// The inbox items (alias b) about the data of the scope in parameter `scope` (a text[]): IIAs and
// copies of its HEIs, mobilities sent to them or by them. A notification of a mobility not fetched
// yet cannot be told apart; it counts.
std::string inbox_in_scope(const std::string& scope) {
  return "(" + scope +
         "::text[] IS NULL"
         " OR (b.kind = 'iia-approval' AND EXISTS (SELECT 1 FROM iia i WHERE i.hei_id = ANY(" +
         scope +
         "::text[])"
         "       AND i.iia_id = b.object_id AND i.partner_hei_id = b.partner_hei_id))"
         " OR (b.kind = 'iia' AND EXISTS (SELECT 1 FROM partner_iia p WHERE p.hei_id = ANY(" +
         scope +
         "::text[])"
         "       AND p.partner_hei_id = b.partner_hei_id AND p.partner_iia_id = b.object_id))"
         " OR (b.kind IN ('omobility', 'omobility-la') AND NOT EXISTS (SELECT 1 FROM partner_omobility p"
         "       WHERE p.sending_hei_id = b.partner_hei_id AND p.omobility_id = b.object_id"
         "         AND p.receiving_hei_id <> ALL(" +
         scope +
         "::text[])))"
         " OR (b.kind = 'imobility' AND EXISTS (SELECT 1 FROM omobility m WHERE m.omobility_id = b.object_id"
         "       AND m.sending_hei_id = ANY(" +
         scope + "::text[]))))";
}

// Per partner in scope and API, for the `traffic` of each PartnerHealth.
Status add_traffic(Connection& connection, const HeiScope& scope, std::vector<PartnerHealth>& partners) {
  auto rows = connection.exec(std::string(R"(
    SELECT partner_hei_id, 'sent' AS direction, api,
           count(*) FILTER (WHERE state = 'pending') AS pending, count(*) FILTER (WHERE state = 'delivered') AS done,
           count(*) FILTER (WHERE state IN ('gave_up', 'no_cnr_api')) AS failed,
           count(*) FILTER (WHERE state = 'conflict') AS conflict
      FROM cnr_outbox
     WHERE $1::text[] IS NULL OR sender_hei_id = ANY($1::text[])
     GROUP BY partner_hei_id, api
    UNION ALL
    SELECT b.partner_hei_id, 'fetched', b.kind,
           count(*) FILTER (WHERE b.state = 'pending'), count(*) FILTER (WHERE b.state = 'done'),
           count(*) FILTER (WHERE b.state = 'gave_up'), 0
      FROM cnr_inbox b
     WHERE )") + inbox_in_scope("$1") +
                                  R"(
     GROUP BY b.partner_hei_id, b.kind
     ORDER BY 1, 2 DESC, 3)",
                              {scope_param(scope)});
  if (!rows) return rows.status();
  for (Row row : *rows) {
    std::string partner = row.get<std::string>("partner_hei_id");
    for (PartnerHealth& health : partners) {
      if (health.hei_id != partner) continue;
      health.traffic.push_back({row.get<std::string>("direction"), row.get<std::string>("api"), row.get<int64_t>("pending"),
                                row.get<int64_t>("done"), row.get<int64_t>("failed"), row.get<int64_t>("conflict")});
    }
  }
  return Status::ok();
}

}  // namespace

Result<std::vector<PartnerHealth>> list_partner_health(Connection& connection, const std::string& language,
                                                       const HeiScope& scope) {
  auto rows = connection.exec(std::string(R"(
    WITH outgoing AS (
      SELECT partner_hei_id, count(*) FILTER (WHERE state = 'pending') AS pending,
             count(*) FILTER (WHERE state IN ('gave_up', 'no_cnr_api')) AS failed
        FROM cnr_outbox
       WHERE $2::text[] IS NULL OR sender_hei_id = ANY($2::text[])
       GROUP BY partner_hei_id),
    incoming AS (
      SELECT b.partner_hei_id, count(*) AS pending
        FROM cnr_inbox b
       WHERE b.state = 'pending' AND )") +
                                  inbox_in_scope("$2") + R"(
       GROUP BY b.partner_hei_id)
    SELECT h.hei_id, coalesce(n.name, h.hei_id) AS name,
           to_char(c.last_success_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS') AS last_success_at,
           to_char(c.last_error_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS') AS last_error_at, c.last_error,
           coalesce(o.pending, 0) AS outgoing_pending, coalesce(o.failed, 0) AS outgoing_failed,
           coalesce(i.pending, 0) AS incoming_pending,
           EXISTS (SELECT 1 FROM (SELECT hei_ids FROM registry_catalogue ORDER BY fetched_at DESC LIMIT 1) newest
                    WHERE h.hei_id = ANY (newest.hei_ids)) AS has_node
      FROM hei h
      LEFT JOIN LATERAL (SELECT name FROM hei_name WHERE hei_id = h.hei_id
                          ORDER BY lang = $1 DESC, lang = 'en' DESC, lang LIMIT 1) n ON true
      LEFT JOIN partner_contact c ON c.partner_hei_id = h.hei_id
      LEFT JOIN outgoing o ON o.partner_hei_id = h.hei_id
      LEFT JOIN incoming i ON i.partner_hei_id = h.hei_id
     WHERE )" + kInScope + R"(
     ORDER BY name, h.hei_id)",
                              {language, scope_param(scope)});
  if (!rows) return rows.status();
  std::vector<PartnerHealth> partners;
  for (Row row : *rows) {
    partners.push_back({row.get<std::string>("hei_id"),
                        row.get<std::string>("name"),
                        row.get<std::optional<std::string>>("last_success_at"),
                        row.get<std::optional<std::string>>("last_error_at"),
                        row.get<std::optional<std::string>>("last_error"),
                        row.get<int64_t>("outgoing_pending"),
                        row.get<int64_t>("outgoing_failed"),
                        row.get<int64_t>("incoming_pending"),
                        row.get<bool>("has_node"),
                        {}});
  }
  if (Status added = add_traffic(connection, scope, partners); !added) return added;
  return partners;
}

Result<bool> is_partner_in(Connection& connection, const HeiScope& scope, const std::string& partner_hei_id) {
  auto rows = connection.exec(std::string("SELECT 1 FROM hei h WHERE h.hei_id = $1 AND ") + kInScope,
                              {partner_hei_id, scope_param(scope)});
  if (!rows) return rows.status();
  return !rows->empty();
}

}  // namespace mobility::db
