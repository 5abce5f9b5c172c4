// IIAs repository: our copies of inter-institutional agreements with their versions, and the
// approvals (db/migrations/0006_iias.sql). Content travels as the JSON text of
// agreements/iia_json.hpp; this layer stores and filters it, the agreements module gives it
// meaning. Callers run writes inside a Transaction together with their audit event.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "db/connection.hpp"

namespace mobility::db {

struct IiaRecord {
  std::string hei_id;
  std::string iia_id;
  std::string partner_hei_id;
  std::optional<std::string> partner_iia_id;
  std::string iia_code;
  std::optional<std::string> ounit_id;
  std::string state;  // draft, shared, deleted
  int current_version = 1;
  std::string iia_hash;
  std::optional<int> approved_version;
  std::string modified_at;   // ISO 8601
  std::string content_json;  // of the current version
  // The hash of our copy the partner approved (IIAs Approval), if it ever did.
  std::optional<std::string> partner_approved_hash;
  // The hash of the partner's copy we approved, if we did.
  std::optional<std::string> our_approved_partner_hash;
  // The hash the partner last published for its copy, if we fetched it.
  std::optional<std::string> partner_copy_hash;
};

struct IiaVersionRecord {
  int version = 1;
  std::string content_json;
  std::string iia_hash;
  std::string changed_at;  // ISO 8601
  std::string changed_by;
  std::string reason;
};

// Who changes an agreement, and why.
struct IiaChange {
  std::optional<int64_t> account_id;
  std::string changed_by;  // email at the time, "partner", "command line"
  std::string reason;
};

struct NewIia {
  std::string hei_id;
  std::string partner_hei_id;
  std::string iia_code;
  std::optional<std::string> ounit_id;
  std::optional<std::string> iia_id;          // fixed ids for demo data; otherwise a new UUID
  std::optional<std::string> partner_iia_id;  // as the content names it
  std::string content_json;
  std::string iia_hash;
};

// Creates a draft with its version 1; returns the iia_id.
Result<std::string> create_iia(Connection& connection, const NewIia& iia, const IiaChange& change);

struct IiaContent {
  std::string content_json;
  std::string iia_hash;
  std::optional<std::string> partner_iia_id;  // as the content names it
};

// Stores `content` as the next version, if the current one is still `expected_version` (else
// kConflict: someone saved in between). Returns the new version number.
Result<int> add_iia_version(Connection& connection, const std::string& hei_id, const std::string& iia_id, int expected_version,
                            const IiaContent& content, const IiaChange& change);

// draft → shared (sent to the partner); draft or shared → deleted (only if never mutually approved:
// the caller decides). Touches modified_at.
Status set_iia_state(Connection& connection, const std::string& hei_id, const std::string& iia_id, const std::string& state);

// The copy with its current content, or nullopt.
Result<std::optional<IiaRecord>> find_iia(Connection& connection, const std::string& hei_id, const std::string& iia_id);

// Our shared copies with these ids whose partner is one of `partner_hei_ids`, in the order of
// `iia_ids` (duplicates once). Unknown, hidden and other partners' ids are left out.
Result<std::vector<IiaRecord>> find_shared_iias(Connection& connection, const std::vector<std::string>& iia_ids,
                                                const std::vector<std::string>& partner_hei_ids);

struct IiaIndexFilter {
  std::vector<std::string> partner_hei_ids;              // the caller's HEIs
  std::vector<std::string> receiving_academic_year_ids;  // empty: any year
  std::optional<std::string> modified_since;             // ISO 8601 date-time
};

// The ids of the shared copies the filter matches, by iia_id.
Result<std::vector<std::string>> list_shared_iia_ids(Connection& connection, const IiaIndexFilter& filter);

// The hosted HEI whose copy `iia_id` has `partner_hei_id` as partner, or nullopt.
Result<std::optional<std::string>> hosted_hei_of_iia(Connection& connection, const std::string& iia_id,
                                                     const std::string& partner_hei_id);

// The ids of `hei_id`'s live copies (not deleted) bound to the partner's copy `partner_iia_id`.
Result<std::vector<std::string>> iias_bound_to(Connection& connection, const std::string& hei_id,
                                               const std::string& partner_hei_id, const std::string& partner_iia_id);

// One of our agreements as a choice in a form.
struct IiaChoice {
  std::string iia_id;
  std::string iia_code;
  std::string state;  // draft or shared
};

// `hei_id`'s live copies with `partner_hei_id` that are bound to no copy of the partner, by
// code: the agreements a proposal of that partner may turn out to be.
Result<std::vector<IiaChoice>> list_unbound_iias(Connection& connection, const std::string& hei_id,
                                                 const std::string& partner_hei_id);

// Every copy of a hosted HEI (all states), newest change first; for staff pages.
Result<std::vector<IiaRecord>> list_iias(Connection& connection, const std::string& hei_id);

Result<std::vector<IiaVersionRecord>> list_iia_versions(Connection& connection, const std::string& hei_id,
                                                        const std::string& iia_id);

struct IiaStatsRecord {
  int64_t fetchable = 0;
  int64_t local_unapproved_partner_approved = 0;
  int64_t local_approved_partner_unapproved = 0;
  int64_t both_approved = 0;
};

// The figures of the IIAs stats endpoint over every shared copy of the hosted HEIs.
Result<IiaStatsRecord> iia_stats(Connection& connection);

}  // namespace mobility::db
