#include "tests/support/ewp_schemas.hpp"

#include <stdexcept>
#include <vector>

namespace mobility::testing {
namespace {

std::string spec(const std::string& relative) { return std::string(MOBILITY_SHARED_DIR) + "/ewp-specs/" + relative; }

ewp::SchemaValidator load(const std::vector<std::string>& relatives) {
  std::vector<std::string> paths;
  for (const auto& relative : relatives) paths.push_back(spec(relative));
  auto validator = ewp::SchemaValidator::load(paths, spec("catalog.xml"));
  if (!validator) throw std::runtime_error(validator.status().to_string());
  return *validator;
}

}  // namespace

const ewp::SchemaValidator& manifest_schema() {
  static const ewp::SchemaValidator validator = load(
      {"api-discovery/stable-v6/manifest.xsd", "api-discovery/stable-v6/manifest-entry.xsd",
       "api-echo/stable-v2/manifest-entry.xsd", "api-factsheet/stable-v1/manifest-entry.xsd",
       "api-institutions/stable-v2/manifest-entry.xsd", "api-ounits/stable-v2/manifest-entry.xsd",
       "api-iias/stable-v7/manifest-entry.xsd", "api-iias-approval/stable-v2/manifest-entry.xsd",
       "api-iia-cnr/stable-v3/manifest-entry.xsd", "network-schemas/ewp-specs-api-iia-approval-cnr-v2.0.0/manifest-entry.xsd",
       "network-schemas/ewp-specs-api-omobility-cnr-v2.0.0/manifest-entry.xsd",
       "api-omobility-la-cnr/stable-v1/manifest-entry.xsd",
       "network-schemas/ewp-specs-api-imobility-cnr-v2.0.0/manifest-entry.xsd",
       "network-schemas/ewp-specs-api-omobilities-v3.0.0/manifest-entry.xsd", "api-omobility-las/stable-v1/manifest-entry.xsd",
       "network-schemas/ewp-specs-api-imobilities-v2.0.0/manifest-entry.xsd",
       "sec-cliauth-httpsig/stable-v1/security-entries.xsd", "sec-srvauth-httpsig/stable-v1/security-entries.xsd"});
  return validator;
}

const ewp::SchemaValidator& iias_response_schema() {
  static const ewp::SchemaValidator validator =
      load({"api-iias/stable-v7/endpoints/get-response.xsd", "api-iias/stable-v7/endpoints/index-response.xsd",
            "api-iias/stable-v7/endpoints/stats-response.xsd", "api-iias-approval/stable-v2/response.xsd",
            "api-iia-cnr/stable-v3/response.xsd", "network-schemas/ewp-specs-api-iia-approval-cnr-v2.0.0/response.xsd"});
  return validator;
}

const ewp::SchemaValidator& mobility_cnr_response_schema() {
  static const ewp::SchemaValidator validator =
      load({"network-schemas/ewp-specs-api-omobility-cnr-v2.0.0/response.xsd", "api-omobility-la-cnr/stable-v1/response.xsd",
            "network-schemas/ewp-specs-api-imobility-cnr-v2.0.0/response.xsd"});
  return validator;
}

const ewp::SchemaValidator& las_schema() {
  static const ewp::SchemaValidator validator = load(
      {"api-omobility-las/stable-v1/endpoints/get-response.xsd", "api-omobility-las/stable-v1/endpoints/index-response.xsd",
       "api-omobility-las/stable-v1/endpoints/stats-response.xsd", "api-omobility-las/stable-v1/endpoints/update-request.xsd",
       "api-omobility-las/stable-v1/endpoints/update-response.xsd"});
  return validator;
}

// The network copies: their common types are architecture v1.16.0, by relative path.
const ewp::SchemaValidator& omobilities_v3_schema() {
  static const ewp::SchemaValidator validator =
      load({"network-schemas/ewp-specs-api-omobilities-v3.0.0/endpoints/get-response.xsd",
            "network-schemas/ewp-specs-api-omobilities-v3.0.0/endpoints/index-response.xsd",
            "network-schemas/ewp-specs-api-omobilities-v3.0.0/endpoints/update-request.xsd",
            "network-schemas/ewp-specs-api-omobilities-v3.0.0/endpoints/update-response.xsd"});
  return validator;
}

const ewp::SchemaValidator& imobilities_v2_schema() {
  static const ewp::SchemaValidator validator =
      load({"network-schemas/ewp-specs-api-imobilities-v2.0.0/endpoints/get-response.xsd"});
  return validator;
}

const ewp::SchemaValidator& elmo_v1_schema() {
  static const ewp::SchemaValidator validator = load({"elmo-schemas/v1/schema.xsd"});
  return validator;
}

const ewp::SchemaValidator& elmo_v2_schema() {
  static const ewp::SchemaValidator validator = load({"network-schemas/elmo-schemas-v2.1.1/schema.xsd"});
  return validator;
}

// The spec branch's copy: it imports ELMO v1 and the common types by their published URLs.
const ewp::SchemaValidator& tors_v2_schema() {
  static const ewp::SchemaValidator validator = load({"api-imobility-tors/stable-v2/endpoints/get-response.xsd"});
  return validator;
}

const ewp::SchemaValidator& tors_v3_schema() {
  static const ewp::SchemaValidator validator =
      load({"network-schemas/ewp-specs-api-imobility-tors-v3.0.0/endpoints/get-response.xsd"});
  return validator;
}

// Replication's copy imports the Courses schema by a path the bundle lacks: Courses comes first.
const ewp::SchemaValidator& courses_schema() {
  static const ewp::SchemaValidator validator =
      load({"api-courses/master/response.xsd", "network-schemas/ewp-specs-api-course-replication-v1.0.0-rc9/response.xsd"});
  return validator;
}

const ewp::SchemaValidator& echo_response_schema() {
  static const ewp::SchemaValidator validator = load({"api-echo/stable-v2/response.xsd"});
  return validator;
}

const ewp::SchemaValidator& institutions_response_schema() {
  static const ewp::SchemaValidator validator = load({"api-institutions/stable-v2/response.xsd"});
  return validator;
}

const ewp::SchemaValidator& ounits_response_schema() {
  static const ewp::SchemaValidator validator = load({"api-ounits/stable-v2/response.xsd"});
  return validator;
}

const ewp::SchemaValidator& factsheet_response_schema() {
  static const ewp::SchemaValidator validator = load({"api-factsheet/stable-v1/response.xsd"});
  return validator;
}

const ewp::SchemaValidator& error_response_schema() {
  static const ewp::SchemaValidator validator = load({"architecture/stable-v1/common-types.xsd"});
  return validator;
}

const ewp::SchemaValidator& catalogue_schema() {
  static const ewp::SchemaValidator validator =
      load({"api-registry/stable-v1/catalogue.xsd", "api-discovery/stable-v6/manifest-entry.xsd",
            "api-echo/stable-v2/manifest-entry.xsd", "api-institutions/stable-v2/manifest-entry.xsd",
            "api-ounits/stable-v2/manifest-entry.xsd", "sec-cliauth-httpsig/stable-v1/security-entries.xsd",
            "sec-srvauth-httpsig/stable-v1/security-entries.xsd"});
  return validator;
}

}  // namespace mobility::testing
