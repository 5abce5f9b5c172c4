#include "portal/mobilities/queue_page.hpp"

#include <algorithm>
#include <set>

#include "base/pattern.hpp"
#include "db/applications.hpp"
#include "db/work_queue.hpp"
#include "mobilities/mobility_json.hpp"
#include "portal/mobilities/mobility_access.hpp"
#include "portal/mobilities/mobility_views.hpp"
#include "portal/web/messages.hpp"

namespace mobility::portal::mobility_pages {
namespace {

using kainjow::mustache::data;

constexpr int kItemsPerKind = 50;  // the oldest; the filters reach the others

struct Filters {
  std::optional<std::string> unit;  // one of our units: it and the units below it
  std::optional<std::string> year;
  std::string problem;  // message key of a refused filter value
};

Filters filters_of(const PageRequest& page) {
  Filters filters;
  auto first = [&](const char* name) -> std::optional<std::string> {
    auto values = page.request.query_values(name);
    if (values.empty() || values.front().empty()) return std::nullopt;
    return values.front();
  };
  filters.unit = first("unit");
  filters.year = first("year");
  if (filters.year && !(filters.year->size() == 9 && matches(*filters.year, "[0-9]{4}/[0-9]{4}"))) {
    filters.year.reset();
    filters.problem = "queue_bad_year";
  }
  if (filters.unit && filters.unit->size() > 64) {
    filters.unit.reset();
    filters.problem = "queue_bad_unit";
  }
  return filters;
}

// One kind of waiting item, narrowed to what the visitor may see and the unit filter.
struct Kind {
  const char* name;     // "to_sign", "preapprovals", "nominations", "las"
  bool ours;            // our outgoing mobility (else a partner's incoming one)
  const char* action;   // message key of the link text
  const char* section;  // the decision's page below the mobility's ("/courses") or its form's anchor ("#la")
};

data rows_of(PageRequest& page, const std::string& hei_id, const UnitTree& units, const Filters& filters, const Kind& kind,
             const std::vector<db::QueueItem>& items) {
  data rows = data::type::list;
  for (const db::QueueItem& item : items) {
    auto m = mobilities::mobility_from_json_text(item.content_json);
    if (!m) continue;
    const mobilities::MobilityParty& our_side = kind.ours ? m->nomination.sending : m->nomination.receiving;
    Scope scope = mobility_scope(hei_id, our_side, units);
    if (!allowed(page.visitor.actor, Action::kViewStudent, scope)) continue;
    if (filters.unit && std::find(scope.ounit_ids.begin(), scope.ounit_ids.end(), *filters.unit) == scope.ounit_ids.end()) {
      continue;
    }
    std::string partner = kind.ours ? m->nomination.receiving.hei_id : item.sending_hei_id;
    data row;
    row.set("student", m->student.given_names + " " + m->student.family_name);
    row.set("partner", hei_label(page, partner));
    row.set("unit", our_side.ounit_id ? units.name_of(*our_side.ounit_id) : "");
    row.set("year", m->nomination.receiving_academic_year_id);
    row.set("since", item.since);
    row.set("link", (kind.ours ? "/mobilities/outgoing/" + item.omobility_id
                               : "/mobilities/incoming/" + item.sending_hei_id + "/" + item.omobility_id) +
                        kind.section);
    row.set("action", portal::Messages::of(page.visitor.language).text(kind.action));
    rows.push_back(row);
  }
  return rows;
}

// The HEI's rounds (of the year filtered for) with applications handed in and not decided; their
// page shows only the students the visitor may decide.
Status add_rounds(const PageRequest& page, const std::string& hei_id, const Filters& filters, data& rounds) {
  auto waiting = db::rounds_to_decide(page.connection, hei_id, filters.year);
  if (!waiting) return waiting.status();
  for (const db::RoundRecord& round : *waiting) {
    data row;
    row.set("title", round.title);
    row.set("year", round.academic_year_id);
    row.set("closes_at", round.closes_at);
    row.set("link", "/coordinator/applications/" + std::to_string(round.round_id));
    rounds.push_back(row);
  }
  return Status::ok();
}

}  // namespace

http::Response work_queue(PageRequest& page) {
  auto heis = agreements::pages::handling_heis(page);
  if (heis.empty()) return page.refuse_unless(Action::kViewStudent, Scope{}).value_or(page.error(403));
  Filters filters = filters_of(page);
  const Kind kinds[] = {{"to_sign", true, "queue_sign", "#la"},
                        {"preapprovals", true, "queue_decide", "/courses"},
                        {"nominations", false, "queue_decide", "#nomination"},
                        {"las", false, "queue_decide", "#la"}};
  constexpr int kKinds = 4;
  data lists[kKinds] = {data::type::list, data::type::list, data::type::list, data::type::list};
  data rounds = data::type::list;
  data unit_options = data::type::list;
  for (const std::string& hei_id : heis) {
    auto units = units_of(page, hei_id);
    if (!units) return unavailable(page, units.status());
    for (const db::OunitRecord& unit : units->units()) {
      data option;
      option.set("value", unit.ounit_id);
      option.set("label", units->name_of(unit.ounit_id));
      option.set("selected", filters.unit == unit.ounit_id);
      unit_options.push_back(option);
    }
    Result<std::vector<db::QueueItem>> items[kKinds] = {
        db::las_to_sign(page.connection, hei_id, filters.year, kItemsPerKind),
        db::preapprovals_to_decide(page.connection, hei_id, filters.year, kItemsPerKind),
        db::nominations_to_decide(page.connection, hei_id, filters.year, kItemsPerKind),
        db::partner_las_to_decide(page.connection, hei_id, filters.year, kItemsPerKind)};
    if (Status added = add_rounds(page, hei_id, filters, rounds); !added) return unavailable(page, added);
    for (int i = 0; i < kKinds; ++i) {
      if (!items[i]) return unavailable(page, items[i].status());
      data rows = rows_of(page, hei_id, *units, filters, kinds[i], *items[i]);
      for (const data& row : rows.list_value()) lists[i].push_back(row);
    }
  }
  data view;
  view.set("rounds", rounds);
  view.set("has_rounds", !rounds.is_empty_list());
  for (int i = 0; i < kKinds; ++i) {
    data section;
    section.set("has_rows", !lists[i].is_empty_list());
    section.set("rows", lists[i]);
    view.set(kinds[i].name, section);
  }
  view.set("units", unit_options);
  view.set("year", filters.year.value_or(""));
  if (!filters.problem.empty()) view.set("filter_error", portal::Messages::of(page.visitor.language).text(filters.problem));
  return page.render(200, "mobilities/queue", "queue_title", view);
}

}  // namespace mobility::portal::mobility_pages
