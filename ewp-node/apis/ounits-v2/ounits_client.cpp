#include "ewp-node/apis/ounits-v2/ounits_client.hpp"

#include <algorithm>
#include <charconv>

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

namespace {

size_t max_ounit_ids(const EwpClient& client, const ApiCall& call) {
  auto entry = client.entry_for(call);
  if (!entry) return 1;
  auto setting = entry->settings.find("max-ounit-ids");
  if (setting == entry->settings.end()) return 1;
  size_t value = 0;
  const std::string& text = setting->second;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  return error == std::errc() && end == text.data() + text.size() && value > 0 ? value : 1;
}

}  // namespace

Result<Answered<std::vector<db::OunitDetails>>> get_ounits(EwpClient& client, const std::string& hei_id,
                                                           const std::vector<std::string>& ounit_ids) {
  using Units = std::vector<db::OunitDetails>;
  ApiCall call{hei_id, ns::kOunitsEntry, "organizational-units", "url", "GET", {}};
  size_t batch = max_ounit_ids(client, call);
  Answered<Units> all{200, Units(), ""};
  for (size_t first = 0; first < ounit_ids.size(); first += batch) {
    call.parameters = {{"hei_id", hei_id}};
    for (size_t i = first; i < std::min(first + batch, ounit_ids.size()); ++i)
      call.parameters.emplace_back("ounit_id", ounit_ids[i]);
    auto answered = call_and_read<Units>(client, call, [&](std::string_view body) { return read_ounits_response(body, hei_id); });
    if (!answered || !answered->ok()) return answered;
    all.value->insert(all.value->end(), answered->value->begin(), answered->value->end());
  }
  return all;
}

}  // namespace mobility::ewp
