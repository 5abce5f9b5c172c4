#include "portal/agreements/history_page.hpp"

#include <nlohmann/json.hpp>

#include "portal/agreements/field_comparison.hpp"
#include "portal/agreements/form_views.hpp"
#include "portal/agreements/staff_scope.hpp"

namespace mobility::agreements::pages {
namespace {

using kainjow::mustache::data;

// The version asked for in the query parameter `name` when it exists, else `fallback`.
const db::IiaVersionRecord& chosen(const PageRequest& page, const char* name, const std::vector<db::IiaVersionRecord>& versions,
                                   size_t fallback) {
  auto asked = page.request.query_values(name);
  for (const auto& version : versions) {
    if (!asked.empty() && asked.front() == std::to_string(version.version)) return version;
  }
  return versions[fallback];
}

std::string version_label(const portal::Messages& messages, int version) {
  return messages.text("agreements_version") + " " + std::to_string(version);
}

}  // namespace

http::Response agreement_history(PageRequest& page, const std::string& iia_id) {
  auto lookup = find_agreement(page, iia_id);
  if (lookup.refusal) return *lookup.refusal;
  const db::IiaRecord& record = lookup.found->record;
  auto versions = db::list_iia_versions(page.connection, record.hei_id, iia_id);
  if (!versions) return unavailable(page, versions.status());
  if (versions->empty()) return page.error(404);
  const portal::Messages& messages = portal::Messages::of(page.visitor.language);
  const auto& from = chosen(page, "from", *versions, versions->size() > 1 ? versions->size() - 2 : 0);
  const auto& to = chosen(page, "to", *versions, versions->size() - 1);
  data rows = data::type::list;
  Options choices;
  for (const auto& version : *versions) {
    data row;
    row.set("version", std::to_string(version.version));
    row.set("changed_at", version.changed_at);
    row.set("changed_by", version.changed_by);
    row.set("reason", version.reason);
    rows.push_back(row);
    choices.emplace_back(std::to_string(version.version), version_label(messages, version.version));
  }
  data view;
  view.set("iia_id", iia_id);
  view.set("iia_code", record.iia_code);
  view.set("versions", rows);
  view.set("from_options", option_list(choices, std::to_string(from.version)));
  view.set("to_options", option_list(choices, std::to_string(to.version)));
  view.set("comparison", comparison_table(nlohmann::json::parse(from.content_json), nlohmann::json::parse(to.content_json), true,
                                          version_label(messages, from.version), version_label(messages, to.version), messages));
  return page.render(200, "agreements/history", "agreements_history_title", view);
}

}  // namespace mobility::agreements::pages
