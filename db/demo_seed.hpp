// Demo data (db/seed/demo.sql): one hosted HEI with units, partner HEIs, staff and students, and
// one account per role (password "mobility-demo").
// Idempotent: seeding an already seeded database changes nothing.
#pragma once

#include "db/connection.hpp"

namespace mobility::db {

struct DemoCounts {
  int64_t hosted_heis = 0;
  int64_t partner_heis = 0;
  int64_t ounits = 0;
  int64_t staff = 0;
  int64_t students = 0;
  int64_t accounts = 0;
};

// Applies the demo data in one transaction; returns how many rows of each kind exist afterwards.
// Requires a migrated database.
Result<DemoCounts> seed_demo(Connection& connection);

Result<DemoCounts> count_demo_data(Connection& connection);

}  // namespace mobility::db
