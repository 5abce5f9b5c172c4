// A partner's mobility to one of our HEIs (GET /mobilities/incoming/{sending_hei_id}/{omobility_id}),
// as last fetched from the sending HEI: the nomination, its learning agreement, and our decisions:
//   POST .../nomination  approve, or reject with a comment;
//   POST .../la          approve the changes proposal, or comment on it (reject), signed by the
//                        coordinator (name and e-mail from the account, position as typed);
//   POST .../dates       the actual arrival and departure dates (served by IMobilities).
// Each decision is queued for the sending HEI (the node calls its update API); the page shows
// whether it is waiting, delivered, or refused as outdated (409: the partner changed the proposal
// before our decision arrived, and the newly fetched one is shown to decide again).
#pragma once

#include "portal/web/site.hpp"

namespace mobility::portal::mobility_pages {

http::Response incoming_mobility(PageRequest& page, const std::string& sending_hei_id, const std::string& omobility_id);
http::Response decide_incoming(PageRequest& page, const std::string& sending_hei_id, const std::string& omobility_id,
                               const std::string& what);

}  // namespace mobility::portal::mobility_pages
