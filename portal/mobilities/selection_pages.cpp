#include "portal/mobilities/selection_pages.hpp"

#include <algorithm>
#include <map>
#include <variant>

#include "agreements/iia_rules.hpp"
#include "base/text.hpp"
#include "db/applications.hpp"
#include "mobilities/applications.hpp"
#include "mobilities/mobility_rules.hpp"
#include "portal/agreements/form_views.hpp"
#include "portal/agreements/staff_scope.hpp"
#include "portal/mobilities/application_document_pages.hpp"
#include "portal/mobilities/mobility_access.hpp"
#include "portal/web/form_view.hpp"

namespace mobility::portal::mobility_pages {
namespace {

using agreements::pages::FieldErrors;
using kainjow::mustache::data;

constexpr std::string_view kRounds = "/coordinator/applications";

// --- The rounds ---

struct RoundForm {
  std::string title, year, opens, closes, max_choices, ounit_id;
};

RoundForm round_form_of(const PageRequest& page) {
  return {std::string(trim_blanks(page.field("title"))),       std::string(trim_blanks(page.field("year"))),
          std::string(trim_blanks(page.field("opens"))),       std::string(trim_blanks(page.field("closes"))),
          std::string(trim_blanks(page.field("max_choices"))), page.field("ounit_id")};
}

FieldErrors check_round(const RoundForm& form) {
  FieldErrors errors;
  if (form.title.empty() || form.title.size() > 200 || !is_clean_utf8(form.title) || !is_single_line(form.title)) {
    errors["title"] = "applications_error_title";
  }
  if (!agreements::is_academic_year_id(form.year)) errors["year"] = "applications_error_year";
  if (!mobilities::is_date(form.opens)) errors["opens"] = "applications_error_date";
  if (!mobilities::is_date(form.closes) || form.closes <= form.opens) errors["closes"] = "applications_error_closes";
  int max = number_or_zero(form.max_choices);
  if (max < 1 || max > 10) errors["max_choices"] = "applications_error_max_choices";
  return errors;
}

http::Response render_rounds(PageRequest& page, const std::string& hei_id, const RoundForm& form, const FieldErrors& errors,
                             int status) {
  const Messages& messages = Messages::of(page.visitor.language);
  auto rounds = db::list_rounds(page.connection, hei_id);
  if (!rounds) return unavailable(page, rounds.status());
  auto units = units_of(page, hei_id);
  if (!units) return unavailable(page, units.status());
  data rows = data::type::list;
  for (const auto& round : *rounds) {
    data row;
    row.set("link", std::string(kRounds) + "/" + std::to_string(round.round_id));
    row.set("title", round.title);
    row.set("year", round.academic_year_id);
    row.set("unit", round.ounit_id ? units->name_of(*round.ounit_id) : messages.text("applications_whole_hei"));
    row.set("opens_at", round.opens_at);
    row.set("closes_at", round.closes_at);
    row.set("open", round.open);
    rows.push_back(row);
  }
  agreements::pages::Options unit_options{{"", messages.text("applications_whole_hei")}};
  for (const auto& unit : units->units()) unit_options.emplace_back(unit.ounit_id, unit.name);
  data view;
  view.set("rounds", rows);
  view.set("has_rounds", !rounds->empty());
  view.set("units", agreements::pages::option_list(unit_options, form.ounit_id));
  view.set("title", agreements::pages::text_field("title", "applications_round_title", form.title, errors, messages));
  view.set("year", agreements::pages::text_field("year", "applications_year", form.year, errors, messages));
  view.set("opens", agreements::pages::text_field("opens", "applications_opens", form.opens, errors, messages));
  view.set("closes", agreements::pages::text_field("closes", "applications_closes", form.closes, errors, messages));
  view.set("max_choices", agreements::pages::text_field("max_choices", "applications_max_choices",
                                                        form.max_choices.empty() ? "3" : form.max_choices, errors, messages));
  view.set("unit_error", agreements::pages::field_error("ounit_id", errors, messages));
  if (!errors.empty()) view.set("form_error", messages.text("agreements_form_has_errors"));
  if (!page.request.query_values("created").empty()) view.set("done", messages.text("applications_round_created"));
  return page.render(status, "mobilities/rounds", "applications_rounds_title", view);
}

std::optional<std::string> staff_hei(const PageRequest& page) {
  auto heis = agreements::pages::handling_heis(page);
  if (heis.empty()) return std::nullopt;
  return heis.front();
}

http::Response create_round(PageRequest& page, const std::string& hei_id) {
  RoundForm form = round_form_of(page);
  FieldErrors errors = check_round(form);
  auto units = units_of(page, hei_id);
  if (!units) return unavailable(page, units.status());
  std::optional<std::string> ounit_id = form.ounit_id.empty() ? std::nullopt : std::optional<std::string>(form.ounit_id);
  const auto& known = units->units();
  bool unit_known = !ounit_id || std::any_of(known.begin(), known.end(), [&](const auto& u) { return u.ounit_id == *ounit_id; });
  if (!unit_known ||
      !allowed(page.visitor.actor, Action::kViewStudent, Scope{hei_id, units->with_ancestors(ounit_id), std::nullopt})) {
    errors["ounit_id"] = "applications_error_unit";
  }
  if (!errors.empty()) return render_rounds(page, hei_id, form, errors, 400);
  db::NewRound round{hei_id,
                     ounit_id,
                     form.year,
                     form.title,
                     form.opens + " 00:00 UTC",
                     form.closes + " 23:59 UTC",
                     number_or_zero(form.max_choices)};
  auto created = db::create_round(page.connection, round);
  if (!created) return unavailable(page, created.status());
  return page.redirect(std::string(kRounds) + "?created=1");
}

// --- One round ---

// The round's applications the visitor may decide: those of students of the visitor's units.
Result<std::vector<db::ApplicationRecord>> visible_applications(const PageRequest& page, const db::RoundRecord& round) {
  auto units = units_of(page, round.hei_id);
  if (!units) return units.status();
  auto applications = db::list_round_applications(page.connection, round.round_id);
  if (!applications) return applications.status();
  std::vector<db::ApplicationRecord> visible;
  for (auto& application : *applications) {
    Scope scope{round.hei_id, units->with_ancestors(application.student_ounit_id), std::nullopt};
    if (allowed(page.visitor.actor, Action::kViewStudent, scope)) visible.push_back(std::move(application));
  }
  return visible;
}

data applicant_row(const db::ApplicationRecord& a, const std::string& partner_hei_id, int rank, const Messages& messages,
                   const std::string& round_link, const db::RoundDocuments& documents = {}) {
  data row;
  auto attached = documents.find(a.application_id);
  bool has_documents = attached != documents.end() && !attached->second.empty();
  row.set("has_documents", has_documents);
  if (has_documents) {
    row.set("documents", document_rows(attached->second, round_link + "/" + std::to_string(a.application_id) + "/documents/"));
  }
  row.set("name", a.student_name);
  row.set("rank", std::to_string(rank));
  row.set("submitted_at", a.submitted_at.value_or(""));
  row.set("state", messages.text("applications_state_" + a.state));
  row.set("motivation", a.motivation);
  row.set("version", std::to_string(a.version));
  row.set("partner_hei_id", partner_hei_id);
  row.set("action", round_link + "/" + std::to_string(a.application_id));
  row.set("can_select", a.state == "submitted");
  if (a.omobility_id && a.selected_partner_hei_id == partner_hei_id)
    row.set("mobility_link", "/mobilities/outgoing/" + *a.omobility_id);
  return row;
}

struct RoundState {
  int status = 200;
  FieldErrors errors;
  std::string notice_key;
  std::string notice_detail;
  std::string ranking_partner;  // the destination whose ranking form was posted: its fields keep what was typed
};

// --- The coordinators' ranking ---

// A destination's applicants in the coordinators' order: those ranked by rank, then the others in
// the order they handed in.
struct Applicant {
  const db::ApplicationRecord* application;
  int choice = 0;  // the student's rank of the destination
  std::optional<int> rank;
};

std::vector<Applicant> ranked_applicants(const std::vector<db::ApplicationRecord>& applications, const std::string& partner,
                                         const std::map<std::string, db::DestinationRanking>& rankings) {
  auto ranking = rankings.find(partner);
  std::vector<Applicant> applicants;
  for (const auto& a : applications) {
    auto choice = std::find(a.choices.begin(), a.choices.end(), partner);
    if (choice == a.choices.end()) continue;
    Applicant applicant{&a, static_cast<int>(choice - a.choices.begin()) + 1, std::nullopt};
    if (ranking != rankings.end() && ranking->second.ranks.contains(a.application_id)) {
      applicant.rank = ranking->second.ranks.at(a.application_id);
    }
    applicants.push_back(applicant);
  }
  std::stable_sort(applicants.begin(), applicants.end(),
                   [](const Applicant& x, const Applicant& y) { return x.rank && (!y.rank || *x.rank < *y.rank); });
  return applicants;
}

std::string rank_field(int64_t application_id) { return "rank_" + std::to_string(application_id); }

// The rank input of one applicant: {id, name, label, value, error?, invalid}; the value typed when
// this destination's form was posted, else the stored rank.
data rank_input(const PageRequest& page, const Applicant& applicant, const std::string& partner, const RoundState& state,
                const Messages& messages) {
  std::string name = rank_field(applicant.application->application_id);
  data input;
  input.set("id", "rank-" + partner + "-" + std::to_string(applicant.application->application_id));
  input.set("name", name);
  input.set("label", messages.text("applications_rank_of") + " " + applicant.application->student_name);
  bool typed = state.ranking_partner == partner;
  input.set("value", typed ? page.field(name) : applicant.rank ? std::to_string(*applicant.rank) : "");
  auto error = state.errors.find(name);
  bool invalid = typed && error != state.errors.end();
  input.set("invalid", invalid);
  if (invalid) input.set("error", messages.text(error->second));
  return input;
}

// A rank as typed: empty for none, else a whole number of at most three digits (kMaxRank).
// nullopt with `bad` set for anything else.
std::optional<int> parse_rank(std::string_view text, bool& bad) {
  text = trim_blanks(text);
  bad = text.size() > 3 || !std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
  if (bad || text.empty()) return std::nullopt;
  int rank = number_or_zero(text);
  bad = rank < 1 || rank > mobilities::kMaxRank;
  return bad ? std::nullopt : std::optional<int>(rank);
}

http::Response render_round(PageRequest& page, const db::RoundRecord& round, const RoundState& state) {
  const Messages& messages = Messages::of(page.visitor.language);
  auto applicants = visible_applications(page, round);
  if (!applicants) return unavailable(page, applicants.status());
  auto taken = db::places_taken(page.connection, round.hei_id, round.academic_year_id);
  if (!taken) return unavailable(page, taken.status());
  auto rankings = db::round_rankings(page.connection, round.round_id);
  if (!rankings) return unavailable(page, rankings.status());
  auto documents = db::list_round_documents(page.connection, round.round_id);
  if (!documents) return unavailable(page, documents.status());
  std::string round_link = std::string(kRounds) + "/" + std::to_string(round.round_id);
  std::map<std::string, std::vector<Applicant>> by_destination;
  for (const auto& applicant : *applicants) {
    for (const auto& partner : applicant.choices) {
      if (!by_destination.contains(partner)) by_destination[partner] = ranked_applicants(*applicants, partner, *rankings);
    }
  }
  auto offered = mobilities::places_offered(page.connection, round.hei_id, round.academic_year_id);
  if (!offered) return unavailable(page, offered.status());
  data destinations = data::type::list;
  for (auto& [partner, ranked] : by_destination) {
    auto name = page.names.hei_name(page.connection, partner, language_code(page.visitor.language));
    if (!name) return unavailable(page, name.status());
    auto places = offered->find(partner);
    int selected = 0;
    for (const auto& t : *taken) selected += t.partner_hei_id == partner ? t.selected : 0;
    data rows = data::type::list;
    data inputs = data::type::list;
    for (const auto& applicant : ranked) {
      data row = applicant_row(*applicant.application, partner, applicant.choice, messages, round_link, *documents);
      row.set("coordinator_rank", applicant.rank ? std::to_string(*applicant.rank) : "–");
      rows.push_back(row);
      inputs.push_back(rank_input(page, applicant, partner, state, messages));
    }
    auto ranking = rankings->find(partner);
    data destination;
    destination.set("name", name->value_or(partner));
    destination.set("partner_hei_id", partner);
    bool agreed = places != offered->end();
    destination.set("places", agreed ? std::to_string(places->second) : messages.text("applications_no_agreement"));
    destination.set("taken", std::to_string(selected));
    destination.set("left", agreed ? std::to_string(std::max(0, places->second - selected)) : "0");
    destination.set("applicants", rows);
    destination.set("rank_inputs", inputs);
    destination.set("ranking_action", round_link + "/ranking");
    destination.set("ranking_version", std::to_string(ranking == rankings->end() ? 0 : ranking->second.version));
    destination.set("is_ranked", ranking != rankings->end());
    if (ranking != rankings->end()) {
      destination.set("ranked_by", ranking->second.ranked_by);
      destination.set("ranked_at", ranking->second.ranked_at);
    }
    destinations.push_back(destination);
  }
  data to_reject = data::type::list;
  for (const auto& applicant : *applicants) {
    if (applicant.state != "submitted") continue;
    data row = applicant_row(applicant, "", 0, messages, round_link);
    std::string id = "reason_" + std::to_string(applicant.application_id);
    row.set("reason", agreements::pages::text_field(id, "applications_reject_reason", page.field(id), state.errors, messages));
    to_reject.push_back(row);
  }
  data view;
  view.set("title", round.title);
  view.set("year", round.academic_year_id);
  view.set("closes_at", round.closes_at);
  view.set("destinations", destinations);
  view.set("has_applications", !applicants->empty());
  view.set("has_to_reject", !to_reject.is_empty_list());
  view.set("to_reject", to_reject);
  if (!state.notice_key.empty()) view.set("notice", messages.text(state.notice_key) + state.notice_detail);
  auto done = page.request.query_values("done");
  if (!done.empty() && (done.front() == "selected" || done.front() == "rejected" || done.front() == "ranked")) {
    view.set("done", messages.text("applications_done_" + done.front()));
  }
  return page.render(state.status, "mobilities/selection", "applications_round_title_page", view);
}

std::optional<mobilities::ContactPerson> contact_of(const PageRequest& page) {
  if (!page.visitor.account) return std::nullopt;
  const std::string& name = page.visitor.account->display_name;
  size_t space = name.rfind(' ');
  if (name.empty()) return std::nullopt;
  if (space == std::string::npos) return mobilities::ContactPerson{name, name, page.visitor.account->email};
  return mobilities::ContactPerson{name.substr(0, space), name.substr(space + 1), page.visitor.account->email};
}

http::Response decide(PageRequest& page, const db::RoundRecord& round, int64_t application_id, std::string_view what) {
  auto applicants = visible_applications(page, round);
  if (!applicants) return unavailable(page, applicants.status());
  bool visible = false;
  for (const auto& applicant : *applicants) visible = visible || applicant.application_id == application_id;
  if (!visible) return page.error(404);
  int version = number_or_zero(page.field("version"));
  agreements::Editor editor = agreements::pages::editor_of(page, round.hei_id);
  mobilities::Applications desk;
  Status decided;
  if (what == "select") {
    decided = desk.select(page.connection, round.hei_id, application_id, page.field("partner_hei_id"), version, editor,
                          contact_of(page))
                  .status();
  } else {
    std::string reason = page.field("reason_" + std::to_string(application_id));
    decided = desk.reject(page.connection, round.hei_id, application_id, reason, version, editor);
    if (decided.code() == Status::Code::kInvalidArgument) {
      return render_round(page, round,
                          {400, {{"reason_" + std::to_string(application_id), "applications_error_reason"}}, "", "", ""});
    }
  }
  if (decided.code() == Status::Code::kConflict)
    return render_round(page, round, {409, {}, "applications_changed_meanwhile", "", ""});
  if (decided.code() == Status::Code::kInvalidArgument || decided.code() == Status::Code::kNotFound) {
    return render_round(page, round, {400, {}, "applications_cannot_select", " " + decided.message(), ""});
  }
  if (!decided) return unavailable(page, decided);
  return page.redirect(std::string(kRounds) + "/" + std::to_string(round.round_id) +
                       (what == "select" ? "?done=selected" : "?done=rejected"));
}

// The ranks typed into a destination's form, for the applicants it may name: the destination's
// applicants the visitor sees. nullopt when a field names another application (404); bad numbers
// are in `errors`. An applicant without a field keeps their rank.
std::optional<mobilities::Ranks> typed_ranks(const PageRequest& page, const std::vector<Applicant>& applicants,
                                             FieldErrors& errors) {
  mobilities::Ranks ranks;
  for (const auto& [name, value] : page.form) {
    if (!name.starts_with("rank_")) continue;
    auto known = std::find_if(applicants.begin(), applicants.end(),
                              [&](const Applicant& a) { return rank_field(a.application->application_id) == name; });
    if (known == applicants.end()) return std::nullopt;
    bool bad = false;
    ranks[known->application->application_id] = parse_rank(value, bad);
    if (bad) errors[name] = "applications_error_rank_number";
  }
  return ranks;
}

http::Response rank_applicants(PageRequest& page, const db::RoundRecord& round) {
  auto applications = visible_applications(page, round);
  if (!applications) return unavailable(page, applications.status());
  std::string partner = page.field("partner_hei_id");
  auto applicants = ranked_applicants(*applications, partner, {});
  if (applicants.empty()) return page.error(404);
  FieldErrors errors;
  auto ranks = typed_ranks(page, applicants, errors);
  if (!ranks) return page.error(404);
  for (const auto& problem : mobilities::check_ranks(*ranks)) errors.try_emplace(problem.field, "applications_error_rank_twice");
  if (!errors.empty()) return render_round(page, round, {400, errors, "applications_ranking_has_errors", "", partner});
  auto ranked =
      mobilities::Applications().rank(page.connection, round.hei_id, round.round_id, partner, *ranks,
                                      number_or_zero(page.field("version")), agreements::pages::editor_of(page, round.hei_id));
  if (ranked.status().code() == Status::Code::kConflict) {
    return render_round(page, round, {409, {}, "applications_ranking_changed_meanwhile", "", partner});
  }
  if (ranked.status().code() == Status::Code::kNotFound) return page.error(404);
  if (!ranked) return unavailable(page, ranked.status());
  return page.redirect(std::string(kRounds) + "/" + std::to_string(round.round_id) + "?done=ranked#dest-" + partner);
}

// The round `round_id` when it is of an HEI the visitor handles; else the refusal (404 for a round
// of another HEI).
std::variant<db::RoundRecord, http::Response> handled_round(PageRequest& page, const std::string& round_id) {
  auto heis = agreements::pages::handling_heis(page);
  if (heis.empty()) return page.refuse_unless(Action::kViewStudent, Scope{}).value_or(page.error(403));
  auto round = db::find_round(page.connection, number_or_zero(round_id));
  if (!round) return unavailable(page, round.status());
  if (!*round || std::find(heis.begin(), heis.end(), (*round)->hei_id) == heis.end()) return page.error(404);
  return std::move(**round);
}

}  // namespace

http::Response application_rounds(PageRequest& page) {
  auto hei_id = staff_hei(page);
  if (!hei_id) return page.refuse_unless(Action::kViewStudent, Scope{}).value_or(page.error(403));
  if (page.request.method == "POST") return create_round(page, *hei_id);
  return render_rounds(page, *hei_id, {}, {}, 200);
}

http::Response application_round(PageRequest& page, const std::string& round_id, const std::string& application_id,
                                 const std::string& decision) {
  auto round = handled_round(page, round_id);
  if (auto* refusal = std::get_if<http::Response>(&round)) return std::move(*refusal);
  const auto& found = std::get<db::RoundRecord>(round);
  if (decision.empty()) return render_round(page, found, {});
  if (decision == "ranking") return rank_applicants(page, found);
  int64_t id = number_or_zero(application_id);
  if (id <= 0 || (decision != "select" && decision != "reject")) return page.error(404);
  return decide(page, found, id, decision);
}

http::Response applicant_document(PageRequest& page, const std::string& round_id, const std::string& application_id,
                                  const std::string& document_id) {
  auto round = handled_round(page, round_id);
  if (auto* refusal = std::get_if<http::Response>(&round)) return std::move(*refusal);
  auto applications = visible_applications(page, std::get<db::RoundRecord>(round));
  if (!applications) return unavailable(page, applications.status());
  int64_t id = number_or_zero(application_id);
  bool visible = std::any_of(applications->begin(), applications->end(), [&](const auto& a) { return a.application_id == id; });
  if (id <= 0 || !visible) return page.error(404);
  auto document = db::find_document(page.connection, id, number_or_zero(document_id));
  if (!document) return unavailable(page, document.status());
  if (!*document) return page.error(404);
  return document_download(std::move(**document));
}

}  // namespace mobility::portal::mobility_pages
