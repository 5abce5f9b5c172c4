// The coordinators' side of applications (Action::kViewStudent: a student's application is in the
// scope of the student's unit and every unit above it, so a unit coordinator sees and decides
// their unit's students; an IO admin the whole HEI):
//   GET  /coordinator/applications                              the HEI's rounds; a form for a new one
//   POST /coordinator/applications                              creates a round (for the whole HEI
//                                                               or one unit the visitor handles)
//   GET  /coordinator/applications/{round_id}                   per destination: the places the
//                                                               agreement offers, those taken, and
//                                                               the applicants who chose it in the
//                                                               coordinators' ranking, the unranked
//                                                               after (in the order they handed in);
//                                                               a ranking form per destination
//   POST /coordinator/applications/{round_id}/ranking          partner_hei_id, version, rank_{id}
//                                                               per applicant (1 to 999, empty: not
//                                                               ranked): saves that destination's
//                                                               ranking; bad or repeated numbers
//                                                               400, changed meanwhile 409, an
//                                                               applicant not of the destination 404
//   POST /coordinator/applications/{round_id}/{application_id}/select   partner_hei_id, version:
//                                                               selects and nominates the student
//   POST /coordinator/applications/{round_id}/{application_id}/reject   reason, version
//   GET  /coordinator/applications/{round_id}/{application_id}/documents/{document_id}   a document
//                                                               the applicant attached, as a download
//                                                               (application_document_pages.hpp)
// A round of another HEI, or an application outside the visitor's units, reads as unknown (404).
#pragma once

#include <string>

#include "portal/web/site.hpp"

namespace mobility::portal::mobility_pages {

http::Response application_rounds(PageRequest& page);  // GET and POST /coordinator/applications
// GET of the round (empty `decision`), the POST of a decision ("select", "reject") on one of its
// applications, or of a destination's ranking ("ranking", empty `application_id`); the ids as the
// path gives them.
http::Response application_round(PageRequest& page, const std::string& round_id, const std::string& application_id,
                                 const std::string& decision);
// The GET of a document of one of the round's applications; the ids as the path gives them.
http::Response applicant_document(PageRequest& page, const std::string& round_id, const std::string& application_id,
                                  const std::string& document_id);

}  // namespace mobility::portal::mobility_pages
