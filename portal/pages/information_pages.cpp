#include "portal/pages/information_pages.hpp"

#include "agreements/information_desk.hpp"
#include "db/agreement_information.hpp"
#include "db/iias.hpp"
#include "portal/pages/compare_view.hpp"
#include "portal/pages/information_form.hpp"
#include "portal/pages/page_support.hpp"

namespace mobility::portal {
namespace {

using kainjow::mustache::data;

// What the editor shows around the form.
struct EditorContext {
  std::string hei_id;
  db::DestinationSummary destination;
  std::vector<db::InformationVersionRecord> versions;  // newest first
  std::vector<db::IiaRecord> iias;                     // ours with this partner
};

// What the person typed (or the stored document), and what went wrong.
struct EditorForm {
  FormValues values;
  std::string reason;
  std::optional<std::string> iia_id;
  int seen_version = 0;
  std::vector<agreements::FieldProblem> problems;
  std::optional<std::string> refusal_key;
};

std::string editor_path(const std::string& partner_hei_id) {
  return "/coordinator/destinations/edit?partner_hei_id=" + partner_hei_id;
}

const db::InformationVersionRecord* open_version(const EditorContext& context) {
  for (const auto& version : context.versions) {
    if (version.state == "draft" || version.state == "in_review") return &version;
  }
  return nullptr;
}

// The destination of the current HEI, or nullopt when `partner_hei_id` is not a partner.
Result<std::optional<EditorContext>> load_context(PageRequest& page, const std::string& hei_id,
                                                  const std::string& partner_hei_id) {
  auto destinations = db::list_information_destinations(page.connection, hei_id, language_code(page.visitor.language));
  if (!destinations) return destinations.status();
  for (auto& destination : *destinations) {
    if (destination.partner_hei_id != partner_hei_id) continue;
    auto versions = db::list_information_versions(page.connection, hei_id, partner_hei_id);
    if (!versions) return versions.status();
    auto iias = db::list_iias(page.connection, hei_id);
    if (!iias) return iias.status();
    std::erase_if(*iias,
                  [&](const db::IiaRecord& iia) { return iia.partner_hei_id != partner_hei_id || iia.state == "deleted"; });
    return std::optional<EditorContext>(EditorContext{hei_id, std::move(destination), std::move(*versions), std::move(*iias)});
  }
  return std::optional<EditorContext>();
}

// The form as the stored information gives it: the open version, else the published one, else
// a new one with the partner's city and country.
EditorForm stored_form(const EditorContext& context) {
  EditorForm form;
  form.iia_id = context.destination.iia_id;
  form.seen_version = context.versions.empty() ? 0 : context.versions.front().version_number;
  const db::InformationVersionRecord* start = open_version(context);
  for (const auto& version : context.versions) {
    if (!start && version.state == "published") start = &version;
  }
  agreements::AgreementInformation information;
  if (start) {
    information = agreements::information_or_empty(start->content_json);
  } else {
    information.city = context.destination.city.value_or("");
    information.country_code = context.destination.country_code.value_or("");
  }
  form.values = information_values(information);
  return form;
}

data versions_view(const EditorContext& context, const Messages& messages) {
  data rows = data::type::list;
  for (size_t i = 0; i < context.versions.size(); ++i) {
    const auto& version = context.versions[i];
    data row;
    row.set("version_number", std::to_string(version.version_number));
    row.set("state", messages.text("info_state_" + version.state));
    row.set("saved_at", version.saved_at);
    row.set("saved_by", version.saved_by);
    row.set("reason", version.reason);
    if (i + 1 < context.versions.size()) {
      row.set("previous", std::to_string(context.versions[i + 1].version_number));
    } else {
      row.set("previous", false);
    }
    rows.push_back(row);
  }
  return rows;
}

data iia_options(const EditorContext& context, const std::optional<std::string>& chosen) {
  data options = data::type::list;
  for (const auto& iia : context.iias) {
    data option;
    option.set("iia_id", iia.iia_id);
    option.set("iia_code", iia.iia_code);
    option.set("selected", chosen == iia.iia_id);
    options.push_back(option);
  }
  return options;
}

void set_open_version(data& view, const EditorContext& context, const Messages& messages) {
  const db::InformationVersionRecord* open = open_version(context);
  view.set("open", open != nullptr);
  view.set("in_review", open && open->state == "in_review");
  view.set("draft_version", open && open->state == "draft" ? std::to_string(open->version_number) : "");
  view.set("can_submit", open && open->state == "draft");
  if (open) view.set("open_state", messages.text("info_state_" + open->state));
  if (open && open->state == "draft" && open->review_comment) {
    view.set("review_comment", *open->review_comment);
    view.set("reviewed_by", open->reviewed_by.value_or(""));
  }
}

http::Response editor_page(PageRequest& page, int status, const EditorContext& context, const EditorForm& form,
                           const std::string& notice_key = "") {
  const Messages& messages = Messages::of(page.visitor.language);
  FormView fields(form.values, form.problems, messages);
  data view = information_form_view(fields);
  view.set("partner_hei_id", context.destination.partner_hei_id);
  view.set("partner_name", context.destination.name);
  view.set("seen_version", std::to_string(form.seen_version));
  view.set("reason", fields.field("reason", {"reason", "info_reason", FieldKind::kText, {}, "info_reason_hint"}));
  view.set("iias", iia_options(context, form.iia_id));
  view.set("has_iias", !context.iias.empty());
  view.set("has_problems", fields.has_problems());
  if (form.refusal_key) view.set("refusal", messages.text(*form.refusal_key));
  if (!notice_key.empty()) view.set("notice", messages.text(notice_key));
  if (context.destination.published_version) {
    view.set("published_version", std::to_string(*context.destination.published_version));
  }
  set_open_version(view, context, messages);
  view.set("versions", versions_view(context, messages));
  view.set("has_versions", !context.versions.empty());
  return page.render(status, "information_editor", "info_editor_title", view);
}

http::Response list_page(PageRequest& page) {
  std::optional<std::string> hei_id;
  if (auto refused = refuse_unless_at_home_hei(page, Action::kEditAgreementInformation, hei_id)) return *refused;
  const Messages& messages = Messages::of(page.visitor.language);
  auto destinations = db::list_information_destinations(page.connection, *hei_id, language_code(page.visitor.language));
  if (!destinations) return unavailable(page, destinations.status());
  data rows = data::type::list;
  for (const auto& destination : *destinations) {
    data row;
    row.set("partner_hei_id", destination.partner_hei_id);
    row.set("name", destination.name);
    row.set("city", destination.city.value_or(""));
    row.set("country_code", destination.country_code.value_or(""));
    if (destination.open_state) {
      row.set("open_state", messages.text("info_state_" + *destination.open_state));
    } else {
      row.set("open_state", false);
    }
    row.set("published", destination.published_version.has_value());
    rows.push_back(row);
  }
  data view;
  view.set("destinations", rows);
  return page.render(200, "information_list", "info_list_title", view);
}

template <typename Show>
http::Response with_context(PageRequest& page, const std::string& partner_hei_id, Show show) {
  std::optional<std::string> hei_id;
  if (auto refused = refuse_unless_at_home_hei(page, Action::kEditAgreementInformation, hei_id)) return *refused;
  auto context = load_context(page, *hei_id, partner_hei_id);
  if (!context) return unavailable(page, context.status());
  if (!*context) return page.error(404);
  return show(**context);
}

http::Response edit_page(PageRequest& page) {
  return with_context(page, query_value(page, "partner_hei_id"), [&](const EditorContext& context) {
    std::string notice = query_value(page, "saved") == "1"       ? "info_saved"
                         : query_value(page, "submitted") == "1" ? "info_submitted"
                                                                 : "";
    return editor_page(page, 200, context, stored_form(context), notice);
  });
}

EditorForm submitted_form(const PageRequest& page) {
  EditorForm form;
  form.values = compacted_information_values(values_of_form(page.form));
  form.reason = page.field("reason");
  form.values["reason"] = form.reason;
  if (!page.field("iia_id").empty()) form.iia_id = page.field("iia_id");
  form.seen_version = number_or_zero(page.field("seen_version"));
  return form;
}

http::Response save(PageRequest& page) {
  return with_context(page, page.field("partner_hei_id"), [&](const EditorContext& context) {
    EditorForm form = submitted_form(page);
    agreements::InformationDraft draft{information_from_values(form.values), form.iia_id, form.reason, form.seen_version};
    auto outcome = agreements::save_information_draft(page.connection, {context.hei_id, context.destination.partner_hei_id},
                                                      draft, editor_of(page), agreements::ReviewRole::kEditor);
    if (!outcome) return unavailable(page, outcome.status());
    if (outcome->done()) return page.redirect(editor_path(context.destination.partner_hei_id) + "&saved=1");
    form.problems = outcome->problems;
    if (outcome->refusal) form.refusal_key = outcome->refusal->message_key;
    return editor_page(page, outcome->refusal ? 409 : 400, context, form);
  });
}

http::Response submit(PageRequest& page) {
  return with_context(page, page.field("partner_hei_id"), [&](const EditorContext& context) {
    int seen = number_or_zero(page.field("seen_version"));
    auto outcome = agreements::submit_information(page.connection, {context.hei_id, context.destination.partner_hei_id}, seen,
                                                  editor_of(page), agreements::ReviewRole::kEditor);
    if (!outcome) return unavailable(page, outcome.status());
    if (outcome->done()) return page.redirect(editor_path(context.destination.partner_hei_id) + "&submitted=1");
    EditorForm form = stored_form(context);
    form.refusal_key = outcome->refusal->message_key;
    return editor_page(page, 409, context, form);
  });
}

const db::InformationVersionRecord* version_numbered(const EditorContext& context, int number) {
  for (const auto& version : context.versions) {
    if (version.version_number == number) return &version;
  }
  return nullptr;
}

nlohmann::json document_of(const db::InformationVersionRecord& version) {
  return nlohmann::json::parse(version.content_json, nullptr, false);
}

http::Response compare_versions(PageRequest& page) {
  return with_context(page, query_value(page, "partner_hei_id"), [&](const EditorContext& context) {
    const auto* from = version_numbered(context, number_or_zero(query_value(page, "from")));
    const auto* to = version_numbered(context, number_or_zero(query_value(page, "to")));
    if (!from || !to) return page.error(404);
    const Messages& messages = Messages::of(page.visitor.language);
    ComparedVersions compared{messages.text("info_compare_title") + ": " + context.destination.name,
                              editor_path(context.destination.partner_hei_id),
                              messages.text("info_back_to_editor"),
                              from->version_number,
                              to->version_number,
                              document_of(*from),
                              document_of(*to)};
    return compare_page(page, compared, "info_compare_title");
  });
}

}  // namespace

void add_information_pages(http::Router& router, const Site& site) {
  site.add_page(router, "GET", "/coordinator/destinations", list_page);
  site.add_page(router, "GET", "/coordinator/destinations/edit", edit_page);
  site.add_page(router, "POST", "/coordinator/destinations/save", save);
  site.add_page(router, "POST", "/coordinator/destinations/submit", submit);
  site.add_page(router, "GET", "/coordinator/destinations/compare", compare_versions);
}

}  // namespace mobility::portal
