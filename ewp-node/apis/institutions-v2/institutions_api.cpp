#include "ewp-node/apis/institutions-v2/institutions_api.hpp"

#include "ewp-node/apis/api_responses.hpp"
#include "ewp-node/apis/ewp_parameters.hpp"
#include "ewp-node/xml/namespaces.hpp"
#include "ewp-node/xml/shared_types_xml.hpp"

namespace mobility::ewp {
namespace {

constexpr const char* kPath = "/ewp/institutions";
constexpr const char* kNs = ns::kInstitutionsResponse;

// The elements in the order response.xsd sequences them.
void add_hei(XmlElement& root, const db::InstitutionDetails& institution) {
  XmlElement hei = root.add(kNs, "hei");
  hei.add_text(kNs, "hei-id", institution.hei_id);
  add_names(hei, kNs, institution.names, institution.hei_id);
  add_optional_text(hei, kNs, "abbreviation", institution.abbreviation);
  add_street_address(hei, institution.street_address);
  add_optional_text(hei, kNs, "website-url", institution.website_url);
  add_optional_text(hei, kNs, "logo-url", institution.logo_url);
  add_optional_text(hei, kNs, "mobility-factsheet-url", institution.mobility_factsheet_url);
  for (const auto& contact : institution.contacts) add_contact(hei, contact);
  add_optional_text(hei, kNs, "root-ounit-id", institution.root_ounit_id);
  for (const auto& ounit_id : institution.ounit_ids) hei.add_text(kNs, "ounit-id", ounit_id);
}

http::Response answer(db::Pool& pool, const http::Request& request) {
  auto parameters = EwpParameters::read(request);
  if (auto* refusal = std::get_if<http::Response>(&parameters)) return *refusal;
  auto hei_ids = std::get<EwpParameters>(parameters).required_list("hei_id", kMaxHeiIds, Shape::kHeiId);
  if (!hei_ids) return parameter_error(hei_ids.status());
  auto connection = pool.acquire();
  if (!connection) return storage_failure(request, connection.status());
  auto institutions = db::find_institution_details(**connection, *hei_ids);
  if (!institutions) return storage_failure(request, institutions.status());
  return xml_response(institutions_response_xml(*institutions));
}

}  // namespace

std::string institutions_response_xml(const std::vector<db::InstitutionDetails>& institutions) {
  XmlDocument doc(kNs, "institutions-response");
  declare_shared_types(doc);
  XmlElement root = doc.root();
  for (const auto& institution : institutions) add_hei(root, institution);
  return doc.serialize();
}

ApiDescriptor institutions_v2_descriptor(db::Pool& pool) {
  ApiDescriptor api;
  api.name = "institutions";
  api.version = "2.2.0";
  api.entry_namespace = ns::kInstitutionsEntry;
  api.endpoints = {{kPath, {"GET", "POST"}, [&pool](const http::Request& request, const AuthenticatedClient&) {
                      return answer(pool, request);
                    }}};
  api.response_schemas = {"api-institutions/stable-v2/response.xsd"};
  api.write_entry = [](XmlElement& entry, const std::string& public_url) {
    write_httpsig_security(entry, ns::kInstitutionsEntry);
    entry.add_text(ns::kInstitutionsEntry, "url", public_url + kPath);
    entry.add_text(ns::kInstitutionsEntry, "max-hei-ids", std::to_string(kMaxHeiIds));
  };
  return api;
}

}  // namespace mobility::ewp
