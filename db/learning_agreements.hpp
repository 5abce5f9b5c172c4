// The learning agreements of our outgoing mobilities (db/migrations/0013_mobilities.sql:
// learning_agreement, la_version): every version with its state, and the queries of OMobility
// LAs get, index and stats. Version contents are JSON text (mobilities/mobility_json.hpp).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "db/connection.hpp"

namespace mobility::db {

struct LaVersionRecord {
  int version = 0;
  std::string content_json;
  std::string changes_proposal_id;
  std::string state;  // draft, proposed, commented, approved, superseded, withdrawn
  std::optional<std::string> comment;
  std::string created_at;  // UTC, "YYYY-MM-DD HH:MM:SS"
  std::optional<std::string> decided_at;
};

// Creates the mobility's agreement row when it has none. FOR UPDATE lock on it either way, so
// concurrent changes of one agreement run one after the other inside a transaction.
Status lock_learning_agreement(Connection& connection, const std::string& omobility_id);

// Every version, oldest first (empty when the mobility has no agreement yet).
Result<std::vector<LaVersionRecord>> list_la_versions(Connection& connection, const std::string& omobility_id);

// Appends version `version` (the next number) in `state`.
Status insert_la_version(Connection& connection, const std::string& omobility_id, int version, const std::string& content_json,
                         const std::string& changes_proposal_id, const std::string& state);

// Replaces a draft's content (state stays draft).
Status update_la_draft(Connection& connection, const std::string& omobility_id, int version, const std::string& content_json,
                       const std::string& changes_proposal_id);

// Replaces a version's content whatever its state (the receiving HEI's signature added to the
// proposal it approves); the changes proposal id stays, as signatures are not part of it.
Status replace_la_version_content(Connection& connection, const std::string& omobility_id, int version,
                                  const std::string& content_json);

// Sets a version's state (and the receiving HEI's comment, when given); decided states
// (approved, commented) also record when.
Status set_la_version_state(Connection& connection, const std::string& omobility_id, int version, const std::string& state,
                            const std::optional<std::string>& comment = std::nullopt);

// Marks the agreement changed now; `shared` also makes it visible to the receiving HEI.
Status touch_learning_agreement(Connection& connection, const std::string& omobility_id, bool shared);

// Every version is withdrawn and the receiving HEI no longer sees the agreement.
Status withdraw_learning_agreement(Connection& connection, const std::string& omobility_id);

// The ids among `omobility_ids` of `sending_hei_id`'s shared agreements that a caller covering
// `caller_hei_ids` may see (its receiving or sending HEI).
Result<std::vector<std::string>> find_visible_la_ids(Connection& connection, const std::string& sending_hei_id,
                                                     const std::vector<std::string>& omobility_ids,
                                                     const std::vector<std::string>& caller_hei_ids);

struct LaFilter {
  std::vector<std::string> caller_hei_ids;
  std::string sending_hei_id;
  std::vector<std::string> receiving_hei_ids;  // any of these (empty: any)
  std::optional<std::string> receiving_academic_year_id;
  std::optional<std::string> global_id;
  std::optional<std::string> activity_attributes;  // "long-term", ...
  std::optional<std::string> modified_since;       // kInvalidArgument if PostgreSQL cannot read it
};
Result<std::vector<std::string>> list_la_ids(Connection& connection, const LaFilter& filter);

struct LaStats {
  std::string receiving_academic_year_id;
  int64_t total = 0;
  int64_t not_modified_after_approval = 0;  // one approved version, nothing after it
  int64_t modified_after_approval = 0;      // an approved version and later ones
  int64_t latest_version_approved = 0;
  int64_t latest_version_rejected = 0;  // the latest proposal was commented
  int64_t latest_version_awaiting = 0;
};
// Per receiving academic year, of the shared agreements of `sending_hei_ids`.
Result<std::vector<LaStats>> la_stats(Connection& connection, const std::vector<std::string>& sending_hei_ids);

}  // namespace mobility::db
