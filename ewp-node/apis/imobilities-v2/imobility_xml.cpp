#include "ewp-node/apis/imobilities-v2/imobility_xml.hpp"

#include "ewp-node/xml/dom.hpp"
#include "ewp-node/xml/namespaces.hpp"
#include "ewp-node/xml/shared_types_xml.hpp"
#include "ewp-node/xml/xml_writer.hpp"

namespace mobility::ewp {
namespace {

constexpr const char* kGet = ns::kImobilitiesGetResponse;

std::optional<std::string> optional_text(xmlNodePtr parent, const char* name) {
  xmlNodePtr child = first_child_element(parent, kGet, name);
  if (child == nullptr) return std::nullopt;
  return element_text(child);
}

}  // namespace

std::string imobilities_get_response_xml(const std::vector<IMobilityDates>& mobilities) {
  XmlDocument doc(kGet, "imobilities-get-response");
  XmlElement root = doc.root();
  for (const IMobilityDates& dates : mobilities) {
    XmlElement element = root.add(kGet, "student-mobility");
    element.add_text(kGet, "omobility-id", dates.omobility_id);
    add_optional_text(element, kGet, "actual-arrival-date", dates.actual_arrival_date);
    add_optional_text(element, kGet, "actual-departure-date", dates.actual_departure_date);
  }
  return doc.serialize();
}

Result<std::vector<IMobilityDates>> read_imobilities_get_response(std::string_view xml) {
  auto doc = parse_answer(xml, kGet, "imobilities-get-response", "IMobilities v2");
  if (!doc) return doc.status();
  std::vector<IMobilityDates> mobilities;
  for (xmlNodePtr element : child_elements(xmlDocGetRootElement(doc->get()), kGet, "student-mobility")) {
    auto id = optional_text(element, "omobility-id");
    if (!id) return Status::invalid_argument("a <student-mobility> has no <omobility-id>");
    mobilities.push_back({*id, optional_text(element, "actual-arrival-date"), optional_text(element, "actual-departure-date")});
  }
  return mobilities;
}

}  // namespace mobility::ewp
