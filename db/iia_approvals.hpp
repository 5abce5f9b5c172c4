// The partners' copies of our agreements and the approvals in both directions
// (db/migrations/0006_iias.sql). A partner's copy is stored as the agreements JSON of what its
// IIAs get answered, a new version only when the content changed. Our copy is bound to the
// partner's when iia.partner_iia_id names it and the partner's copy names ours.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "db/connection.hpp"

namespace mobility::db {

struct PartnerCopy {
  std::string hei_id;  // ours
  std::string partner_hei_id;
  std::string partner_iia_id;
  std::optional<std::string> iia_id;  // our id as the partner's copy names it
  std::string content_json;
  std::string iia_hash;  // as published by the partner
  bool hash_verified = false;
  bool valid_for_approval = false;
};

// Stores what the partner's get answered; returns the version now current (unchanged content
// keeps its version and only updates last_fetched_at). A partner new to us becomes a known HEI.
Result<int> save_partner_copy(Connection& connection, const PartnerCopy& copy);

// The partner's current copy as stored (nullopt when never fetched, or gone).
Result<std::optional<PartnerCopy>> find_partner_copy(Connection& connection, const std::string& hei_id,
                                                     const std::string& partner_hei_id, const std::string& partner_iia_id);

// A partner's copy that none of our copies is bound to: a proposal waiting for our own copy.
struct UnboundPartnerCopy {
  std::string partner_hei_id;
  std::string partner_iia_id;
  std::optional<std::string> partner_iia_code;  // as the partner's copy names it
  std::string fetched_at;                       // ISO 8601 (UTC)
};
// The proposals of partners to `hei_id`, newest first.
Result<std::vector<UnboundPartnerCopy>> list_unbound_partner_copies(Connection& connection, const std::string& hei_id);

// Records our approval of the partner's current copy (replacing an earlier one): the hash we
// approved. kConflict when the copy is unknown, failed the hash check or holds legacy values.
Status approve_partner_copy(Connection& connection, const std::string& hei_id, const std::string& partner_hei_id,
                            const std::string& partner_iia_id, std::optional<int64_t> account_id, const std::string& approved_by);

// Withdraws our approval of a partner's copy; returns whether there was one.
Result<bool> withdraw_approval_given(Connection& connection, const std::string& hei_id, const std::string& partner_hei_id,
                                     const std::string& partner_iia_id);

// Marks the partner's copy as gone (its get no longer returns it).
Status mark_partner_copy_gone(Connection& connection, const std::string& hei_id, const std::string& partner_hei_id,
                              const std::string& partner_iia_id);

// The hosted HEIs that hold a copy of this partner's agreement.
Result<std::vector<std::string>> holders_of_partner_copy(Connection& connection, const std::string& partner_hei_id,
                                                         const std::string& partner_iia_id);

// Records the partner's answer about our copy: the hash it approved (nullopt: it approves none).
Status save_partner_approval(Connection& connection, const std::string& hei_id, const std::string& iia_id,
                             const std::optional<std::string>& iia_hash);

struct GivenApproval {
  std::string partner_iia_id;
  std::string iia_hash;
};

// Our approvals of copies of `partner_hei_ids` with these ids, in the order asked (once each).
Result<std::vector<GivenApproval>> find_given_approvals(Connection& connection, const std::vector<std::string>& partner_iia_ids,
                                                        const std::vector<std::string>& partner_hei_ids);

// The partner's current copy that belongs with our copy `iia_id`: the one our copy is bound to,
// else one of the same partner HEI that names our id; nullopt when there is none (or it is gone).
struct PartnerCopyRecord {
  std::string partner_iia_id;
  std::optional<std::string> names_iia_id;  // our id as the partner's copy names it
  bool bound_by_us = false;                 // our iia.partner_iia_id is this copy's id
  int version = 1;
  std::string content_json;
  std::string iia_hash;
  bool hash_verified = false;
  bool valid_for_approval = false;
  std::string fetched_at;  // ISO 8601
};
Result<std::optional<PartnerCopyRecord>> find_partner_copy_of(Connection& connection, const std::string& hei_id,
                                                              const std::string& iia_id);

// Remembers our current version as the one both partners approved (iia.approved_version) when
// they both do now: the partner approved our current hash and we approved its current copy.
// Returns whether it did. An agreement approved by both can no longer be deleted.
Result<bool> record_mutual_approval(Connection& connection, const std::string& hei_id, const std::string& iia_id);

}  // namespace mobility::db
