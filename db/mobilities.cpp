#include "db/mobilities.hpp"

#include "db/param.hpp"

namespace mobility::db {
namespace {

constexpr const char* kColumns = R"(
    omobility_id, sending_hei_id, receiving_hei_id, receiving_academic_year_id, global_id, status, proposal_id,
    content::text AS content_json, student_id,
    to_char(modified_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS modified_at)";

OMobilityRecord record_of(const Row& row) {
  return {row.get<std::string>("omobility_id"),
          row.get<std::string>("sending_hei_id"),
          row.get<std::string>("receiving_hei_id"),
          row.get<std::string>("receiving_academic_year_id"),
          row.get<std::string>("global_id"),
          row.get<std::string>("status"),
          row.get<std::string>("proposal_id"),
          row.get<std::string>("content_json"),
          row.get<std::optional<std::string>>("student_id"),
          row.get<std::string>("modified_at")};
}

Result<std::vector<OMobilityRecord>> records_of(Result<Rows> rows) {
  if (!rows) return rows.status();
  std::vector<OMobilityRecord> records;
  for (Row row : *rows) records.push_back(record_of(row));
  return records;
}

}  // namespace

Status insert_omobility(Connection& connection, const OMobilityRow& row) {
  return connection
      .exec(
          "INSERT INTO omobility (omobility_id, sending_hei_id, receiving_hei_id, receiving_academic_year_id, global_id, "
          "status, proposal_id, content, student_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9)",
          {row.omobility_id, row.sending_hei_id, row.receiving_hei_id, row.receiving_academic_year_id, row.global_id, row.status,
           row.proposal_id, row.content_json, row.student_id})
      .status();
}

Status update_omobility(Connection& connection, const OMobilityRow& row) {
  auto rows = connection.exec(
      "UPDATE omobility SET receiving_academic_year_id = $3, status = $4, proposal_id = $5, content = $6::jsonb, "
      "student_id = coalesce($7, student_id), modified_at = now() "
      "WHERE omobility_id = $1 AND sending_hei_id = $2 AND NOT withdrawn RETURNING 1",
      {row.omobility_id, row.sending_hei_id, row.receiving_academic_year_id, row.status, row.proposal_id, row.content_json,
       row.student_id});
  if (!rows) return rows.status();
  if (rows->empty()) return Status::not_found("no mobility " + row.omobility_id + " of " + row.sending_hei_id);
  return Status::ok();
}

Result<std::optional<OMobilityRecord>> find_omobility(Connection& connection, const std::string& omobility_id, bool lock) {
  auto records =
      records_of(connection.exec(std::string("SELECT") + kColumns + " FROM omobility WHERE omobility_id = $1 AND NOT withdrawn" +
                                     (lock ? " FOR UPDATE" : ""),
                                 {omobility_id}));
  if (!records) return records.status();
  if (records->empty()) return std::optional<OMobilityRecord>();
  return std::optional<OMobilityRecord>(std::move(records->front()));
}

Result<std::vector<OMobilityRecord>> find_visible_omobilities(Connection& connection,
                                                              const std::vector<std::string>& omobility_ids,
                                                              const std::vector<std::string>& caller_hei_ids) {
  return records_of(connection.exec(std::string("SELECT") + kColumns +
                                        " FROM omobility WHERE omobility_id = ANY($1::text[]) AND NOT withdrawn"
                                        "   AND (receiving_hei_id = ANY($2::text[]) OR sending_hei_id = ANY($2::text[]))"
                                        " ORDER BY array_position($1::text[], omobility_id::text)",
                                    {text_array(omobility_ids), text_array(caller_hei_ids)}));
}

Result<std::vector<std::string>> list_omobility_ids(Connection& connection, const OMobilityFilter& filter) {
  auto rows = connection.exec(
      "SELECT omobility_id FROM omobility WHERE NOT withdrawn"
      "   AND (receiving_hei_id = ANY($1::text[]) OR sending_hei_id = ANY($1::text[]))"
      "   AND ($2::text IS NULL OR sending_hei_id = $2)"
      "   AND (cardinality($3::text[]) = 0 OR receiving_hei_id = ANY($3::text[]))"
      "   AND ($4::text IS NULL OR receiving_academic_year_id = $4)"
      "   AND ($5::text IS NULL OR global_id = $5)"
      "   AND ($6::text IS NULL OR modified_at > $6::timestamptz)"
      " ORDER BY created_at, omobility_id",
      {text_array(filter.caller_hei_ids), filter.sending_hei_id, text_array(filter.receiving_hei_ids),
       filter.receiving_academic_year_id, filter.global_id, filter.modified_since});
  if (!rows) return rows.status();
  std::vector<std::string> ids;
  for (Row row : *rows) ids.push_back(row.get<std::string>(0));
  return ids;
}

Result<std::vector<OMobilityRecord>> list_outgoing_mobilities(Connection& connection, const std::string& sending_hei_id) {
  return records_of(connection.exec(std::string("SELECT") + kColumns +
                                        " FROM omobility WHERE sending_hei_id = $1 AND NOT withdrawn"
                                        " ORDER BY modified_at DESC, omobility_id",
                                    {sending_hei_id}));
}

Result<std::vector<OMobilityRecord>> list_student_mobilities(Connection& connection, const std::string& sending_hei_id,
                                                             const std::string& student_id) {
  return records_of(connection.exec(std::string("SELECT") + kColumns +
                                        " FROM omobility WHERE sending_hei_id = $1 AND student_id = $2 AND NOT withdrawn"
                                        " ORDER BY modified_at DESC, omobility_id",
                                    {sending_hei_id, student_id}));
}

Result<AwaitingDecisions> count_awaiting_decisions(Connection& connection, const std::string& sending_hei_id,
                                                   const std::string& receiving_hei_id) {
  auto rows = connection.exec(
      "SELECT count(*) FILTER (WHERE m.status = 'pending'),"
      "       count(*) FILTER (WHERE EXISTS (SELECT 1 FROM la_version v"
      "                                      WHERE v.omobility_id = m.omobility_id AND v.state = 'proposed'))"
      "  FROM omobility m"
      " WHERE m.sending_hei_id = $1 AND m.receiving_hei_id = $2 AND NOT m.withdrawn",
      {sending_hei_id, receiving_hei_id});
  if (!rows) return rows.status();
  return AwaitingDecisions{rows->front().get<int64_t>(0), rows->front().get<int64_t>(1)};
}

Status add_omobility_event(Connection& connection, const std::string& omobility_id, const OMobilityEvent& event) {
  return connection
      .exec(
          "INSERT INTO omobility_event (omobility_id, actor, event, la_version, comment, content) "
          "VALUES ($1, $2, $3, $4, $5, $6::jsonb)",
          {omobility_id, event.actor, event.event, event.la_version, event.comment, event.content_json})
      .status();
}

Result<std::vector<OMobilityEvent>> list_omobility_events(Connection& connection, const std::string& omobility_id) {
  auto rows = connection.exec(
      "SELECT to_char(happened_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS'), actor, event, la_version, comment, "
      "content::text FROM omobility_event WHERE omobility_id = $1 ORDER BY event_id",
      {omobility_id});
  if (!rows) return rows.status();
  std::vector<OMobilityEvent> events;
  for (Row row : *rows) {
    events.push_back({row.get<std::string>(0), row.get<std::string>(1), row.get<std::string>(2), row.get<std::optional<int>>(3),
                      row.get<std::optional<std::string>>(4), row.get<std::optional<std::string>>(5)});
  }
  return events;
}

}  // namespace mobility::db
