// Works off one incoming notification: fetches what changed from the partner and hands it to the
// agreements module (agreements/partner_copies.hpp) or the mobility domain (mobilities/).
//   iia: the partner's IIAs get for its iia_id; an empty answer means the copy is gone. The hash
//        it publishes is recomputed on that IIA alone (ewp-node/apis/iias-v7/iia_hash.hpp).
//   iia-approval: the partner's IIAs Approval API for our iia_id; no approval listed means none.
//   omobility, omobility-la: (we receive) the sending HEI's OMobilities or LAs get for its
//        omobility_id, stored through mobilities/incoming_mobilities.hpp; an agreement of a
//        mobility we do not hold yet fetches the mobility first; an empty answer marks it gone.
//   imobility: (we send) the receiving HEI's IMobilities get: its actual dates.
// Partner answers are signed and schema-checked by the EwpClient; anything it refuses, and XML
// we cannot read, stores nothing and is retried later.
#pragma once

#include "agreements/partner_copies.hpp"
#include "db/connection.hpp"
#include "db/notifications.hpp"
#include "ewp-node/client/ewp_client.hpp"
#include "ewp-node/cnr/work_outcome.hpp"

namespace mobility::ewp {

WorkOutcome refresh_from_partner(EwpClient& client, db::Connection& connection, const agreements::PartnerCopies& copies,
                                 const db::QueuedNotification& notification);

}  // namespace mobility::ewp
