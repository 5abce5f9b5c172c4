// Simple Course Replication v1 as we call it (1.0.0-rc9, the namespace
// ewp-node/xml/namespaces.hpp names): the list of every learning opportunity a partner HEI
// publishes through its Courses API (ewp-node/apis/courses-v0). read_course_replication_response
// is invalid_argument when the body is not XML or not a <course-replication-response>.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/status.hpp"
#include "ewp-node/client/answered.hpp"

namespace mobility::ewp {

// The official XSD of the answers, relative to the schema bundle: we call this API but do not
// serve it, so the node adds it to the schemas of the APIs it serves (ewp_node.cpp).
inline constexpr const char* kCourseReplicationResponseSchema =
    "network-schemas/ewp-specs-api-course-replication-v1.0.0-rc9/response.xsd";

// Every <los-id> of the answer, in order, blank ones left out.
Result<std::vector<std::string>> read_course_replication_response(std::string_view xml);

// `hei_id`'s Simple Course Replication API asked for all its LOS ids (no modified_since: the
// full list); the answer read as above.
Result<Answered<std::vector<std::string>>> get_los_ids(EwpClient& client, const std::string& hei_id);

}  // namespace mobility::ewp
