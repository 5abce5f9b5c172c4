// Mobility Factsheet API v1 (1.2.0): the current factsheet (db/factsheets.hpp) of each hosted HEI
// named by a `hei_id` parameter (required, repeatable, at most kMaxFactsheetHeiIds, else 400).
// Unknown HEIs, and HEIs without a factsheet, are left out: 200 with fewer or no <factsheet>s.
// GET takes the parameters from the query, POST from an x-www-form-urlencoded body (other
// encodings 415); other methods get 405. The data changes rarely, so answers carry an ETag and a
// Cache-Control max-age, and a (signed) If-None-Match with the same ETag gets 304.
#pragma once

#include <chrono>

#include "db/pool.hpp"
#include "ewp-node/apis/api_descriptor.hpp"

namespace mobility::ewp {

inline constexpr int kMaxFactsheetHeiIds = 10;
inline constexpr std::chrono::seconds kFactsheetMaxAge{std::chrono::hours(1)};

// The pool must outlive every handler of the descriptor.
ApiDescriptor factsheet_v1_descriptor(db::Pool& pool);

}  // namespace mobility::ewp
