#include "ewp-node/apis/omobility-las-v1/las_api.hpp"

#include "base/log.hpp"
#include "base/text.hpp"
#include "db/institutions.hpp"
#include "db/learning_agreements.hpp"
#include "ewp-node/apis/api_responses.hpp"
#include "ewp-node/apis/ewp_parameters.hpp"
#include "ewp-node/apis/index_parameters.hpp"
#include "ewp-node/apis/omobility-las-v1/la_xml.hpp"
#include "ewp-node/xml/error_response.hpp"
#include "ewp-node/xml/namespaces.hpp"
#include "mobilities/outgoing_learning_agreements.hpp"

namespace mobility::ewp {
namespace {

constexpr const char* kGetPath = "/ewp/omobility-las/get";
constexpr const char* kIndexPath = "/ewp/omobility-las/index";
constexpr const char* kUpdatePath = "/ewp/omobility-las/update";
constexpr const char* kStatsPath = "/ewp/omobility-las/stats";
constexpr int kMaxReceivingHeiIds = 100;
constexpr const char* kStaleProposal =
    "Your copy of this learning agreement is not up to date: the student or the sending institution has "
    "changed the proposal since you fetched it. Fetch the agreement again and review the current proposal.";

// sending_hei_id, which must be one of our hosted HEIs; else the 400 to send.
std::variant<std::string, http::Response> hosted_sending_hei(db::Connection& connection, const http::Request& request,
                                                             const EwpParameters& parameters) {
  auto hei_id = parameters.required_single("sending_hei_id", Shape::kHeiId);
  if (!hei_id) return parameter_error(hei_id.status());
  auto hosted = db::is_hosted_hei(connection, *hei_id);
  if (!hosted) return storage_failure(request, hosted.status());
  if (!*hosted) return error_response(400, "sending_hei_id " + *hei_id + " is not an HEI this node covers");
  return *hei_id;
}

http::Response get_las(db::Pool& pool, const http::Request& request, const AuthenticatedClient& client) {
  auto read = EwpParameters::read(request);
  if (auto* refusal = std::get_if<http::Response>(&read)) return *refusal;
  const auto& parameters = std::get<EwpParameters>(read);
  auto ids = parameters.required_list("omobility_id", kMaxLaOMobilityIds, Shape::kIdentifier);
  if (!ids) return parameter_error(ids.status());
  auto connection = pool.acquire();
  if (!connection) return storage_failure(request, connection.status());
  auto sending_hei = hosted_sending_hei(**connection, request, parameters);
  if (auto* refusal = std::get_if<http::Response>(&sending_hei)) return *refusal;
  auto visible = db::find_visible_la_ids(**connection, std::get<std::string>(sending_hei), *ids, client.hei_ids);
  if (!visible) return storage_failure(request, visible.status());
  std::vector<mobilities::LearningAgreement> las;
  for (const std::string& omobility_id : *visible) {
    auto la = mobilities::OutgoingLearningAgreements().load(**connection, omobility_id);
    if (!la) return storage_failure(request, la.status().with_context("learning agreement " + omobility_id));
    if (auto missing = missing_la_elements(*la); !missing.empty()) {
      // Never send a document that breaks the schema; the agreement's page shows what it lacks.
      log::warn("la_not_servable", {{"omobility_id", omobility_id}, {"missing", missing.front()}});
      continue;
    }
    las.push_back(std::move(*la));
  }
  return xml_response(las_get_response_xml(las));
}

// mobility_type as LaFilter's activity attributes; invalid_argument for another word.
Result<std::optional<std::string>> activity_attributes_filter(const EwpParameters& parameters) {
  auto type = parameters.optional_single("mobility_type");
  if (!type || !*type) return type;
  if (**type == "semester") return std::optional<std::string>("long-term");
  if (**type == "blended") return std::optional<std::string>("short-term-blended");
  if (**type == "doctoral") return std::optional<std::string>("short-term-doctoral");
  return Status::invalid_argument("mobility_type '" + excerpt(**type, 40) + "' is not semester, blended or doctoral");
}

Result<db::LaFilter> index_filter(const EwpParameters& parameters, const AuthenticatedClient& client) {
  db::LaFilter filter;
  filter.caller_hei_ids = client.hei_ids;
  auto receiving = parameters.optional_list("receiving_hei_id", kMaxReceivingHeiIds, Shape::kHeiId);
  if (!receiving) return receiving.status();
  filter.receiving_hei_ids = *receiving;
  auto year = read_academic_year_id(parameters);
  if (!year) return year.status();
  filter.receiving_academic_year_id = *year;
  auto global_id = parameters.optional_single("global_id");
  if (!global_id) return global_id.status();
  filter.global_id = *global_id;
  auto attributes = activity_attributes_filter(parameters);
  if (!attributes) return attributes.status();
  filter.activity_attributes = *attributes;
  auto modified_since = read_modified_since(parameters);
  if (!modified_since) return modified_since.status();
  filter.modified_since = *modified_since;
  return filter;
}

http::Response index_las(db::Pool& pool, const http::Request& request, const AuthenticatedClient& client) {
  auto read = EwpParameters::read(request);
  if (auto* refusal = std::get_if<http::Response>(&read)) return *refusal;
  const auto& parameters = std::get<EwpParameters>(read);
  auto filter = index_filter(parameters, client);
  if (!filter) return parameter_error(filter.status());
  auto connection = pool.acquire();
  if (!connection) return storage_failure(request, connection.status());
  auto sending_hei = hosted_sending_hei(**connection, request, parameters);
  if (auto* refusal = std::get_if<http::Response>(&sending_hei)) return *refusal;
  filter->sending_hei_id = std::get<std::string>(sending_hei);
  auto ids = db::list_la_ids(**connection, *filter);
  if (!ids) return index_failure(request, ids.status());
  return xml_response(las_index_response_xml(*ids));
}

http::Response update_la(db::Pool& pool, const http::Request& request, const AuthenticatedClient& client) {
  auto update = read_la_update_request(request.body);
  if (!update) return parameter_error(update.status());
  auto connection = pool.acquire();
  if (!connection) return storage_failure(request, connection.status());
  mobilities::OutgoingLearningAgreements las;
  bool approve = update->type == LaUpdateRequest::Type::kApprove;
  Status stored = approve ? las.receive_approval(**connection, client.hei_ids, update->sending_hei_id, update->omobility_id,
                                                 update->changes_proposal_id, update->signature)
                          : las.receive_comment(**connection, client.hei_ids, update->sending_hei_id, update->omobility_id,
                                                update->changes_proposal_id, update->comment.value_or(""), update->signature);
  if (!stored) return update_refusal(request, stored, kStaleProposal);
  return xml_response(la_update_response_xml(
      {approve ? "The learning agreement is approved." : "Your comment was sent to the student and the sending institution."}));
}

http::Response la_stats_response(db::Pool& pool, const http::Request& request, const AuthenticatedClient&) {
  auto connection = pool.acquire();
  if (!connection) return storage_failure(request, connection.status());
  auto hosted = db::list_hosted_heis(**connection);
  if (!hosted) return storage_failure(request, hosted.status());
  std::vector<std::string> hei_ids;
  for (const auto& hei : *hosted) hei_ids.push_back(hei.hei_id);
  auto figures = db::la_stats(**connection, hei_ids);
  if (!figures) return storage_failure(request, figures.status());
  std::vector<LaStatsRow> rows;
  for (const db::LaStats& year : *figures) {
    rows.push_back({year.receiving_academic_year_id, year.total, year.not_modified_after_approval, year.modified_after_approval,
                    year.latest_version_approved, year.latest_version_rejected, year.latest_version_awaiting});
  }
  return xml_response(las_stats_response_xml(rows));
}

}  // namespace

ApiDescriptor omobility_las_v1_descriptor(db::Pool& pool) {
  ApiDescriptor api;
  api.name = "omobility-las";
  api.version = "1.2.0";
  api.entry_namespace = ns::kOmobilityLasEntry;
  api.endpoints = {{kGetPath, {"GET", "POST"}, with_pool(pool, get_las)},
                   {kIndexPath, {"GET", "POST"}, with_pool(pool, index_las)},
                   {kUpdatePath, {"POST"}, with_pool(pool, update_la)},
                   {kStatsPath, {"GET"}, with_pool(pool, la_stats_response)}};
  api.response_schemas = {
      "api-omobility-las/stable-v1/endpoints/get-response.xsd", "api-omobility-las/stable-v1/endpoints/index-response.xsd",
      "api-omobility-las/stable-v1/endpoints/update-response.xsd", "api-omobility-las/stable-v1/endpoints/stats-response.xsd"};
  api.write_entry = [](XmlElement& entry, const std::string& public_url) {
    write_httpsig_security(entry, ns::kOmobilityLasEntry);
    entry.add_text(ns::kOmobilityLasEntry, "get-url", public_url + kGetPath);
    entry.add_text(ns::kOmobilityLasEntry, "index-url", public_url + kIndexPath);
    entry.add_text(ns::kOmobilityLasEntry, "update-url", public_url + kUpdatePath);
    entry.add_text(ns::kOmobilityLasEntry, "stats-url", public_url + kStatsPath);
    entry.add_text(ns::kOmobilityLasEntry, "max-omobility-ids", std::to_string(kMaxLaOMobilityIds));
  };
  return api;
}

}  // namespace mobility::ewp
