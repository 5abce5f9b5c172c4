#include "ewp-node/apis/course-replication-v1/course_replication_client.hpp"

#include "ewp-node/xml/dom.hpp"
#include "ewp-node/xml/namespaces.hpp"

namespace mobility::ewp {

Result<std::vector<std::string>> read_course_replication_response(std::string_view xml) {
  constexpr const char* kNs = ns::kCourseReplicationResponse;
  auto doc = parse_answer(xml, kNs, "course-replication-response", "Simple Course Replication v1");
  if (!doc) return doc.status();
  std::vector<std::string> los_ids;
  for (xmlNodePtr element : child_elements(xmlDocGetRootElement(doc->get()), kNs, "los-id")) {
    std::string los_id = element_text(element);
    if (!los_id.empty()) los_ids.push_back(std::move(los_id));
  }
  return los_ids;
}

Result<Answered<std::vector<std::string>>> get_los_ids(EwpClient& client, const std::string& hei_id) {
  return call_and_read<std::vector<std::string>>(
      client, {hei_id, ns::kCourseReplicationEntry, "simple-course-replication", "url", "GET", {{"hei_id", hei_id}}},
      read_course_replication_response);
}

}  // namespace mobility::ewp
