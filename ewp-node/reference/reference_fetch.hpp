// Fetches one partner HEI's reference data over EWP and stores it: its Institutions answer (the
// HEI itself and the list of its units), then its Organizational Units for those unit ids (in
// batches of the partner's max-ounit-ids, 1 when its registry entry says nothing), then its
// Mobility Factsheet, then its courses: the LOS ids its Simple Course Replication lists, those of
// courses (CR/...) described by its Courses API in batches of its max-los-ids, and stored as its
// course catalogue (db/partner_courses.hpp). Every answer is signed and schema-checked by the EwpClient, read by the
// API's reader, and stored whole or not at all (db/partner_reference_data.hpp,
// db/partner_factsheets.hpp, db/partner_courses.hpp); the units and the courses are stored only
// when every batch was answered, and a failure leaves the previous copy as it was.
//
// Each API ends in one outcome: fetched; no_api when the registry lists no such API for the
// partner (for the units also when there is no Institutions API to list them, for the courses
// when either Simple Course Replication or Courses is missing); failed, with
// why (no answer, an HTTP error, an answer refused or unreadable, or one the database refused).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "db/connection.hpp"
#include "db/reference_fetches.hpp"
#include "ewp-node/client/ewp_client.hpp"

namespace mobility::ewp {

struct ReferenceOutcome {
  db::ReferenceApi api;
  db::FetchOutcome outcome;
  std::optional<std::string> detail;  // why it failed, or which API is missing
  bool called = true;                 // false when no call was made (no API, or not tried)
};

// One outcome per API of db::kReferenceApis, in that order.
std::vector<ReferenceOutcome> fetch_reference_data(EwpClient& client, db::Connection& connection,
                                                   const std::string& partner_hei_id);

}  // namespace mobility::ewp
