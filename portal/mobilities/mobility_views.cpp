#include "portal/mobilities/mobility_views.hpp"

#include "base/utc_time.hpp"
#include "mobilities/mobility_json.hpp"

namespace mobility::portal::mobility_pages {
namespace {

using kainjow::mustache::data;
using mobilities::ChangeStatus;

// A message key from a spec word: "timetable-conflict" → "<prefix>timetable_conflict".
std::string key_of(const std::string& prefix, std::string word) {
  for (char& c : word) {
    if (c == '-') c = '_';
  }
  return prefix + word;
}

void set_if(data& view, const std::string& name, const std::optional<std::string>& value) {
  if (value && !value->empty()) view.set(name, *value);
}

data component_view(const mobilities::Component& component, const Messages& messages) {
  data row;
  set_if(row, "code", component.los_code);
  row.set("title", component.title);
  row.set("credits", credits_text(component.credits));
  // Always set: a template looking up a missing value would find the mobility's own "term".
  row.set("term", term_text(component));
  set_if(row, "conditions", component.recognition_conditions);
  set_if(row, "description", component.short_description);
  if (std::string change = change_text(component, messages); !change.empty()) row.set("change", change);
  if (std::string reason = reason_text(component, messages); !reason.empty()) row.set("reason", reason);
  return row;
}

data signature_view(const std::string& role_key, const std::optional<mobilities::Signature>& signature,
                    const Messages& messages) {
  data view;
  view.set("role", messages.text(role_key));
  if (!signature) return view;
  view.set("signed", true);
  view.set("timestamp", signature->timestamp);
  std::string who = signature->signer_name.value_or("");
  if (signature->signer_position) who += (who.empty() ? "" : ", ") + *signature->signer_position;
  if (!who.empty()) view.set("who", who);
  return view;
}

}  // namespace

std::string credits_text(const std::vector<mobilities::Credit>& credits) {
  std::string text;
  for (const auto& credit : credits) text += (text.empty() ? "" : ", ") + credit.value + " " + credit.scheme;
  return text;
}

std::string term_text(const mobilities::Component& component) {
  if (!component.term) return "";
  return mobilities::term_id_text(*component.term);
}

std::string change_text(const mobilities::Component& component, const Messages& messages) {
  if (component.change == ChangeStatus::kUnchanged) return "";
  return messages.text(component.change == ChangeStatus::kInserted ? "mobilities_change_inserted" : "mobilities_change_deleted");
}

std::string reason_text(const mobilities::Component& component, const Messages& messages) {
  std::string reason = component.reason_code ? messages.text(key_of("mobilities_reason_", *component.reason_code)) : "";
  if (component.reason_text) reason += (reason.empty() ? "" : ": ") + *component.reason_text;
  return reason;
}

std::string activity_text(const mobilities::Nomination& nomination, const Messages& messages) {
  return messages.text(key_of("mobilities_activity_", activity_attributes_name(nomination.activity_attributes)));
}

std::string table_text(mobilities::ComponentTable table, const Messages& messages) {
  return messages.text(key_of("mobilities_table_", component_table_name(table)));
}

std::string status_text(const std::string& status, const Messages& messages) {
  return messages.text("mobilities_status_" + status);
}

std::string hei_label(PageRequest& page, const std::string& hei_id) {
  auto name = page.names.hei_name(page.connection, hei_id, language_code(page.visitor.language));
  return name && *name ? **name : hei_id;
}

data mobility_facts(PageRequest& page, const mobilities::Mobility& m, const Messages& messages) {
  data view;
  view.set("omobility_id", m.omobility_id);
  view.set("student", m.student.given_names + " " + m.student.family_name);
  view.set("global_id", m.student.global_id);
  view.set("email", m.student.email);
  view.set("sending_hei", hei_label(page, m.nomination.sending.hei_id));
  set_if(view, "sending_unit", m.nomination.sending.ounit_name);
  view.set("receiving_hei", hei_label(page, m.nomination.receiving.hei_id));
  set_if(view, "receiving_unit", m.nomination.receiving.ounit_name);
  view.set("year", m.nomination.receiving_academic_year_id);
  set_if(view, "term", m.nomination.sending_academic_term_id);
  view.set("activity", activity_text(m.nomination, messages));
  view.set("isced", m.nomination.nominee_isced_f_code);
  view.set("eqf", std::to_string(m.nomination.eqf_level_at_departure));
  set_if(view, "planned_arrival", m.planned_arrival_date);
  set_if(view, "planned_departure", m.planned_departure_date);
  set_if(view, "actual_arrival", m.actual_arrival_date);
  set_if(view, "actual_departure", m.actual_departure_date);
  view.set("status", status_text(nomination_status_name(m.status), messages));
  set_if(view, "decision_comment", m.decision_comment);
  return view;
}

data la_version_view(const mobilities::LaVersion& version, const std::string& heading, const Messages& messages) {
  data tables = data::type::list;
  for (const auto& list : version.tables) {
    data components = data::type::list;
    for (const auto& component : list.components) components.push_back(component_view(component, messages));
    data table;
    table.set("name", table_text(list.table, messages));
    table.set("components", components);
    tables.push_back(table);
  }
  data signatures = data::type::list;
  signatures.push_back(signature_view("mobilities_signed_student", version.student_signature, messages));
  signatures.push_back(signature_view("mobilities_signed_sending", version.sending_signature, messages));
  signatures.push_back(signature_view("mobilities_signed_receiving", version.receiving_signature, messages));
  data view;
  view.set("heading", heading);
  view.set("tables", tables);
  view.set("signatures", signatures);
  return view;
}

std::string la_version_label(const Messages& messages, int version) {
  return messages.text("mobilities_la_version") + " " + std::to_string(version);
}

data la_history_view(const std::vector<db::LaVersionRecord>& versions, const Messages& messages, const std::string& pdf_base) {
  data list = data::type::list;
  for (auto it = versions.rbegin(); it != versions.rend(); ++it) {
    auto content = mobilities::la_version_from_json_text(it->content_json);
    if (!content) continue;
    data version = la_version_view(*content, la_version_label(messages, it->version), messages);
    version.set("state", messages.text("mobilities_la_state_" + it->state));
    version.set("created_at", it->created_at);
    if (it->comment) version.set("comment", *it->comment);
    version.set("pdf_link", pdf_base + std::to_string(it->version) + ".pdf");
    if (it->state == "proposed" || it->state == "commented") version.set("proposal_id", it->changes_proposal_id);
    list.push_back(version);
  }
  return list;
}

std::string signing_timestamp() { return format_utc_now("%Y-%m-%dT%H:%M:%SZ"); }

}  // namespace mobility::portal::mobility_pages
