#include "portal/mobilities/student_pages.hpp"

#include <variant>

#include "db/learning_agreements.hpp"
#include "db/mobilities.hpp"
#include "db/preapprovals.hpp"
#include "db/transaction.hpp"
#include "mobilities/course_preapprovals.hpp"
#include "mobilities/la_rules.hpp"
#include "mobilities/mobility_json.hpp"
#include "mobilities/outgoing_learning_agreements.hpp"
#include "mobilities/outgoing_mobilities.hpp"
#include "portal/agreements/staff_scope.hpp"
#include "portal/mobilities/la_form.hpp"
#include "portal/mobilities/mobility_access.hpp"
#include "portal/mobilities/mobility_views.hpp"
#include "portal/mobilities/stay_form.hpp"
#include "portal/mobilities/timeline_view.hpp"
#include "portal/pages/page_support.hpp"
#include "portal/web/form_view.hpp"

namespace mobility::portal::mobility_pages {
namespace {

using kainjow::mustache::data;
using mobilities::OutgoingLearningAgreements;

struct OwnMobility {
  db::OMobilityRecord record;
  mobilities::Mobility mobility;
};

// The visitor's own mobility `omobility_id`, or the answer to give.
std::variant<OwnMobility, http::Response> own_mobility(const PageRequest& page, const std::string& omobility_id) {
  OwnLookup found = find_own(page, omobility_id);
  if (found.refusal) return std::move(*found.refusal);
  return OwnMobility{std::move(*found.record), std::move(*found.mobility)};
}

// The agreed versions an alternative may already be in.
std::vector<const mobilities::LaVersion*> agreed_versions(const mobilities::LearningAgreement& la) {
  std::vector<const mobilities::LaVersion*> agreed;
  if (la.first_version) agreed.push_back(&*la.first_version);
  if (la.approved_changes) agreed.push_back(&*la.approved_changes);
  return agreed;
}

// The approved alternatives the changes in `fields` may still take, each a button of the editor.
Result<data> alternatives_view(const PageRequest& page, const std::string& omobility_id, const mobilities::LearningAgreement& la,
                               const LaFields& fields) {
  auto lines = db::list_preapproval_lines(page.connection, omobility_id);
  if (!lines) return lines.status();
  data items = data::type::list;
  for (const auto& line : mobilities::alternatives_to_add(*lines, agreed_versions(la))) {
    auto components = mobilities::alternative_components(line.mapping);
    if (has_la_row(fields, "a", components.studied)) continue;
    const db::CourseMapping& m = line.mapping;
    data item;
    item.set("line_id", std::to_string(line.line_id));
    item.set("course",
             (m.host_course_code ? *m.host_course_code + " " : "") + m.host_course_title + " (" + m.host_credits + " ECTS)");
    if (components.recognized) {
      item.set("home", (m.home_course_code ? *m.home_course_code + " " : "") + m.home_course_title.value_or("") + " (" +
                           m.home_credits + " ECTS)");
    }
    items.push_back(item);
  }
  return items;
}

// Adds the approved alternative `line_id` to the changes in `fields`: false when the mobility has
// no such alternative left to add.
Result<bool> add_alternative(const PageRequest& page, const std::string& omobility_id, const mobilities::LearningAgreement& la,
                             int64_t line_id, LaFields& fields) {
  auto lines = db::list_preapproval_lines(page.connection, omobility_id);
  if (!lines) return lines.status();
  for (const auto& line : mobilities::alternatives_to_add(*lines, agreed_versions(la))) {
    if (line.line_id != line_id) continue;
    auto components = mobilities::alternative_components(line.mapping);
    add_la_row(fields, "a", components.studied);
    if (components.recognized) add_la_row(fields, "b", *components.recognized);
    return true;
  }
  return false;
}

struct EditorState {
  int status = 200;
  std::optional<LaFields> typed;  // what was posted, when shown again
  LaFieldErrors errors;           // of the tables' and the stay's fields (their names differ)
  std::vector<std::string> rule_problems;
  std::optional<StayFields> stay;  // the stay's fields as posted, when shown again
};

// What the mobility lacks before its agreement can be signed, as one sentence.
std::string incomplete_text(const std::vector<std::string>& missing, const Messages& messages) {
  std::string items;
  for (const std::string& item : missing_stay_facts(missing, messages)) items += (items.empty() ? "" : "; ") + item;
  return messages.text("mobilities_la_incomplete") + " " + items + ".";
}

http::Response render(PageRequest& page, const OwnMobility& own, const EditorState& state) {
  const Messages& messages = Messages::of(page.visitor.language);
  data view = mobility_facts(page, own.mobility, messages);
  auto versions = db::list_la_versions(page.connection, own.record.omobility_id);
  if (!versions) return unavailable(page, versions.status());
  view.set("versions", la_history_view(*versions, messages, "/my-exchange/mobilities/" + own.record.omobility_id + "/la/"));
  view.set("has_versions", !versions->empty());
  auto timeline = outgoing_timeline(page, own.record, own.mobility, *versions, mobilities::Holder::kStudent);
  if (!timeline) return unavailable(page, timeline.status());
  view.set("timeline", *timeline);
  OutgoingLearningAgreements las;
  auto la = las.load(page.connection, own.record.omobility_id);
  if (!la) return unavailable(page, la.status());
  auto draft = las.draft(page.connection, own.record.omobility_id);
  if (!draft) return unavailable(page, draft.status());
  bool is_change = la->first_version.has_value();
  bool live = own.record.status != "cancelled";
  view.set("can_edit", live);
  view.set("is_change_form", is_change);
  // The editor starts from what was typed, else the draft, else the proposal to revise, else the
  // changes in effect.
  LaFields fields;
  if (state.typed) {
    fields = *state.typed;
  } else if (*draft) {
    fields = la_fields_of(**draft);
  } else if (la->changes_proposal) {
    fields = la_fields_of(*la->changes_proposal);
  } else if (la->approved_changes) {
    // Changes are cumulative: the next proposal repeats every change still in effect.
    fields = la_fields_of(*la->approved_changes);
  } else if (!is_change) {
    // A first draft starts from the courses pre-approved for this mobility.
    auto lines = db::list_preapproval_lines(page.connection, own.record.omobility_id);
    if (!lines) return unavailable(page, lines.status());
    fields = la_fields_of(mobilities::draft_from_preapproval(*lines));
  }
  view.set("editor", la_editor_view(fields, state.errors, is_change, messages));
  view.set("stay", stay_form_view(state.stay ? *state.stay : stay_fields_of(own.mobility), state.errors, messages));
  if (auto missing = mobilities::missing_for_learning_agreement(own.mobility); !missing.empty() && live) {
    view.set("incomplete", incomplete_text(missing, messages));
  }
  if (is_change && live) {
    auto alternatives = alternatives_view(page, own.record.omobility_id, *la, fields);
    if (!alternatives) return unavailable(page, alternatives.status());
    view.set("has_alternatives", !alternatives->is_empty_list());
    view.set("alternatives", *alternatives);
  }
  bool student_signed = *draft && (*draft)->student_signature.has_value();
  view.set("can_sign", live && draft->has_value() && !student_signed);
  view.set("signed_waiting", student_signed);
  if (!state.errors.empty()) view.set("form_error", messages.text("agreements_form_has_errors"));
  if (!state.rule_problems.empty()) {
    data items = data::type::list;
    for (const auto& problem : state.rule_problems) items.push_back(problem);
    data problems;
    problems.set("items", items);
    view.set("rule_problems", problems);
  }
  auto done = page.request.query_values("done");
  if (!done.empty() && (done.front() == "saved" || done.front() == "signed")) {
    view.set("done", messages.text("mobilities_done_" + done.front()));
  }
  return page.render(state.status, "mobilities/student", "mobilities_student_title", view);
}

}  // namespace

http::Response student_mobility(PageRequest& page, const std::string& omobility_id) {
  auto own = own_mobility(page, omobility_id);
  if (auto* refusal = std::get_if<http::Response>(&own)) return *refusal;
  return render(page, std::get<OwnMobility>(own), {});
}

http::Response save_student_draft(PageRequest& page, const std::string& omobility_id) {
  auto found = own_mobility(page, omobility_id);
  if (auto* refusal = std::get_if<http::Response>(&found)) return *refusal;
  const OwnMobility& own = std::get<OwnMobility>(found);
  OutgoingLearningAgreements las;
  auto la = las.load(page.connection, omobility_id);
  if (!la) return unavailable(page, la.status());
  LaFields fields = la_fields_of(page.form);
  StayFields stay = stay_fields_of(page.form, own.mobility);
  if (std::string line = page.field("preapproved_line"); !line.empty()) {
    auto added = add_alternative(page, omobility_id, *la, number_or_zero(line), fields);
    if (!added) return unavailable(page, added.status());
    if (!*added || !la->first_version) return page.error(404);
  }
  auto version = la_version_of(fields, la->first_version.has_value());
  auto mobility = with_stay_facts(own.mobility, stay);
  LaFieldErrors errors;
  if (auto* problems = std::get_if<LaFieldErrors>(&version)) errors = *problems;
  if (auto* problems = std::get_if<StayFieldErrors>(&mobility)) errors.insert(problems->begin(), problems->end());
  if (!errors.empty()) return render(page, own, {400, fields, errors, {}, stay});
  // The stay's facts belong to the mobility (the receiving HEI is told of a change), the tables to
  // the draft: both are stored, or neither.
  auto editor = agreements::pages::editor_of(page, own.record.sending_hei_id);
  Result<int> saved = [&]() -> Result<int> {
    auto tx = db::Transaction::begin(page.connection);
    if (!tx) return tx.status();
    Status changed = mobilities::OutgoingMobilities().change(page.connection, std::get<mobilities::Mobility>(mobility), editor);
    if (!changed) return changed;
    auto draft = las.save_draft(page.connection, omobility_id, std::get<mobilities::LaVersion>(version), editor);
    if (!draft) return draft;
    if (Status committed = tx->commit(); !committed) return committed;
    return draft;
  }();
  if (!saved && saved.status().code() == Status::Code::kInvalidArgument) {
    return render(page, own, {400, fields, {}, {saved.status().message()}, stay});
  }
  if (!saved && saved.status().code() == Status::Code::kConflict) {
    return render(page, own, {409, fields, {}, {Messages::of(page.visitor.language).text("mobilities_error_cancelled")}, stay});
  }
  if (!saved) return unavailable(page, saved.status());
  return page.redirect("/my-exchange/mobilities/" + omobility_id + "?done=saved");
}

http::Response sign_as_student(PageRequest& page, const std::string& omobility_id) {
  auto found = own_mobility(page, omobility_id);
  if (auto* refusal = std::get_if<http::Response>(&found)) return *refusal;
  const OwnMobility& own = std::get<OwnMobility>(found);
  if (auto missing = mobilities::missing_for_learning_agreement(own.mobility); !missing.empty()) {
    return render(page, own, {409, std::nullopt, {}, {incomplete_text(missing, Messages::of(page.visitor.language))}, {}});
  }
  mobilities::Signature signature{std::nullopt, std::nullopt, std::nullopt, signing_timestamp(), std::string("Mobility")};
  auto editor = agreements::pages::editor_of(page, own.record.sending_hei_id);
  Status signed_ =
      OutgoingLearningAgreements().sign_draft(page.connection, omobility_id, mobilities::Signer::kStudent, signature, editor);
  if (signed_.code() == Status::Code::kNotFound || signed_.code() == Status::Code::kInvalidArgument) {
    return render(page, own, {409, std::nullopt, {}, {signed_.message()}, {}});
  }
  if (!signed_) return unavailable(page, signed_);
  return page.redirect("/my-exchange/mobilities/" + omobility_id + "?done=signed");
}

http::Response student_mobilities(PageRequest& page) {
  Scope own = own_student_scope(page);
  if (auto refused = page.refuse_unless(Action::kViewOwnExchange, own)) return *refused;
  const Messages& messages = Messages::of(page.visitor.language);
  auto records = db::list_student_mobilities(page.connection, *own.hei_id, *own.student_id);
  if (!records) return unavailable(page, records.status());
  data rows = data::type::list;
  for (const auto& record : *records) {
    auto name = page.names.hei_name(page.connection, record.receiving_hei_id, language_code(page.visitor.language));
    if (!name) return unavailable(page, name.status());
    data row;
    row.set("link", "/my-exchange/mobilities/" + record.omobility_id);
    row.set("receiving", name->value_or(record.receiving_hei_id));
    row.set("year", record.receiving_academic_year_id);
    row.set("status", status_text(record.status, messages));
    rows.push_back(row);
  }
  data view;
  view.set("mobilities", rows);
  view.set("has_mobilities", !records->empty());
  return page.render(200, "mobilities/student_list", "mobilities_student_list_title", view);
}

}  // namespace mobility::portal::mobility_pages
