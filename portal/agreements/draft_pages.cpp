#include "portal/agreements/draft_pages.hpp"

#include <algorithm>
#include <variant>

#include "agreements/iia_json.hpp"
#include "agreements/iia_stage.hpp"
#include "agreements/names.hpp"
#include "db/institutions.hpp"
#include "portal/agreements/form_views.hpp"
#include "portal/agreements/iia_form.hpp"
#include "portal/agreements/staff_scope.hpp"

namespace mobility::agreements::pages {
namespace {

using kainjow::mustache::data;

// What the form is about, besides the typed fields.
struct FormContext {
  std::string hei_id;
  std::optional<FoundAgreement> agreement;  // editing
  Options partners;                         // new: the partners to choose from
  Options units;                            // new: the units the visitor may choose
};

struct FormState {
  DraftFields fields;
  FieldErrors errors;
  std::string message_key = "";  // the form's own message, if any
};

constexpr MobilityType kTypes[] = {MobilityType::kStudentStudies, MobilityType::kStudentTraineeship, MobilityType::kStaffTeacher,
                                   MobilityType::kStaffTraining};

data spec_row(size_t row, const SpecFields& spec, bool removable, const FieldErrors& errors, const portal::Messages& messages) {
  std::string prefix = "spec" + std::to_string(row) + "_";
  Options types = {{"", messages.text("agreements_choose")}};
  for (MobilityType type : kTypes) types.emplace_back(mobility_type_name(type), messages.text(mobility_type_key(type)));
  Options directions = {{"outgoing", messages.text("agreements_direction_outgoing")},
                        {"incoming", messages.text("agreements_direction_incoming")}};
  data view;
  view.set("row", std::to_string(row));
  view.set("number", std::to_string(row + 1));
  view.set("types", option_list(types, spec.type));
  view.set("type_error", field_error(prefix + "type", errors, messages));
  view.set("directions", option_list(directions, spec.direction));
  view.set("direction_error", field_error(prefix + "direction", errors, messages));
  view.set("first_year", text_field(prefix + "first_year", "agreements_field_first_year", spec.first_year, errors, messages));
  view.set("last_year", text_field(prefix + "last_year", "agreements_field_last_year", spec.last_year, errors, messages));
  view.set("mobilities", text_field(prefix + "mobilities", "agreements_field_mobilities", spec.mobilities, errors, messages));
  view.set("languages", text_field(prefix + "languages", "agreements_field_languages", spec.languages, errors, messages));
  view.set("isced", text_field(prefix + "isced", "agreements_field_isced", spec.isced, errors, messages, true));
  view.set("eqf", text_field(prefix + "eqf", "agreements_field_eqf", spec.eqf_levels, errors, messages));
  view.set("months", text_field(prefix + "months", "agreements_field_months", spec.months, errors, messages));
  view.set("days", text_field(prefix + "days", "agreements_field_days", spec.days, errors, messages));
  view.set("other_info",
           text_field(prefix + "other_info", "agreements_field_other_info", spec.other_info, errors, messages, true));
  view.set("blended", spec.blended);
  view.set("removable", removable);
  view.set("remove", spec.remove);
  return view;
}

http::Response render_form(const PageRequest& page, int status, const FormContext& context, const FormState& state) {
  const portal::Messages& messages = portal::Messages::of(page.visitor.language);
  data view;
  const DraftFields& fields = state.fields;
  size_t stored_rows = 0;
  if (context.agreement) {
    const db::IiaRecord& record = context.agreement->record;
    view.set("editing", true);
    view.set("iia_id", record.iia_id);
    view.set("iia_code", record.iia_code);
    view.set("version", fields.version);
    view.set("unit_name",
             record.ounit_id ? context.agreement->units.name_of(*record.ounit_id) : messages.text("agreements_no_unit"));
    // A change to our copy outdates the partner's approval of it; ours of their copy stays valid.
    view.set("partner_approval_lapses", partner_approves_current(record));
    view.set("our_approval_stays", we_approve_current(record));
    auto content = iia_from_json_text(record.content_json);
    stored_rows = content ? content->mobility_specs.size() : 0;
  } else {
    view.set("partners", option_list(context.partners, fields.partner_hei_id));
    view.set("partner_error", field_error("partner_hei_id", state.errors, messages));
    view.set("code", text_field("iia_code", "agreements_field_code", fields.iia_code, state.errors, messages));
    view.set("units", option_list(context.units, fields.ounit_id));
    view.set("unit_error", field_error("ounit_id", state.errors, messages));
  }
  data rows = data::type::list;
  for (size_t row = 0; row < fields.specs.size(); ++row) {
    rows.push_back(spec_row(row, fields.specs[row], row < stored_rows, state.errors, messages));
  }
  view.set("specs", rows);
  view.set("spec_count", std::to_string(fields.specs.size()));
  view.set("specs_error", field_error("specs", state.errors, messages));
  view.set("reason", text_field("reason", "agreements_field_reason", fields.reason, state.errors, messages, true));
  if (!state.message_key.empty()) view.set("form_error", messages.text(state.message_key));
  return page.render(status, "agreements/draft_form", context.agreement ? "agreements_edit_title" : "agreements_new_title", view);
}

Result<Options> partner_options(const PageRequest& page, const std::string& hei_id) {
  auto institutions = db::list_partners_of(page.connection, hei_id);
  if (!institutions) return institutions.status();
  Options partners = {{"", portal::Messages::of(page.visitor.language).text("agreements_choose")}};
  for (const auto& hei : *institutions) {
    if (hei.hei_id != hei_id) partners.emplace_back(hei.hei_id, preferred_name(hei.names, language_of(page), hei.hei_id));
  }
  return partners;
}

// The units the visitor may give a new agreement ("" for none: the whole HEI).
Options unit_options(const PageRequest& page, const std::string& hei_id, const UnitTree& units) {
  Options options;
  auto may = [&](const std::optional<std::string>& unit) {
    return portal::allowed(page.visitor.actor, Action::kHandleAgreements, agreement_scope(hei_id, unit, units));
  };
  if (may(std::nullopt)) options.emplace_back("", portal::Messages::of(page.visitor.language).text("agreements_no_unit"));
  for (const auto& unit : units.units()) {
    if (may(unit.ounit_id)) options.emplace_back(unit.ounit_id, unit.name);
  }
  return options;
}

bool offered(const Options& options, const std::string& value) {
  return std::any_of(options.begin(), options.end(), [&](const auto& option) { return option.first == value && !value.empty(); });
}

// The new-draft context for the visitor's first HEI, or the answer that refuses it.
std::variant<FormContext, http::Response> new_context(const PageRequest& page) {
  auto scopes = handling_scopes(page);
  if (auto refused = page.refuse_unless(Action::kHandleAgreements, scopes.empty() ? Scope{} : scopes.front())) return *refused;
  FormContext context{*scopes.front().hei_id, std::nullopt, {}, {}};
  auto partners = partner_options(page, context.hei_id);
  if (!partners) return unavailable(page, partners.status());
  auto units = db::list_ounits(page.connection, context.hei_id, language_of(page));
  if (!units) return unavailable(page, units.status());
  context.partners = std::move(*partners);
  context.units = unit_options(page, context.hei_id, UnitTree(std::move(*units)));
  return context;
}

FieldErrors errors_of(const std::vector<FieldProblem>& problems) {
  FieldErrors errors;
  for (const auto& problem : problems) errors.try_emplace(problem.field, problem.message_key);  // the first per field
  return errors;
}

DraftFields with_empty_row(DraftFields fields) {
  fields.specs.push_back({});
  return fields;
}

}  // namespace

http::Response new_draft_form(PageRequest& page) {
  auto context = new_context(page);
  if (auto* refused = std::get_if<http::Response>(&context)) return *refused;
  return render_form(page, 200, std::get<FormContext>(context), {with_empty_row({}), {}});
}

http::Response create_draft(PageRequest& page, const IiaBook& book) {
  auto made = new_context(page);
  if (auto* refused = std::get_if<http::Response>(&made)) return *refused;
  const FormContext& context = std::get<FormContext>(made);
  FormState state{fields_from_form(page.form), {}};
  std::vector<FieldProblem> problems = text_problems(state.fields);
  if (!offered(context.partners, state.fields.partner_hei_id)) problems.push_back({"partner_hei_id", "agreements_error_partner"});
  if (state.fields.iia_code.empty()) problems.push_back({"iia_code", "field_required"});
  bool unit_offered =
      std::any_of(context.units.begin(), context.units.end(), [&](const auto& o) { return o.first == state.fields.ounit_id; });
  if (!unit_offered) problems.push_back({"ounit_id", "agreements_error_unit"});
  std::optional<std::string> unit = state.fields.ounit_id.empty() ? std::nullopt : std::optional(state.fields.ounit_id);
  DraftContent draft;
  if (problems.empty()) {
    draft = content_from_fields(state.fields, context.hei_id, unit, std::nullopt);
    problems = draft.problems;
  }
  state.errors = errors_of(problems);
  if (!problems.empty()) return render_form(page, 400, context, {state.fields, state.errors, "agreements_form_has_errors"});
  auto created = book.create_draft(page.connection, {context.hei_id, state.fields.iia_code, unit, std::nullopt, draft.content},
                                   editor_of(page, context.hei_id), state.fields.reason);
  if (!created) {
    return change_refused(page, created.status(), "agreements_error_not_saved", "agreements_form_has_errors",
                          [&](int status, const std::string& key) {
                            return render_form(page, status, context, {state.fields, {}, key});
                          });
  }
  return page.redirect("/agreements/" + *created + "?done=created");
}

http::Response edit_form(PageRequest& page, const std::string& iia_id) {
  auto lookup = find_agreement(page, iia_id);
  if (lookup.refusal) return *lookup.refusal;
  const db::IiaRecord& record = lookup.found->record;
  if (record.state == "deleted") return page.error(404);
  auto content = iia_from_json_text(record.content_json);
  if (!content) return unavailable(page, content.status());
  DraftFields fields{record.partner_hei_id,
                     record.iia_code,
                     record.ounit_id.value_or(""),
                     "",
                     std::to_string(record.current_version),
                     spec_fields_of(*content, record.hei_id)};
  FormContext context{record.hei_id, std::move(lookup.found), {}, {}};
  return render_form(page, 200, context, {with_empty_row(std::move(fields)), {}});
}

http::Response save_revision(PageRequest& page, const IiaBook& book, const std::string& iia_id) {
  auto lookup = find_agreement(page, iia_id);
  if (lookup.refusal) return *lookup.refusal;
  const db::IiaRecord& record = lookup.found->record;
  if (record.state == "deleted") return page.error(404);
  FormContext context{record.hei_id, lookup.found, {}, {}};
  FormState state{fields_from_form(page.form), {}};
  std::vector<FieldProblem> problems = text_problems(state.fields);
  auto stored = iia_from_json_text(record.content_json);
  if (!stored) return unavailable(page, stored.status());
  DraftContent draft;
  if (problems.empty()) {
    draft = content_from_fields(state.fields, record.hei_id, record.ounit_id, *stored);
    problems = draft.problems;
  }
  if (!problems.empty())
    return render_form(page, 400, context, {state.fields, errors_of(problems), "agreements_form_has_errors"});
  int version = std::atoi(state.fields.version.c_str());
  auto revised = book.revise(page.connection, record.hei_id, iia_id, version, draft.content, editor_of(page, record.hei_id),
                             state.fields.reason);
  if (!revised) {
    return change_refused(page, revised.status(), "agreements_error_conflict", "agreements_form_has_errors",
                          [&](int status, const std::string& key) {
                            return render_form(page, status, context, {state.fields, {}, key});
                          });
  }
  return page.redirect("/agreements/" + iia_id + "?done=revised");
}

}  // namespace mobility::agreements::pages
