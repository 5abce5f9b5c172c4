// GET /agreements/{iia_id}: our copy beside the partner's current copy with every differing field
// marked, where approval stands both ways and, when the partner's copy cannot be approved, why
// in words; the actions the agreement allows now. POST …/share, …/approve (kApproveAgreement),
// …/terminate (with a confirmation), …/delete (only while never approved by both): each goes
// through IiaBook and answers 303 back here with a confirmation, or this page with the reason.
#pragma once

#include <string>

#include "agreements/iia_book.hpp"
#include "portal/web/site.hpp"

namespace mobility::agreements::pages {

http::Response agreement_detail(portal::PageRequest& page, const std::string& iia_id);
http::Response share_agreement(portal::PageRequest& page, const IiaBook& book, const std::string& iia_id);
http::Response approve_agreement(portal::PageRequest& page, const IiaBook& book, const std::string& iia_id);
http::Response terminate_agreement(portal::PageRequest& page, const IiaBook& book, const std::string& iia_id);
http::Response delete_agreement(portal::PageRequest& page, const IiaBook& book, const std::string& iia_id);

}  // namespace mobility::agreements::pages
