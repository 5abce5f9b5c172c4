// /agreements/proposals: partners' agreements that reached us over EWP and that none of our
// copies is bound to yet, per HEI the visitor handles agreements for (the whole HEI: a proposal
// has no unit of ours yet). "Make our copy" (POST /agreements/proposals/adopt) stores our own
// copy of it, bound to it and sent to the partner at once (agreements/partner_copies.hpp), and
// opens it; "bind to it" (POST /agreements/proposals/bind) binds one of our agreements with that
// partner that is bound to none of its copies (both sides drafted the same agreement).
// GET /agreements/proposals/view?hei_id=…&partner_hei_id=…&partner_iia_id=… shows the partner's
// copy itself, every field in the page's language, with the same two answers: staff read what
// they answer before they answer it. An HEI the visitor does not handle as a whole, or a copy
// that is not stored, is 404.
#pragma once

#include "agreements/iia_book.hpp"
#include "portal/web/page.hpp"
#include "portal/web/site.hpp"

namespace mobility::agreements::pages {

http::Response partner_proposals(portal::PageRequest& page);
http::Response partner_proposal(portal::PageRequest& page);
http::Response adopt_proposal(portal::PageRequest& page, const IiaBook& book);
http::Response bind_proposal(portal::PageRequest& page, const IiaBook& book);

}  // namespace mobility::agreements::pages
