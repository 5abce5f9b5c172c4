#include "ewp-node/apis/ounits-v2/ounits_api.hpp"

#include "db/institutions.hpp"
#include "ewp-node/apis/api_responses.hpp"
#include "ewp-node/apis/ewp_parameters.hpp"
#include "ewp-node/xml/error_response.hpp"
#include "ewp-node/xml/namespaces.hpp"
#include "ewp-node/xml/shared_types_xml.hpp"

namespace mobility::ewp {
namespace {

constexpr const char* kPath = "/ewp/ounits";
constexpr const char* kNs = ns::kOunitsResponse;

struct OunitsQuery {
  std::string hei_id;
  std::vector<std::string> ounit_ids;
  std::vector<std::string> ounit_codes;
};

Result<OunitsQuery> read_query(const EwpParameters& parameters) {
  auto hei_id = parameters.required_single("hei_id", Shape::kHeiId);
  if (!hei_id) return hei_id.status();
  auto ounit_ids = parameters.optional_list("ounit_id", kMaxOunitIds, Shape::kIdentifier);
  if (!ounit_ids) return ounit_ids.status();
  auto ounit_codes = parameters.optional_list("ounit_code", kMaxOunitCodes);
  if (!ounit_codes) return ounit_codes.status();
  if (!ounit_ids->empty() && !ounit_codes->empty()) {
    return Status::invalid_argument("give either ounit_id or ounit_code values, not both");
  }
  if (ounit_ids->empty() && ounit_codes->empty()) {
    return Status::invalid_argument("parameter ounit_id or ounit_code is required");
  }
  return OunitsQuery{*hei_id, *ounit_ids, *ounit_codes};
}

// The elements in the order response.xsd sequences them.
void add_ounit(XmlElement& root, const db::OunitDetails& unit) {
  XmlElement ounit = root.add(kNs, "ounit");
  ounit.add_text(kNs, "ounit-id", unit.ounit_id);
  ounit.add_text(kNs, "ounit-code", unit.ounit_code);
  add_names(ounit, kNs, unit.names, unit.ounit_code);
  add_optional_text(ounit, kNs, "abbreviation", unit.abbreviation);
  add_optional_text(ounit, kNs, "parent-ounit-id", unit.parent_ounit_id);
  add_optional_text(ounit, kNs, "website-url", unit.website_url);
  for (const auto& contact : unit.contacts) add_contact(ounit, contact);
}

http::Response answer(db::Pool& pool, const http::Request& request) {
  auto parameters = EwpParameters::read(request);
  if (auto* refusal = std::get_if<http::Response>(&parameters)) return *refusal;
  auto query = read_query(std::get<EwpParameters>(parameters));
  if (!query) return parameter_error(query.status());
  auto connection = pool.acquire();
  if (!connection) return storage_failure(request, connection.status());
  auto hosted = db::is_hosted_hei(**connection, query->hei_id);
  if (!hosted) return storage_failure(request, hosted.status());
  if (!*hosted) return error_response(400, "hei_id " + query->hei_id + " is not an HEI this node covers");
  auto units = db::find_ounit_details(**connection, query->hei_id, query->ounit_ids, query->ounit_codes);
  if (!units) return storage_failure(request, units.status());
  return xml_response(ounits_response_xml(*units));
}

}  // namespace

std::string ounits_response_xml(const std::vector<db::OunitDetails>& units) {
  XmlDocument doc(kNs, "ounits-response");
  declare_shared_types(doc);
  XmlElement root = doc.root();
  for (const auto& unit : units) add_ounit(root, unit);
  return doc.serialize();
}

ApiDescriptor ounits_v2_descriptor(db::Pool& pool) {
  ApiDescriptor api;
  api.name = "organizational-units";
  api.version = "2.1.1";
  api.entry_namespace = ns::kOunitsEntry;
  api.endpoints = {{kPath, {"GET", "POST"}, [&pool](const http::Request& request, const AuthenticatedClient&) {
                      return answer(pool, request);
                    }}};
  api.response_schemas = {"api-ounits/stable-v2/response.xsd"};
  api.write_entry = [](XmlElement& entry, const std::string& public_url) {
    write_httpsig_security(entry, ns::kOunitsEntry);
    entry.add_text(ns::kOunitsEntry, "url", public_url + kPath);
    entry.add_text(ns::kOunitsEntry, "max-ounit-ids", std::to_string(kMaxOunitIds));
    entry.add_text(ns::kOunitsEntry, "max-ounit-codes", std::to_string(kMaxOunitCodes));
  };
  return api;
}

}  // namespace mobility::ewp
