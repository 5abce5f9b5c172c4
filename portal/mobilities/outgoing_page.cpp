#include "portal/mobilities/outgoing_page.hpp"

#include <nlohmann/json.hpp>

#include "base/text.hpp"
#include "db/learning_agreements.hpp"
#include "mobilities/la_rules.hpp"
#include "mobilities/mobility_json.hpp"
#include "mobilities/outgoing_learning_agreements.hpp"
#include "mobilities/outgoing_mobilities.hpp"
#include "portal/agreements/field_comparison.hpp"
#include "portal/agreements/form_views.hpp"
#include "portal/agreements/iia_form.hpp"
#include "portal/mobilities/mobility_access.hpp"
#include "portal/mobilities/mobility_views.hpp"
#include "portal/mobilities/timeline_view.hpp"

namespace mobility::portal::mobility_pages {
namespace {

using agreements::pages::FieldErrors;
using agreements::pages::Options;
using kainjow::mustache::data;

// The version asked for in query parameter `name`, else the one at `fallback`.
const db::LaVersionRecord& chosen(const PageRequest& page, const char* name, const std::vector<db::LaVersionRecord>& versions,
                                  size_t fallback) {
  auto asked = page.request.query_values(name);
  for (const auto& version : versions) {
    if (!asked.empty() && asked.front() == std::to_string(version.version)) return version;
  }
  return versions[fallback];
}

// Every version, newest first, with its state; and the comparison of two of them.
void add_versions(const PageRequest& page, const std::string& omobility_id, const std::vector<db::LaVersionRecord>& versions,
                  const Messages& messages, data& view) {
  Options choices;
  for (const auto& version : versions) {
    choices.emplace_back(std::to_string(version.version), la_version_label(messages, version.version));
  }
  view.set("versions", la_history_view(versions, messages, "/mobilities/outgoing/" + omobility_id + "/la/"));
  view.set("has_versions", !versions.empty());
  if (versions.size() < 2) return;
  const auto& from = chosen(page, "from", versions, versions.size() - 2);
  const auto& to = chosen(page, "to", versions, versions.size() - 1);
  view.set("from_options", agreements::pages::option_list(choices, std::to_string(from.version)));
  view.set("to_options", agreements::pages::option_list(choices, std::to_string(to.version)));
  view.set("comparison", agreements::pages::comparison_table(
                             nlohmann::json::parse(from.content_json), nlohmann::json::parse(to.content_json), true,
                             la_version_label(messages, from.version), la_version_label(messages, to.version), messages));
}

Status add_history(const PageRequest& page, const std::string& omobility_id, data& view) {
  auto events = db::list_omobility_events(page.connection, omobility_id);
  if (!events) return events.status();
  data rows = data::type::list;
  for (const auto& event : *events) {
    data row;
    row.set("when", event.happened_at);
    row.set("who", event.actor);
    row.set("what", event.event);
    if (event.comment) row.set("comment", *event.comment);
    rows.push_back(row);
  }
  view.set("events", rows);
  return Status::ok();
}

http::Response render(PageRequest& page, const OutgoingLookup& found, int status, const FieldErrors& errors) {
  const Messages& messages = Messages::of(page.visitor.language);
  data view = mobility_facts(page, *found.mobility, messages);
  auto versions = db::list_la_versions(page.connection, found.record->omobility_id);
  if (!versions) return unavailable(page, versions.status());
  add_versions(page, found.record->omobility_id, *versions, messages, view);
  if (Status added = add_history(page, found.record->omobility_id, view); !added) return unavailable(page, added);
  auto timeline = outgoing_timeline(page, *found.record, *found.mobility, *versions, mobilities::Holder::kSendingHei);
  if (!timeline) return unavailable(page, timeline.status());
  view.set("timeline", *timeline);
  view.set("can_cancel", found.record->status != "cancelled");
  auto draft = mobilities::OutgoingLearningAgreements().draft(page.connection, found.record->omobility_id);
  if (!draft) return unavailable(page, draft.status());
  if (*draft && (*draft)->student_signature && !(*draft)->sending_signature && found.record->status != "cancelled") {
    view.set("draft", la_version_view(**draft, messages.text("mobilities_draft_to_sign"), messages));
    std::string position =
        page.field("signer_position").empty() ? messages.text("mobilities_default_position") : page.field("signer_position");
    view.set("signer_position",
             agreements::pages::text_field("signer_position", "mobilities_signer_position", position, errors, messages));
  }
  view.set("cancel_reason",
           agreements::pages::text_field("reason", "mobilities_cancel_reason", page.field("reason"), errors, messages, true));
  auto done = page.request.query_values("done");
  if (!done.empty() && (done.front() == "cancelled" || done.front() == "proposed")) {
    view.set("done", messages.text("mobilities_done_" + done.front()));
  }
  if (!errors.empty()) view.set("form_error", messages.text("agreements_form_has_errors"));
  return page.render(status, "mobilities/outgoing", "mobilities_outgoing_title", view);
}

}  // namespace

http::Response outgoing_mobility(PageRequest& page, const std::string& omobility_id) {
  auto found = find_outgoing(page, omobility_id);
  if (found.refusal) return *found.refusal;
  return render(page, found, 200, {});
}

http::Response cancel_outgoing(PageRequest& page, const std::string& omobility_id) {
  auto found = find_outgoing(page, omobility_id);
  if (found.refusal) return *found.refusal;
  if (std::string problem = agreements::pages::reason_problem(page.field("reason")); !problem.empty()) {
    return render(page, found, 400, {{"reason", problem}});
  }
  agreements::Editor editor = agreements::pages::editor_of(page, found.record->sending_hei_id);
  Status cancelled = mobilities::OutgoingMobilities().cancel(page.connection, omobility_id, editor, page.field("reason"));
  if (cancelled.code() == Status::Code::kConflict) return render(page, found, 409, {{"reason", "mobilities_error_cancelled"}});
  if (!cancelled) return unavailable(page, cancelled);
  return page.redirect("/mobilities/outgoing/" + omobility_id + "?done=cancelled");
}

http::Response sign_as_sending_hei(PageRequest& page, const std::string& omobility_id) {
  auto found = find_outgoing(page, omobility_id);
  if (found.refusal) return *found.refusal;
  std::string position(trim_blanks(page.field("signer_position")));
  if (position.empty() || position.size() > 200 || !is_clean_utf8(position) || !is_single_line(position)) {
    return render(page, found, 400, {{"signer_position", "mobilities_error_position"}});
  }
  const auto& account = page.visitor.account;
  mobilities::Signature signature{account ? std::optional<std::string>(account->display_name) : std::nullopt, position,
                                  account ? std::optional<std::string>(account->email) : std::nullopt, signing_timestamp(),
                                  std::string("Mobility")};
  if (!mobilities::missing_for_learning_agreement(*found.mobility).empty()) {
    return render(page, found, 409, {{"signer_position", "mobilities_error_la_incomplete_staff"}});
  }
  agreements::Editor editor = agreements::pages::editor_of(page, found.record->sending_hei_id);
  Status signed_ = mobilities::OutgoingLearningAgreements().sign_draft(page.connection, omobility_id,
                                                                       mobilities::Signer::kSendingHei, signature, editor);
  if (signed_.code() == Status::Code::kNotFound || signed_.code() == Status::Code::kInvalidArgument ||
      signed_.code() == Status::Code::kConflict) {
    return render(page, found, 409, {{"signer_position", "mobilities_error_nothing_to_sign"}});
  }
  if (!signed_) return unavailable(page, signed_);
  return page.redirect("/mobilities/outgoing/" + omobility_id + "?done=proposed");
}

}  // namespace mobility::portal::mobility_pages
