// The mobilities other HEIs send to our hosted HEIs (db/migrations/0013_mobilities.sql:
// partner_omobility, partner_la): the sending HEI's copies as we fetched them, and what is ours
// about them (the actual dates, which IMobilities serves back to the sending HEI).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "db/connection.hpp"

namespace mobility::db {

struct PartnerOMobilityRecord {
  std::string sending_hei_id;
  std::string omobility_id;
  std::string receiving_hei_id;
  std::string receiving_academic_year_id;
  std::string status;
  std::string proposal_id;
  std::string content_json;  // the Mobility as the sending HEI served it
  std::string fetched_at;    // UTC, "YYYY-MM-DD HH:MM:SS"
  bool gone = false;
  std::optional<std::string> actual_arrival_date;  // ours: YYYY-MM-DD
  std::optional<std::string> actual_departure_date;
  std::optional<std::string> la_content_json;  // the sending HEI's learning agreement, once fetched
  std::optional<std::string> changes_proposal_id;
};

struct PartnerOMobilityRow {
  std::string sending_hei_id;
  std::string omobility_id;
  std::string receiving_hei_id;
  std::string receiving_academic_year_id;
  std::string status;
  std::string proposal_id;
  std::string content_json;
};

// Stores the sending HEI's current copy (it is no longer gone). true when anything changed.
Result<bool> store_partner_omobility(Connection& connection, const PartnerOMobilityRow& row);

// The sending HEI no longer serves the mobility to us.
Status mark_partner_omobility_gone(Connection& connection, const std::string& sending_hei_id, const std::string& omobility_id);

Result<std::optional<PartnerOMobilityRecord>> find_partner_omobility(Connection& connection, const std::string& sending_hei_id,
                                                                     const std::string& omobility_id);

// A hosted HEI's incoming mobilities, newest fetch first.
Result<std::vector<PartnerOMobilityRecord>> list_incoming_mobilities(Connection& connection, const std::string& receiving_hei_id);

// Our actual dates of an incoming mobility; kNotFound when we have no such mobility.
Status set_actual_dates(Connection& connection, const std::string& sending_hei_id, const std::string& omobility_id,
                        const std::optional<std::string>& arrival, const std::optional<std::string>& departure);

// The incoming mobilities among `omobility_ids` that a caller covering `caller_hei_ids` may see
// in IMobilities: those whose sending or receiving HEI it covers.
Result<std::vector<PartnerOMobilityRecord>> find_visible_imobilities(Connection& connection,
                                                                     const std::vector<std::string>& omobility_ids,
                                                                     const std::vector<std::string>& caller_hei_ids);

// Stores the sending HEI's learning agreement of a mobility we know; true when anything changed.
// kNotFound when we have not fetched the mobility itself yet.
Result<bool> store_partner_la(Connection& connection, const std::string& sending_hei_id, const std::string& omobility_id,
                              const std::string& content_json, const std::optional<std::string>& changes_proposal_id);

Status mark_partner_la_gone(Connection& connection, const std::string& sending_hei_id, const std::string& omobility_id);

}  // namespace mobility::db
