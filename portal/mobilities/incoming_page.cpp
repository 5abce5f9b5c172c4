#include "portal/mobilities/incoming_page.hpp"

#include <nlohmann/json.hpp>

#include "base/text.hpp"
#include "db/notifications.hpp"
#include "mobilities/incoming_mobilities.hpp"
#include "mobilities/mobility_json.hpp"
#include "mobilities/mobility_rules.hpp"
#include "portal/agreements/form_views.hpp"
#include "portal/agreements/iia_form.hpp"
#include "portal/mobilities/mobility_access.hpp"
#include "portal/mobilities/mobility_views.hpp"

namespace mobility::portal::mobility_pages {
namespace {

using agreements::pages::FieldErrors;
using agreements::pages::text_field;
using kainjow::mustache::data;
using mobilities::PartnerDecision;

constexpr size_t kMaxPosition = 200;

// Where our latest decision of `api` stands, as a notice; nothing when we made none.
Status add_delivery(const PageRequest& page, const db::PartnerOMobilityRecord& record, const char* api, const char* name,
                    const Messages& messages, data& view) {
  auto delivery =
      db::find_latest_update(page.connection, api, record.receiving_hei_id, record.sending_hei_id, record.omobility_id);
  if (!delivery) return delivery.status();
  if (!*delivery) return Status::ok();
  data notice;
  notice.set("text", messages.text(std::string("mobilities_delivery_") + (*delivery)->state));
  notice.set("since", (*delivery)->created_at);
  if ((*delivery)->state == "gave_up" && (*delivery)->last_error) notice.set("detail", excerpt(*(*delivery)->last_error, 300));
  if ((*delivery)->state == "conflict") notice.set("conflict", true);
  view.set(name, notice);
  return Status::ok();
}

// The sending HEI's agreement as fetched: its versions, and the proposal awaiting us.
void add_agreement(const db::PartnerOMobilityRecord& record, const Messages& messages, data& view) {
  if (!record.la_content_json) return;
  nlohmann::json la = nlohmann::json::parse(*record.la_content_json, nullptr, false);
  if (la.is_discarded()) return;
  data versions = data::type::list;
  for (const char* part : {"changes_proposal", "approved_changes", "first_version"}) {
    if (!la.contains(part) || la[part].is_null()) continue;
    auto version = mobilities::la_version_from_json_text(la[part].dump());
    if (!version) continue;
    data shown = la_version_view(*version, messages.text(std::string("mobilities_la_") + part), messages);
    shown.set("pdf_link", "/mobilities/incoming/" + record.sending_hei_id + "/" + record.omobility_id + "/la/" + part + ".pdf");
    versions.push_back(shown);
  }
  view.set("la_versions", versions);
  view.set("has_la", true);
  if (record.changes_proposal_id && !record.gone) {
    view.set("current_proposal_id", *record.changes_proposal_id);
    view.set("can_decide_la", true);
  }
}

// The mobility as the page shows it: the sending HEI's copy, with the planned dates of its
// learning agreement where its OMobility carried none (OMobilities v3 has no planned dates; the LA
// has), and the actual dates as we recorded them (ours: the sending HEI's copy never has them).
mobilities::Mobility shown_mobility(const db::PartnerOMobilityRecord& record, mobilities::Mobility mobility) {
  nlohmann::json la = nlohmann::json::parse(record.la_content_json.value_or(""), nullptr, false);
  if (!la.is_discarded() && la.contains("mobility")) {
    if (auto agreed = mobilities::mobility_from_json_text(la["mobility"].dump())) {
      if (!mobility.planned_arrival_date) mobility.planned_arrival_date = agreed->planned_arrival_date;
      if (!mobility.planned_departure_date) mobility.planned_departure_date = agreed->planned_departure_date;
    }
  }
  mobility.actual_arrival_date = record.actual_arrival_date;
  mobility.actual_departure_date = record.actual_departure_date;
  return mobility;
}

struct Typed {
  int status = 200;
  FieldErrors errors;
};

http::Response render(PageRequest& page, const IncomingLookup& found, const Typed& typed) {
  const Messages& messages = Messages::of(page.visitor.language);
  const db::PartnerOMobilityRecord& record = *found.record;
  data view = mobility_facts(page, shown_mobility(record, *found.mobility), messages);
  view.set("base", "/mobilities/incoming/" + record.sending_hei_id + "/" + record.omobility_id);
  view.set("fetched_at", record.fetched_at);
  if (record.gone) view.set("gone", true);
  if (record.status == "pending" && !record.gone) view.set("can_decide_nomination", true);
  if (record.status == "approved" && !record.gone) view.set("can_record_dates", true);
  add_agreement(record, messages, view);
  for (auto [api, name] :
       {std::pair{"omobilities-update", "nomination_delivery"}, std::pair{"omobility-las-update", "la_delivery"}}) {
    if (Status added = add_delivery(page, record, api, name, messages, view); !added) return unavailable(page, added);
  }
  view.set("nomination_comment", text_field("nomination_comment", "mobilities_reject_comment", page.field("nomination_comment"),
                                            typed.errors, messages, true));
  view.set("la_comment",
           text_field("la_comment", "mobilities_la_comment", page.field("la_comment"), typed.errors, messages, true));
  std::string position =
      page.field("signer_position").empty() ? messages.text("mobilities_default_position") : page.field("signer_position");
  view.set("signer_position", text_field("signer_position", "mobilities_signer_position", position, typed.errors, messages));
  view.set("arrival", text_field("arrival", "mobilities_actual_arrival",
                                 page.field("arrival").empty() ? record.actual_arrival_date.value_or("") : page.field("arrival"),
                                 typed.errors, messages));
  view.set("departure",
           text_field("departure", "mobilities_actual_departure",
                      page.field("departure").empty() ? record.actual_departure_date.value_or("") : page.field("departure"),
                      typed.errors, messages));
  auto done = page.request.query_values("done");
  if (!done.empty() && (done.front() == "queued" || done.front() == "dates"))
    view.set("done", messages.text("mobilities_done_" + done.front()));
  if (!typed.errors.empty()) view.set("form_error", messages.text("agreements_form_has_errors"));
  if (auto error = typed.errors.find("decision"); error != typed.errors.end())
    view.set("decision_error", messages.text(error->second));
  return page.render(typed.status, "mobilities/incoming", "mobilities_incoming_title", view);
}

// "" when `text` may be a comment; else the message key of its fault. Required when `required`.
std::string comment_problem(const std::string& text, bool required) {
  if (text.empty() && !required) return "";
  return agreements::pages::reason_problem(text);
}

// The decision a POST asks for, or the errors of its form.
std::variant<PartnerDecision, FieldErrors> decision_of(const PageRequest& page, const std::string& what) {
  std::string decision = page.field("decision");
  FieldErrors errors;
  if (what == "nomination") {
    bool reject = decision == "reject";
    if (!reject && decision != "approve") return FieldErrors{{"decision", "mobilities_error_decision"}};
    if (std::string p = comment_problem(page.field("nomination_comment"), reject); !p.empty()) errors["nomination_comment"] = p;
    if (!errors.empty()) return errors;
    std::optional<std::string> comment;
    if (reject) comment = page.field("nomination_comment");
    return PartnerDecision{reject ? PartnerDecision::Kind::kRejectNomination : PartnerDecision::Kind::kApproveNomination, "",
                           comment, std::nullopt, ""};
  }
  bool comment_la = decision == "comment";
  if (!comment_la && decision != "approve") return FieldErrors{{"decision", "mobilities_error_decision"}};
  if (std::string p = comment_problem(page.field("la_comment"), comment_la); !p.empty()) errors["la_comment"] = p;
  std::string position = page.field("signer_position");
  if (trim_blanks(position).empty() || position.size() > kMaxPosition || !is_clean_utf8(position) || !is_single_line(position)) {
    errors["signer_position"] = "mobilities_error_position";
  }
  if (!errors.empty()) return errors;
  const auto& account = page.visitor.account;
  mobilities::Signature signature{account ? std::optional<std::string>(account->display_name) : std::nullopt, position,
                                  account ? std::optional<std::string>(account->email) : std::nullopt, signing_timestamp(),
                                  std::string("Mobility")};
  std::optional<std::string> comment;
  if (comment_la) comment = page.field("la_comment");
  return PartnerDecision{comment_la ? PartnerDecision::Kind::kCommentLa : PartnerDecision::Kind::kApproveLa, "", comment,
                         signature, ""};
}

http::Response record_dates(PageRequest& page, const IncomingLookup& found) {
  const db::PartnerOMobilityRecord& record = *found.record;
  auto date_or_none = [&](const char* name) -> std::optional<std::string> {
    std::string value(trim_blanks(page.field(name)));
    return value.empty() ? std::nullopt : std::optional<std::string>(value);
  };
  FieldErrors errors;
  for (const char* name : {"arrival", "departure"}) {
    if (auto value = date_or_none(name); value && !mobilities::is_date(*value)) errors[name] = "mobilities_error_date";
  }
  if (!errors.empty()) return render(page, found, {400, errors});
  Status recorded = mobilities::IncomingMobilities().record_actual_dates(
      page.connection, record.receiving_hei_id, record.sending_hei_id, record.omobility_id, date_or_none("arrival"),
      date_or_none("departure"), agreements::pages::editor_of(page, record.receiving_hei_id));
  if (recorded.code() == Status::Code::kInvalidArgument)
    return render(page, found, {400, {{"departure", "mobilities_error_dates_order"}}});
  if (!recorded) return unavailable(page, recorded);
  return page.redirect("/mobilities/incoming/" + record.sending_hei_id + "/" + record.omobility_id + "?done=dates");
}

}  // namespace

http::Response incoming_mobility(PageRequest& page, const std::string& sending_hei_id, const std::string& omobility_id) {
  auto found = find_incoming(page, sending_hei_id, omobility_id);
  if (found.refusal) return *found.refusal;
  return render(page, found, {});
}

http::Response decide_incoming(PageRequest& page, const std::string& sending_hei_id, const std::string& omobility_id,
                               const std::string& what) {
  if (what != "nomination" && what != "la" && what != "dates") return page.error(404);
  auto found = find_incoming(page, sending_hei_id, omobility_id);
  if (found.refusal) return *found.refusal;
  if (what == "dates") return record_dates(page, found);
  auto decision = decision_of(page, what);
  if (auto* errors = std::get_if<FieldErrors>(&decision)) return render(page, found, {400, *errors});
  const db::PartnerOMobilityRecord& record = *found.record;
  auto editor = agreements::pages::editor_of(page, record.receiving_hei_id);
  auto& chosen = std::get<PartnerDecision>(decision);
  chosen.decided_by = editor.name;
  Status queued = mobilities::IncomingMobilities().decide(page.connection, record.receiving_hei_id, sending_hei_id, omobility_id,
                                                          chosen, editor);
  if (queued.code() == Status::Code::kConflict)
    return render(page, found, {409, {{"decision", "mobilities_error_nothing_to_decide"}}});
  if (queued.code() == Status::Code::kInvalidArgument)
    return render(page, found, {400, {{"decision", "mobilities_error_decision"}}});
  if (!queued) return unavailable(page, queued);
  return page.redirect("/mobilities/incoming/" + sending_hei_id + "/" + omobility_id + "?done=queued");
}

}  // namespace mobility::portal::mobility_pages
