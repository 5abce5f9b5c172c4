#include "portal/agreements/list_page.hpp"

#include <algorithm>
#include <set>

#include "agreements/iia_json.hpp"
#include "agreements/iia_rules.hpp"
#include "agreements/iia_stage.hpp"
#include "agreements/names.hpp"
#include "base/text.hpp"
#include "db/institutions.hpp"
#include "portal/agreements/form_views.hpp"
#include "portal/agreements/staff_scope.hpp"

namespace mobility::agreements::pages {
namespace {

using kainjow::mustache::data;

struct Filters {
  std::string q, partner, country, state, year, unit;
};

// A filter as typed; "" when absent, not clean UTF-8 or longer than 200 bytes.
std::string filter_value(const PageRequest& page, std::string_view name) {
  std::string value = portal::query_value(page, name);
  return !is_clean_utf8(value) || value.size() > 200 ? "" : value;
}

Filters filters_of(const PageRequest& page) {
  return {std::string(trim_blanks(filter_value(page, "q"))),
          filter_value(page, "partner"),
          filter_value(page, "country"),
          filter_value(page, "state"),
          filter_value(page, "year"),
          filter_value(page, "unit")};
}

struct Partner {
  std::string name;
  std::string country;
};

struct Row {
  db::IiaRecord record;
  std::string partner_name, country, unit_name, stage;
  std::vector<std::string> years;  // every academic year of any condition
};

// "2026/2027" … "2028/2029" for each condition, each year once, in order.
std::vector<std::string> years_of(const db::IiaRecord& record) {
  std::set<std::string> years;
  auto content = iia_from_json_text(record.content_json);
  if (!content) return {};
  for (const auto& spec : content->mobility_specs) {
    if (!is_academic_year_id(spec.receiving_first_academic_year_id) ||
        !is_academic_year_id(spec.receiving_last_academic_year_id)) {
      continue;
    }
    int first = std::stoi(spec.receiving_first_academic_year_id.substr(0, 4));
    int last = std::stoi(spec.receiving_last_academic_year_id.substr(0, 4));
    int span = std::stoi(spec.receiving_first_academic_year_id.substr(5, 4)) - first;  // 0 for calendar years
    for (int year = first; year <= last && year < first + 50; ++year)
      years.insert(std::to_string(year) + "/" + std::to_string(year + span));
  }
  return {years.begin(), years.end()};
}

bool matches(const Row& row, const Filters& filters) {
  auto has = [](const std::string& text, const std::string& part) {
    return ascii_lower(text).find(ascii_lower(part)) != std::string::npos;
  };
  bool text_ok = filters.q.empty() || has(row.partner_name, filters.q) || has(row.record.partner_hei_id, filters.q) ||
                 has(row.record.iia_code, filters.q);
  return text_ok && (filters.partner.empty() || row.record.partner_hei_id == filters.partner) &&
         (filters.country.empty() || row.country == filters.country) && (filters.state.empty() || row.stage == filters.state) &&
         (filters.year.empty() || std::find(row.years.begin(), row.years.end(), filters.year) != row.years.end()) &&
         (filters.unit.empty() || row.record.ounit_id == filters.unit);
}

// The agreements of `hei_id` the visitor may handle.
Result<std::vector<Row>> visible_rows(const PageRequest& page, const std::string& hei_id,
                                      const std::map<std::string, Partner>& partners) {
  auto units = db::list_ounits(page.connection, hei_id, language_of(page));
  if (!units) return units.status();
  UnitTree tree(std::move(*units));
  auto iias = db::list_iias(page.connection, hei_id);
  if (!iias) return iias.status();
  std::vector<Row> rows;
  for (db::IiaRecord& record : *iias) {
    if (!portal::allowed(page.visitor.actor, Action::kHandleAgreements, agreement_scope(hei_id, record.ounit_id, tree))) continue;
    auto partner = partners.find(record.partner_hei_id);
    Row row{record,
            partner == partners.end() ? record.partner_hei_id : partner->second.name,
            partner == partners.end() ? "" : partner->second.country,
            record.ounit_id ? tree.name_of(*record.ounit_id) : "",
            stage_name(stage_of(record)),
            years_of(record)};
    rows.push_back(std::move(row));
  }
  return rows;
}

Result<std::map<std::string, Partner>> partners_of(const PageRequest& page) {
  auto institutions = db::list_institutions(page.connection);
  if (!institutions) return institutions.status();
  std::map<std::string, Partner> partners;
  for (const auto& hei : *institutions) {
    partners[hei.hei_id] = {preferred_name(hei.names, language_of(page), hei.hei_id), hei.country_code.value_or("")};
  }
  return partners;
}

data row_data(const Row& row, const portal::Messages& messages) {
  data item;
  item.set("iia_id", row.record.iia_id);
  item.set("iia_code", row.record.iia_code);
  item.set("partner_name", row.partner_name);
  item.set("country", row.country);
  item.set("unit", row.unit_name);
  item.set("stage", messages.text("agreements_stage_" + row.stage));
  item.set("years", row.years.empty() ? "" : row.years.front() + " – " + row.years.back());
  return item;
}

// The filter form: each select offers what the visible agreements have.
data filter_form(const std::vector<Row>& rows, const Filters& filters, const portal::Messages& messages) {
  std::map<std::string, std::string> partners, countries, units;
  std::set<std::string> years;
  for (const Row& row : rows) {
    partners[row.record.partner_hei_id] = row.partner_name;
    if (!row.country.empty()) countries[row.country] = row.country;
    if (row.record.ounit_id) units[*row.record.ounit_id] = row.unit_name;
    years.insert(row.years.begin(), row.years.end());
  }
  Options any = {{"", messages.text("agreements_filter_any")}};
  auto with_any = [&](Options options) {
    options.insert(options.begin(), any.front());
    return options;
  };
  Options stages;
  for (IiaStage stage : kAllStages)
    stages.emplace_back(stage_name(stage), messages.text(std::string("agreements_stage_") + stage_name(stage)));
  Options year_options;
  for (const auto& year : years) year_options.emplace_back(year, year);
  data form;
  form.set("q", filters.q);
  form.set("partners", option_list(with_any(Options(partners.begin(), partners.end())), filters.partner));
  form.set("countries", option_list(with_any(Options(countries.begin(), countries.end())), filters.country));
  form.set("states", option_list(with_any(stages), filters.state));
  form.set("years", option_list(with_any(year_options), filters.year));
  form.set("units", option_list(with_any(Options(units.begin(), units.end())), filters.unit));
  return form;
}

}  // namespace

http::Response agreement_list(PageRequest& page) {
  auto scopes = handling_scopes(page);
  if (auto refused = page.refuse_unless(Action::kHandleAgreements, scopes.empty() ? Scope{} : scopes.front())) return *refused;
  auto partners = partners_of(page);
  if (!partners) return unavailable(page, partners.status());
  std::vector<Row> rows;
  for (const std::string& hei_id : handling_heis(page)) {
    auto visible = visible_rows(page, hei_id, *partners);
    if (!visible) return unavailable(page, visible.status());
    rows.insert(rows.end(), visible->begin(), visible->end());
  }
  const portal::Messages& messages = portal::Messages::of(page.visitor.language);
  Filters filters = filters_of(page);
  data list = data::type::list;
  size_t shown = 0;
  for (const Row& row : rows) {
    if (!matches(row, filters)) continue;
    list.push_back(row_data(row, messages));
    ++shown;
  }
  data view = filter_form(rows, filters, messages);
  view.set("agreements", list);
  view.set("has_agreements", shown > 0);
  view.set("count", std::to_string(shown));
  view.set("total", std::to_string(rows.size()));
  view.set("answers_proposals", !whole_heis(page).empty());
  return page.render(200, "agreements/list", "agreements_list_title", view);
}

}  // namespace mobility::agreements::pages
