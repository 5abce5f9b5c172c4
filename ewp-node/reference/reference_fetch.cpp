#include "ewp-node/reference/reference_fetch.hpp"

#include <algorithm>
#include <charconv>

#include "db/partner_factsheets.hpp"
#include "db/partner_reference_data.hpp"
#include "ewp-node/apis/factsheet-v1/factsheet_reader.hpp"
#include "ewp-node/apis/institutions-v2/institutions_reader.hpp"
#include "ewp-node/apis/ounits-v2/ounits_reader.hpp"
#include "ewp-node/xml/namespaces.hpp"

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

// The body of a 2xx answer to `call`, or the outcome that ends the fetch.
Result<std::string> answer_body(EwpClient& client, const ApiCall& call) {
  auto reply = client.call(call);
  if (!reply) return reply.status();
  if (reply->status / 100 != 2) {
    return Status::unavailable(call.hei_id + " " + call.api_name + " answered HTTP " + std::to_string(reply->status));
  }
  return reply->body;
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
  auto body = answer_body(client, {hei_id, ns::kInstitutionsEntry, "institutions", "url", "GET", {{"hei_id", hei_id}}});
  if (!body) return {outcome_of(kApi, body.status()), {}};
  auto institutions = read_institutions_response(*body);
  if (!institutions) return {failed(kApi, hei_id + " institutions: " + institutions.status().message()), {}};
  const db::InstitutionDetails* institution = find_by_hei(*institutions, hei_id);
  if (!institution) return {failed(kApi, hei_id + " institutions: the answer does not describe " + hei_id), {}};
  Status saved = db::store_partner_institution(connection, *institution);
  return {stored(kApi, saved, hei_id + " institutions"), institution->ounit_ids};
}

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

ReferenceOutcome fetch_ounits(EwpClient& client, db::Connection& connection, const std::string& hei_id,
                              const std::vector<std::string>& ounit_ids) {
  constexpr ReferenceApi kApi = ReferenceApi::kOunits;
  ApiCall call{hei_id, ns::kOunitsEntry, "organizational-units", "url", "GET", {}};
  size_t batch = max_ounit_ids(client, call);
  std::vector<db::OunitDetails> units;
  for (size_t first = 0; first < ounit_ids.size(); first += batch) {
    call.parameters = {{"hei_id", hei_id}};
    for (size_t i = first; i < std::min(first + batch, ounit_ids.size()); ++i)
      call.parameters.emplace_back("ounit_id", ounit_ids[i]);
    auto body = answer_body(client, call);
    if (!body) return outcome_of(kApi, body.status());
    auto answered = read_ounits_response(*body, hei_id);
    if (!answered) return failed(kApi, hei_id + " organizational-units: " + answered.status().message());
    units.insert(units.end(), answered->begin(), answered->end());
  }
  return stored(kApi, db::store_partner_ounits(connection, hei_id, units), hei_id + " organizational-units");
}

ReferenceOutcome fetch_factsheet(EwpClient& client, db::Connection& connection, const std::string& hei_id) {
  constexpr ReferenceApi kApi = ReferenceApi::kFactsheet;
  auto body = answer_body(client, {hei_id, ns::kFactsheetEntry, "factsheet", "url", "GET", {{"hei_id", hei_id}}});
  if (!body) return outcome_of(kApi, body.status());
  auto factsheets = read_factsheet_response(*body);
  if (!factsheets) return failed(kApi, hei_id + " factsheet: " + factsheets.status().message());
  const db::Factsheet* factsheet = find_by_hei(*factsheets, hei_id);
  auto cached = factsheet ? std::optional<db::Factsheet>(*factsheet) : std::nullopt;
  return stored(kApi, db::store_partner_factsheet(connection, hei_id, cached), hei_id + " factsheet");
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
  return {institutions.outcome, units, fetch_factsheet(client, connection, partner_hei_id)};
}

}  // namespace mobility::ewp
