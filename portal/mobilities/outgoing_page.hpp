// One of our outgoing mobilities (GET /mobilities/outgoing/{omobility_id}): the nomination and
// the receiving HEI's decision, every version of the learning agreement with its state, the
// history, and two versions compared field by field (?from=N&to=M). POST .../cancel cancels the
// nomination with a reason (the receiving HEI is notified). POST .../sign signs the draft the
// student signed, as the sending HEI (name and e-mail from the account, the position as typed):
// it becomes the proposal the receiving HEI sees, and it is notified.
#pragma once

#include "portal/web/site.hpp"

namespace mobility::portal::mobility_pages {

http::Response outgoing_mobility(PageRequest& page, const std::string& omobility_id);
http::Response cancel_outgoing(PageRequest& page, const std::string& omobility_id);
http::Response sign_as_sending_hei(PageRequest& page, const std::string& omobility_id);

}  // namespace mobility::portal::mobility_pages
