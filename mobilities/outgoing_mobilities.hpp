// OutgoingMobilities: what the sending HEI does with its mobilities, each one transaction that
// stores the change, an omobility_event for the history and an OMobility CNR to the receiving HEI
// in the outbox (db/notifications.hpp):
//   nominate → (change)* → the receiving HEI approves or rejects (receive_decision) → … ;
//   cancel at any time; the receiving HEI's actual dates arrive through receive_actual_dates.
//
// Content is checked first (mobility_rules.hpp): a refused change stores nothing and says why
// (kInvalidArgument naming the fields).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "agreements/iia_book.hpp"
#include "db/connection.hpp"
#include "mobilities/mobility.hpp"

namespace mobility::mobilities {

using agreements::Editor;

enum class NominationDecision { kApprove, kReject };

class OutgoingMobilities {
 public:
  // Stores a new pending nomination; an empty omobility_id gets a new UUID. Returns the id.
  // kConflict when the id is taken; kInvalidArgument when the content breaks a rule.
  Result<std::string> nominate(db::Connection& connection, Mobility mobility, const Editor& editor,
                               const std::optional<std::string>& student_id = std::nullopt) const;

  // Stores `after` as the mobility's content. The sending HEI, receiving HEI and student never
  // change (kInvalidArgument). A changed nomination gets a new proposal id, and a rejected one
  // is pending again (the sending HEI fixed it). kNotFound for an unknown mobility, kConflict for
  // a cancelled one. The status and the receiving HEI's data are kept as stored.
  Status change(db::Connection& connection, Mobility after, const Editor& editor) const;

  // The mobility will not happen. kNotFound, or kConflict when cancelled already.
  Status cancel(db::Connection& connection, const std::string& omobility_id, const Editor& editor,
                const std::string& reason) const;

  // The receiving HEI's decision, from its OMobilities update call. `caller_hei_ids` are the
  // HEIs its key covers. kNotFound when the mobility is unknown or its receiving HEI is not among
  // them (the caller learns nothing more); kConflict when `proposal_id` is not the current one or
  // the mobility was cancelled; kInvalidArgument for a rejection without a comment.
  Status receive_decision(db::Connection& connection, const std::vector<std::string>& caller_hei_ids,
                          const std::string& omobility_id, const std::string& proposal_id, NominationDecision decision,
                          const std::optional<std::string>& comment) const;

  // The receiving HEI's actual arrival and departure dates, as its IMobilities served them.
  // kNotFound when the mobility is not ours with that receiving HEI.
  Status receive_actual_dates(db::Connection& connection, const std::string& receiving_hei_id, const std::string& omobility_id,
                              const std::optional<std::string>& arrival, const std::optional<std::string>& departure) const;

  // The stored mobility; kNotFound when unknown.
  Result<Mobility> load(db::Connection& connection, const std::string& omobility_id) const;
};

}  // namespace mobility::mobilities
