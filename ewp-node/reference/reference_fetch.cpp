#include "ewp-node/reference/reference_fetch.hpp"

#include <algorithm>
#include <iterator>
#include <variant>

#include "db/partner_courses.hpp"
#include "db/partner_factsheets.hpp"
#include "db/partner_reference_data.hpp"
#include "ewp-node/apis/course-replication-v1/course_replication_client.hpp"
#include "ewp-node/apis/courses-v0/courses_client.hpp"
#include "ewp-node/apis/factsheet-v1/factsheet_client.hpp"
#include "ewp-node/apis/institutions-v2/institutions_client.hpp"
#include "ewp-node/apis/ounits-v2/ounits_client.hpp"

namespace mobility::ewp {
namespace {

using db::FetchOutcome;
using db::ReferenceApi;

ReferenceOutcome fetched(ReferenceApi api) { return {api, FetchOutcome::kFetched, std::nullopt}; }
ReferenceOutcome failed(ReferenceApi api, std::string detail) { return {api, FetchOutcome::kFailed, std::move(detail)}; }
ReferenceOutcome no_api(ReferenceApi api, std::string detail) { return {api, FetchOutcome::kNoApi, std::move(detail), false}; }

// What a call that got no usable answer means: no such API, or a failure.
ReferenceOutcome outcome_of(ReferenceApi api, const Status& status) {
  if (status.code() == Status::Code::kNotFound) return no_api(api, status.message());
  return failed(api, status.message());
}

ReferenceOutcome stored(ReferenceApi api, const Status& status, const std::string& what) {
  if (status) return fetched(api);
  return failed(api, what + " could not be stored: " + status.message());
}

// The value of a 2xx answer, or the outcome that ends the fetch: no such API, no answer, an answer
// refused or unreadable (the client's message names the partner and the API), or a non-2xx.
template <typename T>
std::variant<T, ReferenceOutcome> value_or_outcome(ReferenceApi api, Result<Answered<T>> answered, const std::string& what) {
  if (!answered) return outcome_of(api, answered.status());
  if (!answered->ok()) return failed(api, describe_refusal(what, answered->http_status, answered->developer_message));
  return std::move(*answered->value);
}

template <typename T>
const T* find_by_hei(const std::vector<T>& items, const std::string& hei_id) {
  auto found = std::find_if(items.begin(), items.end(), [&](const T& item) { return item.hei_id == hei_id; });
  return found == items.end() ? nullptr : &*found;
}

struct InstitutionsResult {
  ReferenceOutcome outcome;
  std::vector<std::string> ounit_ids;
};

InstitutionsResult fetch_institution(EwpClient& client, db::Connection& connection, const std::string& hei_id) {
  constexpr ReferenceApi kApi = ReferenceApi::kInstitutions;
  std::string what = hei_id + " institutions";
  auto institutions = value_or_outcome(kApi, get_institutions(client, hei_id), what);
  if (auto* outcome = std::get_if<ReferenceOutcome>(&institutions)) return {*outcome, {}};
  const db::InstitutionDetails* institution = find_by_hei(std::get<0>(institutions), hei_id);
  if (!institution) return {failed(kApi, what + ": the answer does not describe " + hei_id), {}};
  Status saved = db::store_partner_institution(connection, *institution);
  return {stored(kApi, saved, what), institution->ounit_ids};
}

ReferenceOutcome fetch_ounits(EwpClient& client, db::Connection& connection, const std::string& hei_id,
                              const std::vector<std::string>& ounit_ids) {
  constexpr ReferenceApi kApi = ReferenceApi::kOunits;
  std::string what = hei_id + " organizational-units";
  auto units = value_or_outcome(kApi, get_ounits(client, hei_id, ounit_ids), what);
  if (auto* outcome = std::get_if<ReferenceOutcome>(&units)) return *outcome;
  return stored(kApi, db::store_partner_ounits(connection, hei_id, std::get<0>(units)), what);
}

ReferenceOutcome fetch_factsheet(EwpClient& client, db::Connection& connection, const std::string& hei_id) {
  constexpr ReferenceApi kApi = ReferenceApi::kFactsheet;
  std::string what = hei_id + " factsheet";
  auto factsheets = value_or_outcome(kApi, get_factsheets(client, hei_id), what);
  if (auto* outcome = std::get_if<ReferenceOutcome>(&factsheets)) return *outcome;
  const db::Factsheet* factsheet = find_by_hei(std::get<0>(factsheets), hei_id);
  auto cached = factsheet ? std::optional<db::Factsheet>(*factsheet) : std::nullopt;
  return stored(kApi, db::store_partner_factsheet(connection, hei_id, cached), what);
}

bool is_course(const std::string& los_id) { return los_id.starts_with("CR/"); }

// The partner's Simple Course Replication lists its LOS ids; its Courses API describes those that
// are courses (CR/; programmes, modules and classes are not picked by students), in batches.
ReferenceOutcome fetch_courses(EwpClient& client, db::Connection& connection, const std::string& hei_id) {
  constexpr ReferenceApi kApi = ReferenceApi::kCourses;
  auto listed = value_or_outcome(kApi, get_los_ids(client, hei_id), hei_id + " simple-course-replication");
  if (auto* outcome = std::get_if<ReferenceOutcome>(&listed)) return *outcome;
  std::vector<std::string> los_ids;
  std::copy_if(std::get<0>(listed).begin(), std::get<0>(listed).end(), std::back_inserter(los_ids), is_course);
  std::string what = hei_id + " courses";
  auto courses = value_or_outcome(kApi, get_courses(client, hei_id, los_ids), what);
  if (auto* outcome = std::get_if<ReferenceOutcome>(&courses)) return *outcome;
  std::erase_if(std::get<0>(courses), [](const db::PartnerCourse& course) { return !is_course(course.los_id); });
  return stored(kApi, db::store_partner_courses(connection, hei_id, std::get<0>(courses)), what);
}

// The units need the unit ids of a successful Institutions answer.
ReferenceOutcome units_after(const InstitutionsResult& institutions, EwpClient& client, db::Connection& connection,
                             const std::string& hei_id) {
  switch (institutions.outcome.outcome) {
    case FetchOutcome::kFetched: return fetch_ounits(client, connection, hei_id, institutions.ounit_ids);
    case FetchOutcome::kNoApi: return no_api(ReferenceApi::kOunits, "no Institutions API lists the units of " + hei_id);
    case FetchOutcome::kFailed: break;
  }
  ReferenceOutcome untried =
      failed(ReferenceApi::kOunits, "not tried: the unit ids come from the Institutions answer, which failed");
  untried.called = false;
  return untried;
}

}  // namespace

std::vector<ReferenceOutcome> fetch_reference_data(EwpClient& client, db::Connection& connection,
                                                   const std::string& partner_hei_id) {
  InstitutionsResult institutions = fetch_institution(client, connection, partner_hei_id);
  ReferenceOutcome units = units_after(institutions, client, connection, partner_hei_id);
  return {institutions.outcome, units, fetch_factsheet(client, connection, partner_hei_id),
          fetch_courses(client, connection, partner_hei_id)};
}

}  // namespace mobility::ewp
