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
};

Result<std::optional<StudentRecord>> find_student(Connection& connection, const std::string& hei_id,
                                                  const std::string& student_id);

// The students of the HEI, or of one of its units and the units below it, by family name.
Result<std::vector<StudentRecord>> list_students(Connection& connection, const std::string& hei_id,
                                                 const std::optional<std::string>& ounit_id);

}  // namespace mobility::db
