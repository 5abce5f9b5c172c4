// Courses v0 as we call it (0.7.1, a draft; the namespace ewp-node/xml/namespaces.hpp names).
// read_courses_response reads a partner's <courses-response> into plain courses
// (db::PartnerCourse): the LOS id and code, the title (the English one when there is one, else
// the first), ISCED-F code, EQF level, first URL, and per instance (LOI) its id, start and end
// dates (a time zone is dropped), ECTS credits (the credit whose scheme is "ects") and language of
// instruction. Other elements are skipped.
//
// invalid_argument when the body is not XML or not a <courses-response>, or (from a partner
// whose answers are not schema-checked, lenient_xml_heis) when a course's eqfLevelProvided is not
// 1 to 8, an instance's start or end is not a date, or its ECTS credits are not a number; the
// message names the course and instance.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/status.hpp"
#include "db/partner_courses.hpp"
#include "ewp-node/client/answered.hpp"

namespace mobility::ewp {

// The official XSD of the answers, relative to the schema bundle: we call this API but do not
// serve it, so the node adds it to the schemas of the APIs it serves (ewp_node.cpp).
inline constexpr const char* kCoursesResponseSchema = "api-courses/master/response.xsd";

// Every <learningOpportunitySpecification> of the answer, in document order.
Result<std::vector<db::PartnerCourse>> read_courses_response(std::string_view xml);

// The courses `los_ids` of `hei_id` from its Courses API, asked in batches of the max-los-ids its
// registry entry gives (1 when it gives none), read as above and joined in order. The first batch
// answered with a non-2xx ends the call with that status.
Result<Answered<std::vector<db::PartnerCourse>>> get_courses(EwpClient& client, const std::string& hei_id,
                                                             const std::vector<std::string>& los_ids);

}  // namespace mobility::ewp
