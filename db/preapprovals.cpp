#include "db/preapprovals.hpp"

namespace mobility::db {
namespace {

// The mapping's columns of preapproval_line `p`, credits as text without trailing zeros, the term
// as "1/2".
constexpr const char* kMappingColumns = R"(
    p.host_course_code, p.host_course_title, trim_scale(p.host_credits)::text AS host_credits,
    p.term_number || '/' || p.total_terms AS term, p.home_course_code, p.home_course_title,
    trim_scale(p.home_credits)::text AS home_credits, p.alternative, p.host_los_id, p.host_loi_id)";

CourseMapping mapping_from(const Row& row) {
  return {row.get<std::optional<std::string>>("host_course_code"),
          row.get<std::string>("host_course_title"),
          row.get<std::string>("host_credits"),
          row.get<std::string>("term"),
          row.get<std::optional<std::string>>("home_course_code"),
          row.get<std::optional<std::string>>("home_course_title"),
          row.get<std::string>("home_credits"),
          row.get<bool>("alternative"),
          row.get<std::optional<std::string>>("host_los_id"),
          row.get<std::optional<std::string>>("host_loi_id")};
}

}  // namespace

Result<std::vector<PreapprovalLine>> list_preapproval_lines(Connection& connection, const std::string& omobility_id) {
  auto rows = connection.exec(std::string("SELECT p.line_id, p.omobility_id, p.state, p.comment, p.decided_by,"
                                          " to_char(p.decided_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') AS decided_at,"
                                          " to_char(p.proposed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') AS proposed_at,") +
                                  kMappingColumns + " FROM preapproval_line p WHERE p.omobility_id = $1 ORDER BY p.line_id",
                              {omobility_id});
  if (!rows) return rows.status();
  std::vector<PreapprovalLine> lines;
  for (Row row : *rows) {
    lines.push_back({row.get<int64_t>("line_id"), row.get<std::string>("omobility_id"), mapping_from(row),
                     row.get<std::string>("state"), row.get<std::optional<std::string>>("comment"),
                     row.get<std::optional<std::string>>("decided_by"), row.get<std::optional<std::string>>("decided_at"),
                     row.get<std::string>("proposed_at")});
  }
  return lines;
}

Result<int64_t> add_preapproval_line(Connection& connection, const std::string& omobility_id, const CourseMapping& mapping) {
  auto rows = connection.exec(
      "INSERT INTO preapproval_line (omobility_id, host_course_code, host_course_title, host_credits, term_number,"
      " total_terms, home_course_code, home_course_title, home_credits, alternative, host_los_id, host_loi_id, state) "
      "VALUES ($1, $2, $3, $4::numeric, split_part($5, '/', 1)::smallint, split_part($5, '/', 2)::smallint, $6, $7,"
      " $8::numeric, $9, $10, $11, 'proposed') RETURNING line_id",
      {omobility_id, mapping.host_course_code, mapping.host_course_title, mapping.host_credits, mapping.term,
       mapping.home_course_code, mapping.home_course_title, mapping.home_credits, mapping.alternative, mapping.host_los_id,
       mapping.host_loi_id});
  if (!rows) return rows.status();
  return rows->front().get<int64_t>(0);
}

Status decide_preapproval_line(Connection& connection, const std::string& omobility_id, int64_t line_id, const std::string& state,
                               const std::optional<std::string>& comment, const std::optional<std::string>& decided_by) {
  auto rows = connection.exec(
      "UPDATE preapproval_line p SET state = $3, comment = $4, decided_by = $5,"
      " decided_at = CASE WHEN $3 = 'withdrawn' THEN NULL ELSE now() END "
      "WHERE omobility_id = $1 AND line_id = $2 AND state = 'proposed' RETURNING line_id",
      {omobility_id, line_id, state, comment, decided_by});
  if (!rows) return rows.status();
  if (!rows->empty()) return Status::ok();
  auto exists =
      connection.exec("SELECT 1 FROM preapproval_line WHERE omobility_id = $1 AND line_id = $2", {omobility_id, line_id});
  if (!exists) return exists.status();
  if (exists->empty()) return Status::not_found("no pre-approval line " + std::to_string(line_id));
  return Status::conflict("the line was decided or withdrawn meanwhile");
}

Result<std::vector<ApprovedMapping>> approved_mappings(Connection& connection, const std::string& hei_id,
                                                       const std::string& partner_hei_id, const std::string& search, int limit) {
  auto rows = connection.exec(std::string("SELECT o.receiving_academic_year_id,") + kMappingColumns + R"(
       FROM preapproval_line p JOIN omobility o USING (omobility_id)
      WHERE o.sending_hei_id = $1 AND o.receiving_hei_id = $2 AND p.state = 'approved'
        AND ($3 = '' OR strpos(lower(concat_ws(' ', p.host_course_code, p.host_course_title, p.home_course_code,
                                                   p.home_course_title)), lower($3)) > 0)
      ORDER BY p.decided_at DESC, p.line_id DESC LIMIT $4)",
                              {hei_id, partner_hei_id, search, limit});
  if (!rows) return rows.status();
  std::vector<ApprovedMapping> mappings;
  for (Row row : *rows) {
    mappings.push_back({mapping_from(row), row.get<std::string>(0)});
  }
  return mappings;
}

}  // namespace mobility::db
