// What waits for the staff of a hosted HEI, for the coordinators' work queue
// (portal/mobilities/queue_page.hpp): learning agreements the student signed and we have not,
// partners' nominations to decide, and partners' learning-agreement proposals to approve or
// comment, and course pre-approvals to decide; a decision we sent on the current proposal takes it off. Only waiting items are
// read (a few among many mobilities), oldest first, at most `limit` of each kind; the page narrows them to what the visitor may
// see.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "db/connection.hpp"

namespace mobility::db {

struct QueueItem {
  std::string omobility_id;
  std::string sending_hei_id;
  std::string content_json;  // what the queue shows of the mobility (ours, or the partner's copy) as
                             // its JSON: student's names, both parties' hei_id and ounit_id, the year
  std::string since;         // UTC "YYYY-MM-DD HH:MM": when it started to wait
  std::optional<int> la_version;
};

// `academic_year_id` ("2026/2027"): only mobilities of that receiving academic year.
Result<std::vector<QueueItem>> las_to_sign(Connection& connection, const std::string& hei_id,
                                           const std::optional<std::string>& academic_year_id, int limit);
Result<std::vector<QueueItem>> nominations_to_decide(Connection& connection, const std::string& hei_id,
                                                     const std::optional<std::string>& academic_year_id, int limit);
// Our outgoing mobilities with course pre-approval lines to decide, oldest line first.
Result<std::vector<QueueItem>> preapprovals_to_decide(Connection& connection, const std::string& hei_id,
                                                      const std::optional<std::string>& academic_year_id, int limit);
Result<std::vector<QueueItem>> partner_las_to_decide(Connection& connection, const std::string& hei_id,
                                                     const std::optional<std::string>& academic_year_id, int limit);

}  // namespace mobility::db
