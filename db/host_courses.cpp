#include "db/host_courses.hpp"

namespace mobility::db {
namespace {

// The columns of host_course `c`, credits as text without trailing zeros.
constexpr const char* kColumns = R"(c.course_id, c.los_code, c.title, trim_scale(c.ects_credits)::text AS ects_credits,
    c.term, c.language, c.eqf_level::text AS eqf_level, c.isced_f_code, c.url, c.version, c.modified_by,
    to_char(c.modified_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') AS modified_at)";

HostCourse course_from(const Row& row) {
  return {row.get<int64_t>("course_id"),
          {row.get<std::string>("los_code"), row.get<std::string>("title"), row.get<std::string>("ects_credits"),
           row.get<std::string>("term"), row.get<std::optional<std::string>>("language"),
           row.get<std::optional<std::string>>("eqf_level"), row.get<std::optional<std::string>>("isced_f_code"),
           row.get<std::optional<std::string>>("url")},
          row.get<int>("version"),
          row.get<std::string>("modified_by"),
          row.get<std::string>("modified_at")};
}

// kNotFound or kConflict for a course that an UPDATE or DELETE at `seen_version` did not reach.
Status missed(Connection& connection, const std::string& hei_id, const std::string& partner_hei_id, int64_t course_id) {
  auto found = find_host_course(connection, hei_id, partner_hei_id, course_id);
  if (!found) return found.status();
  if (!*found) return Status::not_found("no course " + std::to_string(course_id) + " in this list");
  return Status::conflict("the course was changed meanwhile");
}

}  // namespace

Result<bool> is_course_destination(Connection& connection, const std::string& hei_id, const std::string& partner_hei_id) {
  auto rows = connection.exec(
      "SELECT 1 FROM partner_link l WHERE l.hei_id = $1 AND l.partner_hei_id = $2"
      " AND l.partner_hei_id NOT IN (SELECT hei_id FROM hosted_hei)",
      {hei_id, partner_hei_id});
  if (!rows) return rows.status();
  return !rows->empty();
}

Result<std::vector<HostCourse>> list_host_courses(Connection& connection, const std::string& hei_id,
                                                  const std::string& partner_hei_id, const HostCourseFilter& filter) {
  auto rows = connection.exec(std::string("SELECT ") + kColumns + R"( FROM host_course c
      WHERE c.hei_id = $1 AND c.partner_hei_id = $2
        AND ($3 = '' OR strpos(lower(c.los_code || ' ' || c.title), lower($3)) > 0)
        AND ($4 = '' OR c.term IN ($4, 'year'))
      ORDER BY c.los_code, c.course_id)",
                              {hei_id, partner_hei_id, filter.search, filter.term});
  if (!rows) return rows.status();
  std::vector<HostCourse> courses;
  for (Row row : *rows) courses.push_back(course_from(row));
  return courses;
}

Result<std::optional<HostCourse>> find_host_course(Connection& connection, const std::string& hei_id,
                                                   const std::string& partner_hei_id, int64_t course_id, bool lock) {
  auto rows = connection.exec(std::string("SELECT ") + kColumns +
                                  " FROM host_course c WHERE c.hei_id = $1 AND c.partner_hei_id = $2 AND c.course_id = $3" +
                                  (lock ? " FOR UPDATE" : ""),
                              {hei_id, partner_hei_id, course_id});
  if (!rows) return rows.status();
  if (rows->empty()) return std::optional<HostCourse>();
  return std::optional<HostCourse>(course_from(rows->front()));
}

Result<bool> host_course_code_taken(Connection& connection, const std::string& hei_id, const std::string& partner_hei_id,
                                    const std::string& los_code, int64_t except_course_id) {
  auto rows = connection.exec(
      "SELECT 1 FROM host_course WHERE hei_id = $1 AND partner_hei_id = $2 AND lower(los_code) = lower($3)"
      " AND course_id <> $4",
      {hei_id, partner_hei_id, los_code, except_course_id});
  if (!rows) return rows.status();
  return !rows->empty();
}

Result<int64_t> insert_host_course(Connection& connection, const std::string& hei_id, const std::string& partner_hei_id,
                                   const HostCourseFields& fields, const std::string& modified_by) {
  auto rows = connection.exec(
      "INSERT INTO host_course (hei_id, partner_hei_id, los_code, title, ects_credits, term, language, eqf_level,"
      " isced_f_code, url, modified_by) VALUES ($1, $2, $3, $4, $5::numeric, $6, $7, $8::smallint, $9, $10, $11)"
      " RETURNING course_id",
      {hei_id, partner_hei_id, fields.los_code, fields.title, fields.ects_credits, fields.term, fields.language, fields.eqf_level,
       fields.isced_f_code, fields.url, modified_by});
  if (!rows) return rows.status();
  return rows->front().get<int64_t>(0);
}

Status update_host_course(Connection& connection, const std::string& hei_id, const std::string& partner_hei_id, int64_t course_id,
                          int seen_version, const HostCourseFields& fields, const std::string& modified_by) {
  auto rows = connection.exec(
      "UPDATE host_course SET los_code = $5, title = $6, ects_credits = $7::numeric, term = $8, language = $9,"
      " eqf_level = $10::smallint, isced_f_code = $11, url = $12, modified_by = $13, modified_at = now(),"
      " version = version + 1"
      " WHERE hei_id = $1 AND partner_hei_id = $2 AND course_id = $3 AND version = $4 RETURNING course_id",
      {hei_id, partner_hei_id, course_id, seen_version, fields.los_code, fields.title, fields.ects_credits, fields.term,
       fields.language, fields.eqf_level, fields.isced_f_code, fields.url, modified_by});
  if (!rows) return rows.status();
  if (!rows->empty()) return Status::ok();
  return missed(connection, hei_id, partner_hei_id, course_id);
}

Status delete_host_course(Connection& connection, const std::string& hei_id, const std::string& partner_hei_id, int64_t course_id,
                          int seen_version) {
  auto rows = connection.exec(
      "DELETE FROM host_course WHERE hei_id = $1 AND partner_hei_id = $2 AND course_id = $3 AND version = $4"
      " RETURNING course_id",
      {hei_id, partner_hei_id, course_id, seen_version});
  if (!rows) return rows.status();
  if (!rows->empty()) return Status::ok();
  return missed(connection, hei_id, partner_hei_id, course_id);
}

}  // namespace mobility::db
