// Course pre-approval pages (mobilities/course_preapprovals.hpp), for the student whose mobility it
// is (find_own) and for the staff who may see it (find_outgoing); anyone else gets a 404:
//   GET  /my-exchange/mobilities/{omobility_id}/courses                 the lines, a form for a new one,
//                                                                       and earlier students' approved
//                                                                       courses at the destination
//   POST /my-exchange/mobilities/{omobility_id}/courses                 proposes a line
//   POST /my-exchange/mobilities/{omobility_id}/courses/{line_id}/withdraw
//   GET  /mobilities/outgoing/{omobility_id}/courses                    the lines with decision forms
//   POST /mobilities/outgoing/{omobility_id}/courses/{line_id}          decision=approve|reject, comment
//   GET  .../courses/decision.pdf   (both)  the decision as a document: every line, who decided, when
//   GET  /mobilities/outgoing/{omobility_id}/courses/decision.csv       the approved lines for the
//                                                                       student information system
//                                                                       (columns: docs/pages.md)
#pragma once

#include <string>
#include <vector>

#include "portal/web/site.hpp"

namespace mobility::portal::mobility_pages {

// `rest`: the path's segments after "courses" ({}, {"decision.pdf"}, {"17", "withdraw"}, …).
http::Response own_courses(PageRequest& page, const std::string& omobility_id, const std::vector<std::string>& rest);
http::Response staff_courses(PageRequest& page, const std::string& omobility_id, const std::vector<std::string>& rest);

}  // namespace mobility::portal::mobility_pages
