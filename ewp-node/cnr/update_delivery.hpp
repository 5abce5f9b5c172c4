// Delivers one of our decisions as the receiving HEI (mobilities/partner_decision.hpp, queued by
// IncomingMobilities::decide) to the sending HEI's update endpoint, signed:
//   omobilities-update → OMobilities v3 update (approve-proposal-v1 / reject-proposal-v1);
//   omobility-las-update → OMobility LAs v1 update (approve-proposal-v1 / comment-proposal-v1).
// 2xx → done; 409 → conflict (the partner changed the proposal since we fetched it: a normal
// outcome that the coordinator's page shows, never retried); other 4xx → give_up; 5xx, network
// trouble, a refused answer → retry. After a 2xx or a 409 our copy is fetched again (an inbox
// item), so the page shows what the partner holds now. A 409 is not an error of the partner's:
// the health page counts it apart, and the partner's last contact stays a success.
#pragma once

#include "db/connection.hpp"
#include "db/notifications.hpp"
#include "ewp-node/client/ewp_client.hpp"
#include "ewp-node/cnr/work_outcome.hpp"

namespace mobility::ewp {

// true for the outbox kinds deliver_update handles.
bool is_partner_update(const std::string& kind);

WorkOutcome deliver_update(EwpClient& client, db::Connection& connection, const db::QueuedNotification& notification);

}  // namespace mobility::ewp
