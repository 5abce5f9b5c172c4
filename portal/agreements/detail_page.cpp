#include "portal/agreements/detail_page.hpp"

#include "agreements/copy_comparison.hpp"
#include "agreements/iia_json.hpp"
#include "agreements/iia_stage.hpp"
#include "db/iia_approvals.hpp"
#include "portal/agreements/field_comparison.hpp"
#include "portal/agreements/form_views.hpp"
#include "portal/agreements/iia_form.hpp"
#include "portal/agreements/staff_scope.hpp"

namespace mobility::agreements::pages {
namespace {

using kainjow::mustache::data;

constexpr const char* kConfirmations[] = {"created", "adopted",  "bound",      "revised",
                                          "shared",  "approved", "terminated", "deleted"};

// What the page shows besides the agreement: a message and the errors of its forms.
struct Notice {
  int status = 200;
  std::string message_key;  // an error of the last action, or ""
  FieldErrors errors;
  std::map<std::string, std::string> typed;  // what the refused form held
};

std::string typed(const Notice& notice, const std::string& field) {
  auto found = notice.typed.find(field);
  return found == notice.typed.end() ? "" : found->second;
}

std::string confirmation_key(const PageRequest& page) {
  auto done = page.request.query_values("done");
  for (const char* known : kConfirmations) {
    if (!done.empty() && done.front() == known) return std::string("agreements_done_") + known;
  }
  return "";
}

data approval_view(const db::IiaRecord& record, const std::optional<db::PartnerCopyRecord>& copy,
                   const portal::Messages& messages) {
  data view;
  view.set("partner_approves", partner_approves_current(record));
  view.set("partner_approved_earlier", record.partner_approved_hash.has_value() && !partner_approves_current(record));
  view.set("we_approve", we_approve_current(record));
  view.set("we_approved_earlier", record.our_approved_partner_hash.has_value() && !we_approve_current(record));
  data blocks = data::type::list;
  auto found = approval_blocks(record, copy);
  for (ApprovalBlock block : found) blocks.push_back(data("text", messages.text(approval_block_key(block))));
  view.set("blocked", !found.empty());
  view.set("blocks", blocks);
  view.set("approvable", found.empty() && !we_approve_current(record));
  return view;
}

// Our copy beside the partner's, aligned; nullopt when there is no readable partner copy.
std::optional<data> side_by_side(const db::IiaRecord& record, const std::optional<db::PartnerCopyRecord>& copy,
                                 const portal::Messages& messages) {
  if (!copy) return std::nullopt;
  auto ours = iia_from_json_text(record.content_json);
  auto theirs = iia_from_json_text(copy->content_json);
  if (!ours || !theirs) return std::nullopt;
  Iia aligned = aligned_with_ours(std::move(*theirs));
  CopyComparison comparison = compare_copies(*ours, aligned);
  data table = comparison_table(iia_to_json(*ours), iia_to_json(aligned), false, messages.text("agreements_our_copy"),
                                messages.text("agreements_their_copy"), messages);
  table.set("difference_count", std::to_string(comparison.differences.size()));
  table.set("identical", comparison.differences.empty());
  table.set("partner_iia_id", copy->partner_iia_id);
  table.set("fetched_at", copy->fetched_at);
  return table;
}

data actions_view(const PageRequest& page, const FoundAgreement& found, IiaStage stage) {
  const db::IiaRecord& record = found.record;
  bool live = stage != IiaStage::kDeleted;
  data view;
  view.set("can_edit", live);
  view.set("can_share", record.state == "draft");
  view.set("can_approve_role", portal::allowed(page.visitor.actor, Action::kApproveAgreement, found.scope));
  view.set("can_terminate", live && record.state == "shared" && stage != IiaStage::kTerminated);
  view.set("can_delete", live && !ever_approved_by_both(record));
  return view;
}

http::Response render_detail(const PageRequest& page, const FoundAgreement& found, const Notice& notice) {
  const portal::Messages& messages = portal::Messages::of(page.visitor.language);
  const db::IiaRecord& record = found.record;
  auto copy = db::find_partner_copy_of(page.connection, record.hei_id, record.iia_id);
  if (!copy) return unavailable(page, copy.status());
  auto partner = page.names.hei_name(page.connection, record.partner_hei_id, language_of(page));
  if (!partner) return unavailable(page, partner.status());
  IiaStage stage = stage_of(record);
  data view = actions_view(page, found, stage);
  view.set("iia_id", record.iia_id);
  view.set("iia_code", record.iia_code);
  view.set("partner_name", partner->value_or(record.partner_hei_id));
  view.set("partner_hei_id", record.partner_hei_id);
  view.set("stage", messages.text(std::string("agreements_stage_") + stage_name(stage)));
  view.set("unit", record.ounit_id ? found.units.name_of(*record.ounit_id) : messages.text("agreements_no_unit"));
  view.set("version", std::to_string(record.current_version));
  view.set("modified_at", record.modified_at.substr(0, 16) + "Z");
  view.set("approval", approval_view(record, *copy, messages));
  if (auto table = side_by_side(record, *copy, messages)) {
    view.set("comparison", *table);
  } else if (auto ours = iia_from_json_text(record.content_json)) {  // ours alone, until the partner's arrives
    nlohmann::json content = iia_to_json(*ours);
    view.set("ours", comparison_table(content, content, false, messages.text("agreements_our_copy"), "", messages));
  }
  if (std::string done = confirmation_key(page); !done.empty() && notice.message_key.empty())
    view.set("done", messages.text(done));
  if (!notice.message_key.empty()) view.set("form_error", messages.text(notice.message_key));
  for (const char* reason : {"terminate_reason", "delete_reason"}) {
    view.set(reason, text_field(reason, "agreements_field_reason", typed(notice, reason), notice.errors, messages, true));
  }
  view.set("terminate_confirm", field_error("terminate_confirm", notice.errors, messages));
  return page.render(notice.status, "agreements/detail", "agreements_detail_title", view);
}

// Runs `change` on the agreement the visitor may act on, then 303 back with `done`; a refused
// change shows the page again with `conflict_key`.
template <typename Change>
http::Response act(PageRequest& page, const std::string& iia_id, Action action, const std::string& done,
                   const std::string& conflict_key, Change change) {
  auto lookup = find_agreement(page, iia_id, action);
  if (lookup.refusal) return *lookup.refusal;
  Status status = change(*lookup.found);
  if (status) return page.redirect("/agreements/" + iia_id + "?done=" + done);
  return change_refused(page, status, conflict_key, conflict_key, [&](int code, const std::string& key) {
    return render_detail(page, *lookup.found, {code, key, {}, {}});
  });
}

// The reason field `name` of a form on this page, or the page again with its error.
std::optional<http::Response> refuse_reason(PageRequest& page, const std::string& iia_id, const std::string& name,
                                            FieldErrors errors) {
  if (std::string problem = reason_problem(page.field(name)); !problem.empty()) errors[name] = problem;
  if (errors.empty()) return std::nullopt;
  auto lookup = find_agreement(page, iia_id);
  if (lookup.refusal) return *lookup.refusal;
  return render_detail(page, *lookup.found, {400, "agreements_form_has_errors", errors, {{name, page.field(name)}}});
}

}  // namespace

http::Response agreement_detail(PageRequest& page, const std::string& iia_id) {
  auto lookup = find_agreement(page, iia_id);
  if (lookup.refusal) return *lookup.refusal;
  return render_detail(page, *lookup.found, {});
}

http::Response share_agreement(PageRequest& page, const IiaBook& book, const std::string& iia_id) {
  return act(page, iia_id, Action::kHandleAgreements, "shared", "agreements_error_not_draft", [&](const FoundAgreement& found) {
    return book.share(page.connection, found.record.hei_id, iia_id, editor_of(page, found.record.hei_id));
  });
}

http::Response approve_agreement(PageRequest& page, const IiaBook& book, const std::string& iia_id) {
  return act(
      page, iia_id, Action::kApproveAgreement, "approved", "agreements_error_cannot_approve", [&](const FoundAgreement& found) {
        return book.approve_partner_copy(page.connection, found.record.hei_id, iia_id, editor_of(page, found.record.hei_id));
      });
}

http::Response terminate_agreement(PageRequest& page, const IiaBook& book, const std::string& iia_id) {
  FieldErrors errors;
  if (page.field("terminate_confirm") != "1") errors["terminate_confirm"] = "agreements_error_confirm";
  if (auto refused = refuse_reason(page, iia_id, "terminate_reason", errors)) return *refused;
  int version = std::atoi(page.field("version").c_str());
  return act(page, iia_id, Action::kHandleAgreements, "terminated", "agreements_error_cannot_terminate",
             [&](const FoundAgreement& found) {
               return book
                   .terminate(page.connection, found.record.hei_id, iia_id, version, editor_of(page, found.record.hei_id),
                              page.field("terminate_reason"))
                   .status();
             });
}

http::Response delete_agreement(PageRequest& page, const IiaBook& book, const std::string& iia_id) {
  if (auto refused = refuse_reason(page, iia_id, "delete_reason", {})) return *refused;
  return act(page, iia_id, Action::kHandleAgreements, "deleted", "agreements_error_cannot_delete",
             [&](const FoundAgreement& found) {
               return book.remove(page.connection, found.record.hei_id, iia_id, editor_of(page, found.record.hei_id),
                                  page.field("delete_reason"));
             });
}

}  // namespace mobility::agreements::pages
