#include "db/students.hpp"

namespace mobility::db {
namespace {

// Students with their unit's and HEI's names in the preferred language ($1), for a WHERE clause
// over `s` with further parameters from $2.
constexpr const char* kSelectStudents = R"(
    SELECT s.hei_id, s.student_id, s.given_names, s.family_name, s.email, s.ounit_id,
           (SELECT n.name FROM ounit_name n WHERE n.hei_id = s.hei_id AND n.ounit_id = s.ounit_id
             ORDER BY n.lang = $1 DESC, n.lang LIMIT 1) AS ounit_name,
           coalesce((SELECT n.name FROM hei_name n WHERE n.hei_id = s.hei_id
                      ORDER BY n.lang = $1 DESC, n.lang = 'en' DESC, n.lang LIMIT 1), s.hei_id) AS hei_name
      FROM student s
     WHERE )";

std::vector<StudentRecord> students_from(const Rows& rows) {
  std::vector<StudentRecord> students;
  for (Row row : rows) {
    students.push_back({row.get<std::string>("hei_id"), row.get<std::string>("student_id"),
                        row.get<std::string>("given_names"), row.get<std::string>("family_name"),
                        row.get<std::string>("email"), row.get<std::optional<std::string>>("ounit_id"),
                        row.get<std::optional<std::string>>("ounit_name"), row.get<std::string>("hei_name")});
  }
  return students;
}

}  // namespace

Result<std::optional<StudentRecord>> find_student(Connection& connection, const std::string& hei_id,
                                                  const std::string& student_id, const std::string& language) {
  auto rows = connection.exec(std::string(kSelectStudents) + "s.hei_id = $2 AND s.student_id = $3",
                              {language, hei_id, student_id});
  if (!rows) return rows.status();
  auto students = students_from(*rows);
  if (students.empty()) return std::optional<StudentRecord>();
  return std::optional<StudentRecord>(std::move(students.front()));
}

Result<std::vector<StudentRecord>> list_students(Connection& connection, const std::string& hei_id,
                                                 const std::optional<std::string>& ounit_id, const std::string& language) {
  auto rows = connection.exec(std::string(kSelectStudents) + R"(s.hei_id = $2 AND ($3::text IS NULL OR s.ounit_id IN (
        WITH RECURSIVE below (ounit_id) AS (
          SELECT $3::text
          UNION SELECT u.ounit_id FROM organizational_unit u JOIN below b ON u.parent_ounit_id = b.ounit_id
                 WHERE u.hei_id = $2)
        SELECT ounit_id FROM below))
      ORDER BY s.family_name, s.given_names, s.student_id)",
                              {language, hei_id, ounit_id});
  if (!rows) return rows.status();
  return students_from(*rows);
}

}  // namespace mobility::db
