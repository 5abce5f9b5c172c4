#include "portal/mobilities/application_pages.hpp"

#include "base/text.hpp"
#include "db/agreement_information.hpp"
#include "db/applications.hpp"
#include "db/students.hpp"
#include "mobilities/application_documents.hpp"
#include "mobilities/applications.hpp"
#include "portal/agreements/form_views.hpp"
#include "portal/mobilities/application_document_pages.hpp"
#include "portal/pages/page_support.hpp"
#include "portal/web/form_view.hpp"

namespace mobility::portal::mobility_pages {
namespace {

using agreements::pages::FieldErrors;
using kainjow::mustache::data;

constexpr std::string_view kPrefix = "/my-exchange/applications/";

struct OwnRound {
  mobilities::Applicant applicant;
  db::RoundRecord round;
  std::optional<db::ApplicationRecord> application;
};

// The rounds the visitor may apply in, or the refusal.
std::variant<std::vector<db::RoundRecord>, http::Response> own_rounds(const PageRequest& page, mobilities::Applicant& applicant) {
  Scope own = own_student_scope(page);
  if (auto refused = page.refuse_unless(Action::kViewOwnExchange, own)) return std::move(*refused);
  applicant = {*own.hei_id, *own.student_id};
  auto student = db::find_student(page.connection, applicant.hei_id, applicant.student_id);
  if (!student) return unavailable(page, student.status());
  if (!*student) return page.error(404);
  auto rounds = db::rounds_for_student(page.connection, applicant.hei_id, (*student)->ounit_id);
  if (!rounds) return unavailable(page, rounds.status());
  return std::move(*rounds);
}

std::variant<OwnRound, http::Response> own_round(const PageRequest& page, int64_t round_id) {
  mobilities::Applicant applicant;
  auto rounds = own_rounds(page, applicant);
  if (auto* refusal = std::get_if<http::Response>(&rounds)) return std::move(*refusal);
  for (auto& round : std::get<std::vector<db::RoundRecord>>(rounds)) {
    if (round.round_id != round_id) continue;
    auto application = db::find_student_application(page.connection, round_id, applicant.hei_id, applicant.student_id);
    if (!application) return unavailable(page, application.status());
    return OwnRound{applicant, std::move(round), std::move(*application)};
  }
  return page.error(404);
}

std::string state_text(const std::optional<db::ApplicationRecord>& application, const Messages& messages) {
  return messages.text("applications_state_" + (application ? application->state : std::string("none")));
}

data round_view(const db::RoundRecord& round) {
  data view;
  view.set("round_id", std::to_string(round.round_id));
  view.set("title", round.title);
  view.set("year", round.academic_year_id);
  view.set("opens_at", round.opens_at);
  view.set("closes_at", round.closes_at);
  view.set("open", round.open);
  view.set("max_choices", std::to_string(round.max_choices));
  return view;
}

http::Response list(PageRequest& page) {
  mobilities::Applicant applicant;
  auto rounds = own_rounds(page, applicant);
  if (auto* refusal = std::get_if<http::Response>(&rounds)) return std::move(*refusal);
  const Messages& messages = Messages::of(page.visitor.language);
  data rows = data::type::list;
  for (const auto& round : std::get<std::vector<db::RoundRecord>>(rounds)) {
    auto application = db::find_student_application(page.connection, round.round_id, applicant.hei_id, applicant.student_id);
    if (!application) return unavailable(page, application.status());
    data row = round_view(round);
    row.set("state", state_text(*application, messages));
    rows.push_back(row);
  }
  data view;
  view.set("rounds", rows);
  view.set("has_rounds", !std::get<std::vector<db::RoundRecord>>(rounds).empty());
  return page.render(200, "mobilities/applications", "applications_title", view);
}

// What the form holds: as typed after a refused POST, else as stored.
struct Typed {
  std::vector<std::string> choices;
  std::string motivation;
  std::string citizenship;
};

Typed typed_from_form(const PageRequest& page, int max_choices) {
  Typed typed;
  for (int rank = 1; rank <= max_choices; ++rank) {
    std::string choice(trim_blanks(page.field("choice_" + std::to_string(rank))));
    if (!choice.empty()) typed.choices.push_back(choice);
  }
  typed.motivation = page.field("motivation");
  typed.citizenship = std::string(trim_blanks(page.field("citizenship")));
  return typed;
}

Typed typed_from_record(const std::optional<db::ApplicationRecord>& application) {
  if (!application) return {};
  return {application->choices, application->motivation, application->citizenship.value_or("")};
}

struct FormState {
  int status = 200;
  std::optional<Typed> typed;  // shown in the form instead of the stored application
  FieldErrors errors;
  std::string notice_key;        // a message above the form
  std::optional<Typed> yours;    // what was typed against an older version: shown beside, not saved
  std::string upload_error_key;  // beside the file field
};

Result<data> choice_selects(const PageRequest& page, const OwnRound& own, const Typed& typed, const FieldErrors& errors,
                            const Messages& messages) {
  auto destinations =
      db::list_published_destinations(page.connection, own.applicant.hei_id, {}, language_code(page.visitor.language));
  if (!destinations) return destinations.status();
  agreements::pages::Options options{{"", messages.text("applications_no_choice")}};
  for (const auto& destination : *destinations) options.emplace_back(destination.partner_hei_id, destination.name);
  data selects = data::type::list;
  for (int rank = 1; rank <= own.round.max_choices; ++rank) {
    std::string chosen = rank <= static_cast<int>(typed.choices.size()) ? typed.choices[rank - 1] : "";
    data select;
    select.set("id", "choice_" + std::to_string(rank));
    select.set("label", messages.text("applications_choice") + " " + std::to_string(rank));
    select.set("options", agreements::pages::option_list(options, chosen));
    select.set("invalid", rank == 1 && errors.count("choice_1") > 0);
    selects.push_back(select);
  }
  return selects;
}

Result<data> decision_view(const PageRequest& page, const db::ApplicationRecord& application) {
  data view;
  if (application.selected_partner_hei_id) {
    auto name = page.names.hei_name(page.connection, *application.selected_partner_hei_id, language_code(page.visitor.language));
    if (!name) return name.status();
    view.set("partner", name->value_or(*application.selected_partner_hei_id));
  }
  if (application.omobility_id) view.set("mobility_link", "/my-exchange/mobilities/" + *application.omobility_id);
  if (application.decision_reason) view.set("reason", *application.decision_reason);
  view.set("decided_at", application.decided_at.value_or(""));
  return view;
}

http::Response render(PageRequest& page, const OwnRound& own, const FormState& state) {
  const Messages& messages = Messages::of(page.visitor.language);
  data view = round_view(own.round);
  view.set("state", state_text(own.application, messages));
  std::string stored_state = own.application ? own.application->state : "";
  bool editable = own.round.open && (stored_state.empty() || stored_state == "draft" || stored_state == "submitted");
  view.set("editable", editable);
  view.set("can_withdraw", stored_state == "draft" || stored_state == "submitted" || stored_state == "selected");
  view.set("withdraw_cancels", stored_state == "selected");
  view.set("handed_in", stored_state == "submitted");  // saving keeps it handed in
  view.set("version", std::to_string(own.application ? own.application->version : 0));
  if (own.application && (stored_state == "selected" || stored_state == "rejected")) {
    auto decision = decision_view(page, *own.application);
    if (!decision) return unavailable(page, decision.status());
    view.set(stored_state == "selected" ? "selected" : "rejected", *decision);
  }
  if (editable) {
    Typed typed = state.typed ? *state.typed : typed_from_record(own.application);
    auto selects = choice_selects(page, own, typed, state.errors, messages);
    if (!selects) return unavailable(page, selects.status());
    view.set("choices", *selects);
    view.set("choices_error", agreements::pages::field_error("choice_1", state.errors, messages));
    view.set("motivation", agreements::pages::text_field("motivation", "applications_motivation", typed.motivation, state.errors,
                                                         messages, true));
    view.set("citizenship",
             agreements::pages::text_field("citizenship", "applications_citizenship", typed.citizenship, state.errors, messages));
  }
  if (own.application) {
    auto documents = db::list_documents(page.connection, own.application->application_id);
    if (!documents) return unavailable(page, documents.status());
    std::string prefix = std::string(kPrefix) + std::to_string(own.round.round_id) + "/documents/";
    view.set("show_documents", true);
    view.set("documents", document_rows(*documents, prefix));
    view.set("has_documents", !documents->empty());
    view.set("documents_editable", mobilities::documents_editable(own.round, *own.application));
  } else {
    view.set("documents_first_save", editable);
  }
  view.set("upload_action", std::string(kPrefix) + std::to_string(own.round.round_id) + "/documents");
  if (!state.upload_error_key.empty()) {
    data error;
    error.set("id", "document");
    error.set("error", messages.text(state.upload_error_key));
    view.set("upload_error", error);
  }
  if (!state.errors.empty()) view.set("form_error", messages.text("agreements_form_has_errors"));
  if (!state.notice_key.empty()) view.set("notice", messages.text(state.notice_key));
  if (state.yours) {
    data yours;
    std::string choices;
    for (const auto& choice : state.yours->choices) choices += (choices.empty() ? "" : ", ") + choice;
    yours.set("choices", choices);
    yours.set("motivation", state.yours->motivation);
    yours.set("citizenship", state.yours->citizenship);
    view.set("yours", yours);
  }
  auto done = page.request.query_values("done");
  if (!done.empty() && (done.front() == "saved" || done.front() == "submitted" || done.front() == "withdrawn" ||
                        done.front() == "attached" || done.front() == "deleted")) {
    view.set("done", messages.text("applications_done_" + done.front()));
  }
  return page.render(state.status, "mobilities/application", "applications_form_title", view);
}

// The refused form's field errors, one message per field (the choices' beside the first select).
FieldErrors errors_of(const Status& status) {
  FieldErrors errors;
  for (const std::string& field : mobilities::problem_fields(status)) {
    errors[field == "choices" ? "choice_1" : field] = "applications_error_" + field;
  }
  return errors;
}

http::Response save(PageRequest& page, OwnRound& own) {
  Typed typed = typed_from_form(page, own.round.max_choices);
  mobilities::ApplicationForm form{
      typed.choices, typed.motivation,
      typed.citizenship.empty() ? std::nullopt : std::optional<std::string>(ascii_upper(typed.citizenship)),
      page.field("action") == "submit"};
  int version = number_or_zero(page.field("version"));
  auto saved = mobilities::Applications().save(page.connection, own.round.round_id, own.applicant, form, version);
  if (saved) {
    return page.redirect(std::string(kPrefix) + std::to_string(own.round.round_id) +
                         (form.submit ? "?done=submitted" : "?done=saved"));
  }
  const Status& status = saved.status();
  if (status.code() == Status::Code::kInvalidArgument)
    return render(page, own, {400, typed, errors_of(status), "", std::nullopt, ""});
  if (status.code() == Status::Code::kConflict) {
    bool closed = !own.round.open;
    // The form shows the application as it is now (with its version), what was typed beside it.
    return render(page, own,
                  {409,
                   std::nullopt,
                   {},
                   closed ? "applications_round_closed" : "applications_changed_meanwhile",
                   closed ? std::nullopt : std::optional<Typed>(typed),
                   ""});
  }
  if (status.code() == Status::Code::kNotFound) return page.error(404);
  return unavailable(page, status);
}

http::Response withdraw(PageRequest& page, OwnRound& own) {
  if (!own.application) return page.error(404);
  int version = number_or_zero(page.field("version"));
  Status withdrawn = mobilities::Applications().withdraw(page.connection, own.application->application_id, own.applicant, version,
                                                         editor_of(page));
  if (withdrawn.code() == Status::Code::kConflict)
    return render(page, own, {409, std::nullopt, {}, "applications_changed_meanwhile", std::nullopt, ""});
  if (!withdrawn) return unavailable(page, withdrawn);
  return page.redirect(std::string(kPrefix) + std::to_string(own.round.round_id) + "?done=withdrawn");
}

// --- Documents (application_document_pages.hpp) ---

std::string own_page(const OwnRound& own, std::string_view done) {
  return std::string(kPrefix) + std::to_string(own.round.round_id) + "?done=" + std::string(done) + "#documents";
}

http::Response attach(PageRequest& page, OwnRound& own) {
  if (!own.application) return page.error(404);
  auto attached = mobilities::ApplicationDocuments().attach(page.connection, own.round.round_id, own.application->application_id,
                                                            own.applicant, upload_of(page), editor_of(page));
  if (attached) return page.redirect(own_page(own, "attached"));
  if (auto problem = mobilities::upload_problem_of(attached.status())) {
    std::string key = "applications_document_error_" + std::string(mobilities::problem_code(*problem));
    return render(page, own, {400, std::nullopt, {}, "", std::nullopt, key});
  }
  if (attached.status().code() == Status::Code::kConflict)
    return render(page, own, {409, std::nullopt, {}, "applications_documents_locked", std::nullopt, ""});
  if (attached.status().code() == Status::Code::kNotFound) return page.error(404);
  return unavailable(page, attached.status());
}

http::Response remove(PageRequest& page, OwnRound& own, int64_t document_id) {
  if (!own.application) return page.error(404);
  Status removed = mobilities::ApplicationDocuments().remove(page.connection, own.round.round_id, own.application->application_id,
                                                             document_id, own.applicant, editor_of(page));
  if (removed) return page.redirect(own_page(own, "deleted"));
  if (removed.code() == Status::Code::kConflict)
    return render(page, own, {409, std::nullopt, {}, "applications_documents_locked", std::nullopt, ""});
  if (removed.code() == Status::Code::kNotFound) return page.error(404);
  return unavailable(page, removed);
}

http::Response download(PageRequest& page, const OwnRound& own, int64_t document_id) {
  if (!own.application) return page.error(404);
  auto document = db::find_document(page.connection, own.application->application_id, document_id);
  if (!document) return unavailable(page, document.status());
  if (!*document) return page.error(404);
  return document_download(std::move(**document));
}

// .../documents (POST), .../documents/{id} (GET) and .../documents/{id}/delete (POST).
http::Response documents(PageRequest& page, OwnRound& own, const std::vector<std::string>& rest) {
  bool post = page.request.method == "POST";
  if (rest.size() == 1) return post ? attach(page, own) : page.error(404);
  int64_t document_id = number_or_zero(rest[1]);
  if (document_id <= 0) return page.error(404);
  if (rest.size() == 2 && !post) return download(page, own, document_id);
  if (rest.size() == 3 && rest[2] == "delete" && post) return remove(page, own, document_id);
  return page.error(404);
}

}  // namespace

http::Response student_applications(PageRequest& page) { return list(page); }

http::Response student_application(PageRequest& page, const std::string& round_id, const std::vector<std::string>& rest) {
  int64_t id = number_or_zero(round_id);
  bool post = page.request.method == "POST";
  bool withdrawing = rest.size() == 1 && rest[0] == "withdraw";
  bool known = rest.empty() || (withdrawing && post) || (rest[0] == "documents" && rest.size() <= 3);
  if (id <= 0 || !known) return page.error(404);
  auto found = own_round(page, id);
  if (auto* refusal = std::get_if<http::Response>(&found)) return std::move(*refusal);
  OwnRound& own = std::get<OwnRound>(found);
  if (!rest.empty() && rest[0] == "documents") return documents(page, own, rest);
  if (!post) return render(page, own, {});
  return withdrawing ? withdraw(page, own) : save(page, own);
}

}  // namespace mobility::portal::mobility_pages
