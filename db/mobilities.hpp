// Our outgoing mobilities (db/migrations/0013_mobilities.sql: omobility, omobility_event): the
// rows the sending HEI keeps, their history, and the queries of OMobilities get and index.
// Contents are JSON text (mobilities/mobility_json.hpp); this module does not read them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "db/connection.hpp"

namespace mobility::db {

struct OMobilityRecord {
  std::string omobility_id;
  std::string sending_hei_id;
  std::string receiving_hei_id;
  std::string receiving_academic_year_id;
  std::string global_id;
  std::string status;       // pending, approved, rejected, cancelled
  std::string proposal_id;  // of the current nomination
  std::string content_json;
  std::optional<std::string> student_id;
  std::string modified_at;  // UTC, xs:dateTime
};

// The columns of a new or changed mobility, taken from its content by the caller.
struct OMobilityRow {
  std::string omobility_id;
  std::string sending_hei_id;
  std::string receiving_hei_id;
  std::string receiving_academic_year_id;
  std::string global_id;
  std::string status;
  std::string proposal_id;
  std::string content_json;
  std::optional<std::string> student_id;
};

// kConflict when the id exists already (also a withdrawn one: ids are never reused).
Status insert_omobility(Connection& connection, const OMobilityRow& row);

// Replaces the row's mutable columns (status, proposal id, content, year) and its modified_at.
// kNotFound when there is no such (live) mobility of that sending HEI.
Status update_omobility(Connection& connection, const OMobilityRow& row);

// The mobility, FOR UPDATE when `lock` (inside a transaction); nullopt when unknown or withdrawn.
Result<std::optional<OMobilityRecord>> find_omobility(Connection& connection, const std::string& omobility_id, bool lock = false);

// The mobilities among `omobility_ids` that a caller covering `caller_hei_ids` may see: those
// whose receiving or sending HEI it covers. Unknown and hidden ids are left out.
Result<std::vector<OMobilityRecord>> find_visible_omobilities(Connection& connection,
                                                              const std::vector<std::string>& omobility_ids,
                                                              const std::vector<std::string>& caller_hei_ids);

struct OMobilityFilter {
  std::vector<std::string> caller_hei_ids;     // visibility, as in find_visible_omobilities
  std::optional<std::string> sending_hei_id;   // only this sending HEI's
  std::vector<std::string> receiving_hei_ids;  // any of these (empty: any)
  std::optional<std::string> receiving_academic_year_id;
  std::optional<std::string> global_id;
  std::optional<std::string> modified_since;  // xs:dateTime; kInvalidArgument if PostgreSQL cannot read it
};
Result<std::vector<std::string>> list_omobility_ids(Connection& connection, const OMobilityFilter& filter);

// A hosted HEI's outgoing mobilities, newest change first, for the pages.
Result<std::vector<OMobilityRecord>> list_outgoing_mobilities(Connection& connection, const std::string& sending_hei_id);

// The outgoing mobilities of our student `student_id` at `sending_hei_id`, newest change first.
Result<std::vector<OMobilityRecord>> list_student_mobilities(Connection& connection, const std::string& sending_hei_id,
                                                             const std::string& student_id);

// What `receiving_hei_id` has to decide of `sending_hei_id`'s mobilities: pending nominations, and
// learning agreements whose proposal awaits it (neither decided nor superseded).
struct AwaitingDecisions {
  int64_t nominations = 0;
  int64_t la_proposals = 0;
};
Result<AwaitingDecisions> count_awaiting_decisions(Connection& connection, const std::string& sending_hei_id,
                                                   const std::string& receiving_hei_id);

struct OMobilityEvent {
  std::string happened_at;  // UTC, "YYYY-MM-DD HH:MM:SS"
  std::string actor;
  std::string event;
  std::optional<int> la_version;
  std::optional<std::string> comment;
  std::optional<std::string> content_json;  // the mobility after the event, when it changed
};

Status add_omobility_event(Connection& connection, const std::string& omobility_id, const OMobilityEvent& event);

// Oldest first.
Result<std::vector<OMobilityEvent>> list_omobility_events(Connection& connection, const std::string& omobility_id);

}  // namespace mobility::db
