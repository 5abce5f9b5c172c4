// A student's own outgoing mobilities (Action::kViewOwnExchange: only the student the mobility
// names; anyone else gets a 404):
//   GET  /my-exchange/mobilities                       the list
//   GET  /my-exchange/mobilities/{omobility_id}        the nomination, every agreement version,
//                                                      and the editor of the next proposal
//   POST /my-exchange/mobilities/{omobility_id}/draft  saves the editor's rows as the draft
//                                                      (replacing an earlier draft and its signatures)
//   POST /my-exchange/mobilities/{omobility_id}/sign   the student signs the draft; the
//                                                      coordinator signs next (outgoing_page.hpp)
// The first proposal lists the components; after an approved first version the editor proposes
// changes (inserted or deleted components with their reasons), as the spec asks.
#pragma once

#include "portal/web/site.hpp"

namespace mobility::portal::mobility_pages {

http::Response student_mobility(PageRequest& page, const std::string& omobility_id);
http::Response save_student_draft(PageRequest& page, const std::string& omobility_id);
http::Response sign_as_student(PageRequest& page, const std::string& omobility_id);

// GET /my-exchange/mobilities: the student's own mobilities, each linking to its page.
http::Response student_mobilities(PageRequest& page);

}  // namespace mobility::portal::mobility_pages
