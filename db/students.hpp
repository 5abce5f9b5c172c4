// Students repository: the students of the hosted HEIs, as the portal's pages show them.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "db/connection.hpp"

namespace mobility::db {

struct StudentRecord {
  std::string hei_id;
  std::string student_id;
  std::string given_names;
  std::string family_name;
  std::string email;
  std::optional<std::string> ounit_id;
  std::optional<std::string> birth_date;  // YYYY-MM-DD
  std::optional<std::string> global_id;   // the European Student Identifier, EWP's global-id
};

Result<std::optional<StudentRecord>> find_student(Connection& connection, const std::string& hei_id,
                                                  const std::string& student_id);

struct NewStudent {
  std::string hei_id;
  std::string given_names;
  std::string family_name;
  std::string email;
};
// The new student's id (a random UUID). kConflict when the HEI has a student with this email;
// kInvalidArgument for an empty name or a malformed email.
Result<std::string> create_student(Connection& connection, const NewStudent& student);

// The students of the HEI, or of one of its units and the units below it, by family name.
Result<std::vector<StudentRecord>> list_students(Connection& connection, const std::string& hei_id,
                                                 const std::optional<std::string>& ounit_id);

}  // namespace mobility::db
