#include "db/students.hpp"

namespace mobility::db {
namespace {

// Students, for a WHERE clause over `s` with parameters from $1. (Their HEI's and unit's names
// come from the pages' NameCache.)
constexpr const char* kSelectStudents = R"(
    SELECT s.hei_id, s.student_id, s.given_names, s.family_name, s.email, s.ounit_id, s.birth_date::text AS birth_date, s.global_id
      FROM student s
     WHERE )";

std::vector<StudentRecord> students_from(const Rows& rows) {
  std::vector<StudentRecord> students;
  for (Row row : rows) {
    students.push_back({row.get<std::string>("hei_id"), row.get<std::string>("student_id"), row.get<std::string>("given_names"),
                        row.get<std::string>("family_name"), row.get<std::string>("email"),
                        row.get<std::optional<std::string>>("ounit_id"), row.get<std::optional<std::string>>("birth_date"),
                        row.get<std::optional<std::string>>("global_id")});
  }
  return students;
}

}  // namespace

Result<std::optional<StudentRecord>> find_student(Connection& connection, const std::string& hei_id,
                                                  const std::string& student_id) {
  auto rows = connection.exec(std::string(kSelectStudents) + "s.hei_id = $1 AND s.student_id = $2", {hei_id, student_id});
  if (!rows) return rows.status();
  auto students = students_from(*rows);
  if (students.empty()) return std::optional<StudentRecord>();
  return std::optional<StudentRecord>(std::move(students.front()));
}

Result<std::vector<StudentRecord>> list_students(Connection& connection, const std::string& hei_id,
                                                 const std::optional<std::string>& ounit_id) {
  auto rows = connection.exec(std::string(kSelectStudents) + R"(s.hei_id = $1 AND ($2::text IS NULL OR s.ounit_id IN (
        WITH RECURSIVE below (ounit_id) AS (
          SELECT $2::text
          UNION SELECT u.ounit_id FROM organizational_unit u JOIN below b ON u.parent_ounit_id = b.ounit_id
                 WHERE u.hei_id = $1)
        SELECT ounit_id FROM below))
      ORDER BY s.family_name, s.given_names, s.student_id)",
                              {hei_id, ounit_id});
  if (!rows) return rows.status();
  return students_from(*rows);
}

Result<std::string> create_student(Connection& connection, const NewStudent& student) {
  auto rows = connection.exec(
      "INSERT INTO student (hei_id, given_names, family_name, email) VALUES ($1, $2, $3, $4) RETURNING student_id",
      {student.hei_id, student.given_names, student.family_name, student.email});
  if (!rows) return rows.status();
  return rows->front().get<std::string>(0);
}

}  // namespace mobility::db
