// IncomingMobilities: what a hosted HEI does as the receiving HEI of other HEIs' mobilities. The
// sending HEI owns them; we keep its copies as fetched (after its CNRs) and decide on them. Our
// decisions reach the sending HEI only through the outbox (db/notifications.hpp), as calls of its
// OMobilities or LAs update API that the node makes later; a 409 there means the partner changed
// the proposal meanwhile, and the page shows the newly fetched one.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "agreements/iia_book.hpp"
#include "db/connection.hpp"
#include "mobilities/learning_agreement.hpp"
#include "mobilities/partner_decision.hpp"

namespace mobility::mobilities {

using agreements::Editor;

class IncomingMobilities {
 public:
  // Stores the sending HEI's copy of a mobility to one of our hosted HEIs, as its OMobilities
  // get served it with `proposal_id`. kInvalidArgument when the copy names another sending HEI
  // than the one that served it, or a receiving HEI that we do not host (we keep nothing of it).
  // Returns true when anything changed.
  Result<bool> store_copy(db::Connection& connection, const std::string& sending_hei_id, const Mobility& copy,
                          const std::string& proposal_id) const;

  // The sending HEI no longer serves the mobility to us.
  Status copy_gone(db::Connection& connection, const std::string& sending_hei_id, const std::string& omobility_id) const;

  // Stores the sending HEI's learning agreement of a mobility we hold; kNotFound when we do not
  // hold the mobility yet (fetch it first), kInvalidArgument when it names other HEIs.
  Result<bool> store_la_copy(db::Connection& connection, const std::string& sending_hei_id, const LearningAgreement& copy) const;

  Status la_copy_gone(db::Connection& connection, const std::string& sending_hei_id, const std::string& omobility_id) const;

  // Queues our decision on the nomination or the learning agreement for the sending HEI, taking
  // the proposal id from our current copy. Refused (kInvalidArgument) without a comment where one
  // is needed, or without our coordinator's signature on an LA decision; kNotFound when `hei_id`
  // does not receive that mobility; kConflict when there is nothing to decide (a cancelled
  // nomination, an LA without a changes proposal).
  Status decide(db::Connection& connection, const std::string& hei_id, const std::string& sending_hei_id,
                const std::string& omobility_id, PartnerDecision decision, const Editor& editor) const;

  // Records the actual arrival and departure dates (IMobilities) and notifies the sending HEI.
  // kInvalidArgument for a date that is not YYYY-MM-DD or a departure before the arrival.
  Status record_actual_dates(db::Connection& connection, const std::string& hei_id, const std::string& sending_hei_id,
                             const std::string& omobility_id, const std::optional<std::string>& arrival,
                             const std::optional<std::string>& departure, const Editor& editor) const;
};

}  // namespace mobility::mobilities
