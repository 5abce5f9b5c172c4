#include "ewp-node/apis/ounits-v2/ounits_client.hpp"

#include "ewp-node/xml/dom.hpp"
#include "ewp-node/xml/namespaces.hpp"
#include "ewp-node/xml/shared_types_reader.hpp"

namespace mobility::ewp {
namespace {

constexpr const char* kNs = ns::kOunitsResponse;

db::OunitDetails read_ounit(xmlNodePtr ounit, const std::string& hei_id) {
  db::OunitDetails unit;
  unit.ounit_id = element_text(first_child_element(ounit, kNs, "ounit-id"));
  unit.ounit_code = element_text(first_child_element(ounit, kNs, "ounit-code"));
  unit.names = read_names(ounit, kNs);
  unit.abbreviation = optional_child_text(ounit, kNs, "abbreviation");
  unit.parent_ounit_id = optional_child_text(ounit, kNs, "parent-ounit-id");
  unit.website_url = optional_child_text(ounit, kNs, "website-url");
  unit.contacts = read_contacts(ounit, hei_id, unit.ounit_id);
  return unit;
}

}  // namespace

Result<std::vector<db::OunitDetails>> read_ounits_response(std::string_view xml, const std::string& hei_id) {
  auto doc = parse_answer(xml, kNs, "ounits-response", "Organizational Units v2");
  if (!doc) return doc.status();
  std::vector<db::OunitDetails> units;
  for (xmlNodePtr ounit : child_elements(xmlDocGetRootElement(doc->get()), kNs, "ounit"))
    units.push_back(read_ounit(ounit, hei_id));
  return units;
}

Result<Answered<std::vector<db::OunitDetails>>> get_ounits(EwpClient& client, const std::string& hei_id,
                                                           const std::vector<std::string>& ounit_ids) {
  ApiCall call{hei_id, ns::kOunitsEntry, "organizational-units", "url", "GET", {{"hei_id", hei_id}}};
  return call_in_batches<db::OunitDetails>(client, call, "ounit_id", ounit_ids, max_ids_setting(client, call, "max-ounit-ids"),
                                           [&](std::string_view body) { return read_ounits_response(body, hei_id); });
}

}  // namespace mobility::ewp
