// A student's applications (Action::kViewOwnExchange: the student only; a round of another HEI
// or unit reads as unknown):
//   GET  /my-exchange/applications                        the rounds the student may apply in,
//                                                         with their application's state
//   GET  /my-exchange/applications/{round_id}             the application form, or the decision
//   POST /my-exchange/applications/{round_id}             action=save (a draft) or submit; the form
//                                                         carries the version it showed
//   POST /my-exchange/applications/{round_id}/withdraw    withdraws it
//   .../{round_id}/documents...                           the documents attached to it
//                                                         (application_document_pages.hpp)
// Bad input is shown beside its field with what was typed kept; a change made meanwhile in
// another tab is refused with "changed meanwhile" and the stored application shown.
#pragma once

#include <string>
#include <vector>

#include "portal/web/site.hpp"

namespace mobility::portal::mobility_pages {

http::Response student_applications(PageRequest& page);
// `round_id` as the path gives it, `rest` the segments after it: none for the form, "withdraw",
// or "documents" and what follows (application_document_pages.hpp).
http::Response student_application(PageRequest& page, const std::string& round_id, const std::vector<std::string>& rest);

}  // namespace mobility::portal::mobility_pages
