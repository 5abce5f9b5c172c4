// The revision of what each hosted HEI's mobility pages show (migration 0026): a counter that a
// deferred trigger raises once in every committed transaction that changes such data. A page
// rendered while the counters read N may be served again while they still read N.
#pragma once

#include <string>
#include <vector>

#include "db/connection.hpp"

namespace mobility::db {

// The revisions of `hei_ids` as one stamp ("fjordland.example:17", joined by ',' in hei_id order);
// "" when none of them is hosted here. Fails only on database trouble.
Result<std::string> page_revision_stamp(Connection& connection, const std::vector<std::string>& hei_ids);

}  // namespace mobility::db
