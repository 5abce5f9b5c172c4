#include "db/partner_mobilities.hpp"

#include "db/param.hpp"

namespace mobility::db {
namespace {

constexpr const char* kSelect = R"(
    SELECT m.sending_hei_id, m.omobility_id, m.receiving_hei_id, m.receiving_academic_year_id, m.status, m.proposal_id,
           m.content::text, to_char(m.fetched_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS'), m.gone,
           to_char(m.actual_arrival_date, 'YYYY-MM-DD'), to_char(m.actual_departure_date, 'YYYY-MM-DD'),
           CASE WHEN NOT l.gone THEN l.content::text END, CASE WHEN NOT l.gone THEN l.changes_proposal_id END
      FROM partner_omobility m
      LEFT JOIN partner_la l ON l.sending_hei_id = m.sending_hei_id AND l.omobility_id = m.omobility_id)";

Result<std::vector<PartnerOMobilityRecord>> records_of(Result<Rows> rows) {
  if (!rows) return rows.status();
  std::vector<PartnerOMobilityRecord> records;
  for (Row row : *rows) {
    records.push_back({row.get<std::string>(0), row.get<std::string>(1), row.get<std::string>(2), row.get<std::string>(3),
                       row.get<std::string>(4), row.get<std::string>(5), row.get<std::string>(6), row.get<std::string>(7),
                       row.get<bool>(8), row.get<std::optional<std::string>>(9), row.get<std::optional<std::string>>(10),
                       row.get<std::optional<std::string>>(11), row.get<std::optional<std::string>>(12)});
  }
  return records;
}

Result<bool> changed(Result<Rows> rows) {
  if (!rows) return rows.status();
  return !rows->empty();
}

}  // namespace

Result<bool> store_partner_omobility(Connection& connection, const PartnerOMobilityRow& row) {
  return changed(connection.exec(
      "INSERT INTO partner_omobility (sending_hei_id, omobility_id, receiving_hei_id, receiving_academic_year_id, status,"
      "                               proposal_id, content)"
      " VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb)"
      " ON CONFLICT (sending_hei_id, omobility_id) DO UPDATE SET receiving_academic_year_id = "
      "EXCLUDED.receiving_academic_year_id,"
      "   status = EXCLUDED.status, proposal_id = EXCLUDED.proposal_id, content = EXCLUDED.content, fetched_at = now(),"
      "   gone = false"
      " WHERE partner_omobility.content IS DISTINCT FROM EXCLUDED.content OR partner_omobility.status <> EXCLUDED.status"
      "    OR partner_omobility.proposal_id <> EXCLUDED.proposal_id OR partner_omobility.gone"
      " RETURNING 1",
      {row.sending_hei_id, row.omobility_id, row.receiving_hei_id, row.receiving_academic_year_id, row.status, row.proposal_id,
       row.content_json}));
}

Status mark_partner_omobility_gone(Connection& connection, const std::string& sending_hei_id, const std::string& omobility_id) {
  return connection
      .exec("UPDATE partner_omobility SET gone = true, fetched_at = now() WHERE sending_hei_id = $1 AND omobility_id = $2",
            {sending_hei_id, omobility_id})
      .status();
}

Result<std::optional<PartnerOMobilityRecord>> find_partner_omobility(Connection& connection, const std::string& sending_hei_id,
                                                                     const std::string& omobility_id) {
  auto records = records_of(connection.exec(std::string(kSelect) + " WHERE m.sending_hei_id = $1 AND m.omobility_id = $2",
                                            {sending_hei_id, omobility_id}));
  if (!records) return records.status();
  if (records->empty()) return std::optional<PartnerOMobilityRecord>();
  return std::optional<PartnerOMobilityRecord>(std::move(records->front()));
}

Result<std::vector<PartnerOMobilityRecord>> list_incoming_mobilities(Connection& connection,
                                                                     const std::string& receiving_hei_id) {
  return records_of(
      connection.exec(std::string(kSelect) + " WHERE m.receiving_hei_id = $1 ORDER BY m.fetched_at DESC", {receiving_hei_id}));
}

Status set_actual_dates(Connection& connection, const std::string& sending_hei_id, const std::string& omobility_id,
                        const std::optional<std::string>& arrival, const std::optional<std::string>& departure) {
  auto rows = connection.exec(
      "UPDATE partner_omobility SET actual_arrival_date = $3::date, actual_departure_date = $4::date,"
      "       dates_modified_at = now() WHERE sending_hei_id = $1 AND omobility_id = $2 RETURNING 1",
      {sending_hei_id, omobility_id, arrival, departure});
  if (!rows) return rows.status();
  if (rows->empty()) return Status::not_found("no incoming mobility " + omobility_id + " from " + sending_hei_id);
  return Status::ok();
}

Result<std::vector<PartnerOMobilityRecord>> find_visible_imobilities(Connection& connection,
                                                                     const std::vector<std::string>& omobility_ids,
                                                                     const std::vector<std::string>& caller_hei_ids) {
  return records_of(connection.exec(std::string(kSelect) +
                                        " WHERE m.omobility_id = ANY($1::text[]) AND NOT m.gone"
                                        "   AND (m.sending_hei_id = ANY($2::text[]) OR m.receiving_hei_id = ANY($2::text[]))"
                                        " ORDER BY array_position($1::text[], m.omobility_id::text)",
                                    {text_array(omobility_ids), text_array(caller_hei_ids)}));
}

Result<bool> store_partner_la(Connection& connection, const std::string& sending_hei_id, const std::string& omobility_id,
                              const std::string& content_json, const std::optional<std::string>& changes_proposal_id) {
  auto known = find_partner_omobility(connection, sending_hei_id, omobility_id);
  if (!known) return known.status();
  if (!*known) return Status::not_found("no incoming mobility " + omobility_id + " from " + sending_hei_id);
  return changed(
      connection.exec("INSERT INTO partner_la (sending_hei_id, omobility_id, receiving_hei_id, content, changes_proposal_id)"
                      " VALUES ($1, $2, $3, $4::jsonb, $5)"
                      " ON CONFLICT (sending_hei_id, omobility_id) DO UPDATE SET content = EXCLUDED.content,"
                      "   changes_proposal_id = EXCLUDED.changes_proposal_id, fetched_at = now(), gone = false"
                      " WHERE partner_la.content IS DISTINCT FROM EXCLUDED.content OR partner_la.gone"
                      "    OR partner_la.changes_proposal_id IS DISTINCT FROM EXCLUDED.changes_proposal_id"
                      " RETURNING 1",
                      {sending_hei_id, omobility_id, (*known)->receiving_hei_id, content_json, changes_proposal_id}));
}

Status mark_partner_la_gone(Connection& connection, const std::string& sending_hei_id, const std::string& omobility_id) {
  return connection
      .exec("UPDATE partner_la SET gone = true, fetched_at = now() WHERE sending_hei_id = $1 AND omobility_id = $2",
            {sending_hei_id, omobility_id})
      .status();
}

}  // namespace mobility::db
