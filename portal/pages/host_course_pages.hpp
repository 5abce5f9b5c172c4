// The coordinators' pages for the host's courses of a destination (agreements/host_courses.hpp),
// beside the destination editor and with its access (Action::kEditAgreementInformation at the
// visitor's HEI; a partner that is not one of that HEI's destinations, or a course of another
// list, is a 404):
//   GET  /coordinator/destinations/courses?partner_hei_id=…                the list and a form to add one
//   GET  /coordinator/destinations/courses/edit?partner_hei_id=…&course_id=…  one course's form
//   POST /coordinator/destinations/courses/add      a new course
//   POST /coordinator/destinations/courses/save     changes one (course_id, version seen)
//   POST /coordinator/destinations/courses/remove   removes one (course_id, version seen)
//   POST /coordinator/destinations/courses/import   csv pasted; action=preview shows every row with its
//                                                   problems, action=import stores them all when none
//                                                   has one (agreements/host_course_import.hpp)
// A refused change shows the form again with what was typed and why (400 for fields, 409 when the
// course was changed meanwhile), having stored nothing; a change done answers 303 to the list.
#pragma once

#include "http/router.hpp"
#include "portal/web/site.hpp"

namespace mobility::portal {

// The site must outlive the router.
void add_host_course_pages(http::Router& router, const Site& site);

}  // namespace mobility::portal
