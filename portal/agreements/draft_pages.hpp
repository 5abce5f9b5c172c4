// The draft form: GET/POST /agreements/new (a new agreement) and /agreements/{iia_id}/edit (a
// new version). A refused form is shown again with what was typed and each problem next to its
// field. Editing sends the version the form was made from, so a change someone saved meanwhile
// is reported ("reload") instead of overwritten; the form warns that changing an approved
// agreement takes both approvals away.
#pragma once

#include <string>

#include "agreements/iia_book.hpp"
#include "portal/web/site.hpp"

namespace mobility::agreements::pages {

http::Response new_draft_form(portal::PageRequest& page);
http::Response create_draft(portal::PageRequest& page, const IiaBook& book);
http::Response edit_form(portal::PageRequest& page, const std::string& iia_id);
http::Response save_revision(portal::PageRequest& page, const IiaBook& book, const std::string& iia_id);

}  // namespace mobility::agreements::pages
