// Delivers one of our change notifications to the partner: finds its CNR API of the right kind in
// the registry catalogue and POSTs the id, signed, verifying the signed answer (EwpClient).
//   2xx → done; no such API for the partner → no_api; 4xx → give_up (a retry would be refused
//   again, as the EWP architecture says); 5xx, network trouble, a refused answer → retry.
#pragma once

#include "db/notifications.hpp"
#include "ewp-node/client/ewp_client.hpp"
#include "ewp-node/cnr/work_outcome.hpp"

namespace mobility::ewp {

WorkOutcome deliver_cnr(EwpClient& client, const db::QueuedNotification& notification);

// What a partner's answer status means for a notification or a fetch; a refusal's
// developer-message, when it gave one, is kept in the detail (at most 300 bytes of it).
WorkOutcome outcome_of_status(int status, const std::string& what, const std::string& developer_message = "");

// What a failed EwpClient call (no answer, or an answer we refused) means; the client's message
// names the partner and the API of what went wrong there.
WorkOutcome outcome_of_failure(const Status& status);

}  // namespace mobility::ewp
