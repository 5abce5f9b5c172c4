#include "ewp-node/apis/institutions-v2/institutions_client.hpp"

#include "ewp-node/xml/dom.hpp"
#include "ewp-node/xml/namespaces.hpp"
#include "ewp-node/xml/shared_types_reader.hpp"

namespace mobility::ewp {
namespace {

constexpr const char* kNs = ns::kInstitutionsResponse;

db::InstitutionDetails read_hei(xmlNodePtr hei) {
  db::InstitutionDetails institution;
  institution.hei_id = element_text(first_child_element(hei, kNs, "hei-id"));
  institution.names = read_names(hei, kNs);
  institution.abbreviation = optional_child_text(hei, kNs, "abbreviation");
  institution.street_address = read_street_address(hei);
  institution.website_url = optional_child_text(hei, kNs, "website-url");
  institution.logo_url = optional_child_text(hei, kNs, "logo-url");
  institution.mobility_factsheet_url = optional_child_text(hei, kNs, "mobility-factsheet-url");
  institution.contacts = read_contacts(hei, institution.hei_id, std::nullopt);
  institution.root_ounit_id = optional_child_text(hei, kNs, "root-ounit-id");
  for (xmlNodePtr ounit : child_elements(hei, kNs, "ounit-id")) institution.ounit_ids.push_back(element_text(ounit));
  return institution;
}

}  // namespace

Result<std::vector<db::InstitutionDetails>> read_institutions_response(std::string_view xml) {
  auto doc = parse_answer(xml, kNs, "institutions-response", "Institutions v2");
  if (!doc) return doc.status();
  std::vector<db::InstitutionDetails> institutions;
  for (xmlNodePtr hei : child_elements(xmlDocGetRootElement(doc->get()), kNs, "hei")) institutions.push_back(read_hei(hei));
  return institutions;
}

Result<Answered<std::vector<db::InstitutionDetails>>> get_institutions(EwpClient& client, const std::string& hei_id) {
  return call_and_read<std::vector<db::InstitutionDetails>>(
      client, {hei_id, ns::kInstitutionsEntry, "institutions", "url", "GET", {{"hei_id", hei_id}}}, read_institutions_response);
}

}  // namespace mobility::ewp
