#include "portal/mobilities/preapproval_pages.hpp"

#include "base/csv.hpp"
#include "base/text.hpp"
#include "db/host_courses.hpp"
#include "db/partner_courses.hpp"
#include "db/preapprovals.hpp"
#include "mobilities/course_preapprovals.hpp"
#include "portal/agreements/form_views.hpp"
#include "portal/agreements/staff_scope.hpp"
#include "portal/documents/pdf_document.hpp"
#include "portal/documents/pdf_download.hpp"
#include "portal/mobilities/mobility_access.hpp"
#include "portal/pages/approved_courses.hpp"
#include "portal/pages/host_course_list.hpp"
#include "portal/pages/page_support.hpp"
#include "portal/web/form_view.hpp"

namespace mobility::portal::mobility_pages {
namespace {

using agreements::pages::FieldErrors;
using kainjow::mustache::data;

// The mobility a courses page is about, and who looks at it.
struct CoursesPage {
  db::OMobilityRecord record;
  mobilities::Mobility mobility;
  bool staff = false;
  std::string base;  // ".../courses"
};

std::optional<std::string> optional_text(const PageRequest& page, const std::string& name) {
  std::string value(trim_blanks(page.field(name)));
  return value.empty() ? std::nullopt : std::optional<std::string>(value);
}

db::CourseMapping mapping_of(const PageRequest& page) {
  return {optional_text(page, "host_course_code"),
          std::string(trim_blanks(page.field("host_course_title"))),
          with_decimal_point(page.field("host_credits")),
          std::string(trim_blanks(page.field("term"))),
          optional_text(page, "home_course_code"),
          optional_text(page, "home_course_title"),
          with_decimal_point(page.field("home_credits")),
          page.field("alternative") == "1",
          std::nullopt,
          std::nullopt};
}

// The mobility may still get and decide lines.
bool is_live(const CoursesPage& at) { return at.record.status != "cancelled" && at.record.status != "rejected"; }

data line_view(const PageRequest& page, const db::PreapprovalLine& line, const CoursesPage& at, const FieldErrors& errors,
               const Messages& messages) {
  data row;
  row.set("host", course_text(line.mapping.host_course_code, line.mapping.host_course_title));
  row.set("host_credits", line.mapping.host_credits);
  row.set("term", line.mapping.term);
  row.set("home", course_text(line.mapping.home_course_code, line.mapping.home_course_title));
  row.set("home_credits", line.mapping.home_credits);
  row.set("alternative", line.mapping.alternative);
  row.set("state", messages.text("preapproval_state_" + line.state));
  if (line.comment) row.set("comment", *line.comment);
  row.set("decided", line.decided_at ? line.decided_by.value_or("") + ", " + *line.decided_at + " UTC" : "");
  bool proposed = line.state == "proposed" && is_live(at);
  row.set("can_withdraw", proposed && !at.staff);
  row.set("action", at.base + "/" + std::to_string(line.line_id));
  if (proposed && at.staff) {
    std::string id = "comment_" + std::to_string(line.line_id);
    row.set("decision", agreements::pages::text_field(id, "preapproval_comment", page.field(id), errors, messages));
  }
  return row;
}

// The select of the host's courses: {id, options, error?, invalid}: the partner's fetched
// catalogue (each marked as such), then the list our coordinators keep; the one posted (or picked
// with ?pick=) selected. nullopt when both are empty.
Result<std::optional<data>> listed_courses(const PageRequest& page, const CoursesPage& at, const FieldErrors& errors,
                                           const Messages& messages) {
  auto courses = db::list_host_courses(page.connection, at.record.sending_hei_id, at.record.receiving_hei_id);
  if (!courses) return courses.status();
  auto catalogue = db::list_partner_courses(page.connection, at.record.receiving_hei_id);
  if (!catalogue) return catalogue.status();
  if (courses->empty() && catalogue->rows.empty()) return std::optional<data>();
  std::string chosen = page.request.method == "POST" ? page.field("host_course_id") : query_value(page, "pick");
  data options = data::type::list;
  data none;
  none.set("value", "");
  none.set("label", messages.text("preapproval_host_listed_none"));
  none.set("selected", chosen.empty());
  options.push_back(none);
  for (const auto& course : catalogue->rows) {
    data option;
    option.set("value", partner_course_value(course));
    option.set("label", partner_course_choice(course, messages));
    option.set("selected", chosen == partner_course_value(course));
    options.push_back(option);
  }
  for (const auto& course : *courses) {
    data option;
    option.set("value", std::to_string(course.course_id));
    option.set("label", host_course_choice(course, messages));
    option.set("selected", chosen == std::to_string(course.course_id));
    options.push_back(option);
  }
  data select = agreements::pages::field_error("host_course_id", errors, messages);
  select.set("options", options);
  select.set("invalid", errors.contains("host_course_id"));
  return std::optional<data>(select);
}

http::Response render(PageRequest& page, const CoursesPage& at, int status, const FieldErrors& errors,
                      const std::string& notice_key) {
  const Messages& messages = Messages::of(page.visitor.language);
  auto lines = db::list_preapproval_lines(page.connection, at.record.omobility_id);
  if (!lines) return unavailable(page, lines.status());
  data rows = data::type::list;
  for (const auto& line : *lines) rows.push_back(line_view(page, line, at, errors, messages));
  auto earlier = approved_courses_view(page, at.record.sending_hei_id, at.record.receiving_hei_id, "search");
  if (!earlier) return unavailable(page, earlier.status());
  auto partner = page.names.hei_name(page.connection, at.record.receiving_hei_id, language_code(page.visitor.language));
  if (!partner) return unavailable(page, partner.status());
  data view;
  view.set("student", at.mobility.student.given_names + " " + at.mobility.student.family_name);
  view.set("partner", partner->value_or(at.record.receiving_hei_id));
  view.set("year", at.record.receiving_academic_year_id);
  view.set("base", at.base);
  view.set("back", at.base.substr(0, at.base.size() - std::string_view("/courses").size()));
  view.set("lines", rows);
  view.set("has_lines", !lines->empty());
  view.set("staff", at.staff);
  view.set("earlier", *earlier);
  if (!at.staff && is_live(at)) {
    data form;
    for (auto [id, label] : {std::pair{"host_course_code", "preapproval_host_code"},
                             {"host_course_title", "preapproval_host_title"},
                             {"host_credits", "preapproval_host_credits"},
                             {"home_course_code", "preapproval_home_code"},
                             {"home_course_title", "preapproval_home_title"},
                             {"home_credits", "preapproval_home_credits"}}) {
      form.set(id, agreements::pages::text_field(id, label, page.field(id), errors, messages));
    }
    // The mobility's first term until the student types another.
    std::string term =
        page.request.method == "POST" ? page.field("term") : mobilities::term_id_text(mobilities::first_term(at.mobility));
    form.set("term", agreements::pages::text_field("term", "preapproval_term", term, errors, messages));
    form.set("alternative", page.field("alternative") == "1");
    auto listed = listed_courses(page, at, errors, messages);
    if (!listed) return unavailable(page, listed.status());
    if (*listed) form.set("listed", **listed);
    view.set("form", form);
  }
  if (!errors.empty()) view.set("form_error", messages.text("agreements_form_has_errors"));
  if (!notice_key.empty()) view.set("notice", messages.text(notice_key));
  auto done = page.request.query_values("done");
  if (!done.empty() && (done.front() == "proposed" || done.front() == "withdrawn" || done.front() == "decided")) {
    view.set("done", messages.text("preapproval_done_" + done.front()));
  }
  return page.render(status, "mobilities/preapproval", "preapproval_title", view);
}

FieldErrors errors_of(const Status& status) {
  FieldErrors errors;
  for (const std::string& field : mobilities::problem_fields(status)) errors[field] = "preapproval_error_" + field;
  return errors;
}

// The mapping the form gives: with the listed course the student picked, if any. nullopt when the
// pick is not a course of this destination's list nor of the partner's stored catalogue.
Result<std::optional<db::CourseMapping>> proposed_mapping(const PageRequest& page, const CoursesPage& at) {
  db::CourseMapping mapping = mapping_of(page);
  std::string picked = page.field("host_course_id");
  if (picked.empty()) return std::optional<db::CourseMapping>(mapping);
  if (auto ids = partner_course_ids(picked)) {
    auto course = db::find_partner_course(page.connection, at.record.receiving_hei_id, ids->first, ids->second);
    if (!course) return course.status();
    if (!*course) return std::optional<db::CourseMapping>();
    return std::optional<db::CourseMapping>(mobilities::with_catalogue_course(mapping, **course));
  }
  int64_t course_id = number_or_zero(picked);
  if (course_id <= 0) return std::optional<db::CourseMapping>();
  auto course = db::find_host_course(page.connection, at.record.sending_hei_id, at.record.receiving_hei_id, course_id);
  if (!course) return course.status();
  if (!*course) return std::optional<db::CourseMapping>();
  return std::optional<db::CourseMapping>(mobilities::with_listed_course(mapping, **course));
}

http::Response propose(PageRequest& page, const CoursesPage& at) {
  auto mapping = proposed_mapping(page, at);
  if (!mapping) return unavailable(page, mapping.status());
  if (!*mapping) return render(page, at, 400, {{"host_course_id", "preapproval_error_host_course_id"}}, "");
  auto proposed = mobilities::CoursePreapprovals().propose(page.connection, at.record.omobility_id, **mapping);
  if (proposed.status().code() == Status::Code::kInvalidArgument) return render(page, at, 400, errors_of(proposed.status()), "");
  if (proposed.status().code() == Status::Code::kConflict) return render(page, at, 409, {}, "preapproval_closed");
  if (!proposed) return unavailable(page, proposed.status());
  return page.redirect(at.base + "?done=proposed");
}

// The answer to a withdrawal or decision that `status` reports.
http::Response after_change(PageRequest& page, const CoursesPage& at, const Status& status, const std::string& done) {
  if (status.code() == Status::Code::kNotFound) return page.error(404);
  if (status.code() == Status::Code::kConflict) return render(page, at, 409, {}, "preapproval_changed_meanwhile");
  if (!status) return unavailable(page, status);
  return page.redirect(at.base + "?done=" + done);
}

http::Response decide(PageRequest& page, const CoursesPage& at, int64_t line_id) {
  std::string decision = page.field("decision");
  if (decision != "approve" && decision != "reject") return page.error(404);
  std::string comment_id = "comment_" + std::to_string(line_id);
  std::string comment(trim_blanks(page.field(comment_id)));
  auto choice = decision == "approve" ? mobilities::LineDecision::kApprove : mobilities::LineDecision::kReject;
  Status decided = mobilities::CoursePreapprovals().decide(page.connection, at.record.omobility_id, line_id, choice,
                                                           comment.empty() ? std::nullopt : std::optional<std::string>(comment),
                                                           agreements::pages::editor_of(page, at.record.sending_hei_id));
  if (decided.code() == Status::Code::kInvalidArgument)
    return render(page, at, 400, {{comment_id, "preapproval_error_comment"}}, "");
  return after_change(page, at, decided, "decided");
}

// --- Documents ---

std::vector<std::string> csv_columns() {
  return {"omobility_id", "student_global_id", "student_name",      "receiving_hei_id", "academic_year",    "term_number",
          "total_terms",  "host_course_code",  "host_course_title", "host_credits",     "home_course_code", "home_course_title",
          "home_credits", "alternative",       "decided_by",        "decided_at",       "comment"};
}

http::Response decision_csv(PageRequest& page, const CoursesPage& at) {
  auto lines = db::list_preapproval_lines(page.connection, at.record.omobility_id);
  if (!lines) return unavailable(page, lines.status());
  std::string body = csv_row(csv_columns());
  const auto& student = at.mobility.student;
  for (const auto& line : *lines) {
    if (line.state != "approved") continue;
    const auto& m = line.mapping;
    auto term = mobilities::term_id_from_text(m.term).value_or(mobilities::TermId{0, 0});
    body +=
        csv_row({at.record.omobility_id, student.global_id, student.given_names + " " + student.family_name,
                 at.record.receiving_hei_id, at.record.receiving_academic_year_id, std::to_string(term.term_number),
                 std::to_string(term.total_terms), m.host_course_code.value_or(""), m.host_course_title, m.host_credits,
                 m.home_course_code.value_or(""), m.home_course_title.value_or(""), m.home_credits, m.alternative ? "yes" : "no",
                 line.decided_by.value_or(""), line.decided_at.value_or(""), line.comment.value_or("")});
  }
  http::Response response{200, "text/csv; charset=utf-8", {}, std::move(body)};
  std::string name = documents::safe_file_name("preapproval-" + at.record.omobility_id, ".csv");
  response.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + name + "\"");
  return response;
}

http::Response decision_pdf(PageRequest& page, const CoursesPage& at) {
  const Messages& messages = Messages::of(page.visitor.language);
  auto lines = db::list_preapproval_lines(page.connection, at.record.omobility_id);
  if (!lines) return unavailable(page, lines.status());
  auto pdf = documents::PdfDocument::open(documents::debian_fonts(),
                                          {messages.text("preapproval_title"), std::nullopt, messages.text("documents_cut")});
  if (!pdf) return unavailable(page, pdf.status());
  const auto& student = at.mobility.student;
  pdf->title(messages.text("preapproval_title"));
  pdf->facts({{messages.text("mobilities_student"), student.given_names + " " + student.family_name},
              {messages.text("documents_global_id"), student.global_id},
              {messages.text("mobilities_receiving"), at.record.receiving_hei_id},
              {messages.text("mobilities_year"), at.record.receiving_academic_year_id},
              {messages.text("mobilities_id"), at.record.omobility_id}});
  std::vector<documents::TableRow> rows;
  for (const auto& line : *lines) {
    if (line.state == "withdrawn") continue;
    const auto& m = line.mapping;
    rows.push_back({course_text(m.host_course_code, m.host_course_title) +
                        (m.alternative ? " (" + messages.text("preapproval_alternative") + ")" : ""),
                    m.host_credits, m.term, course_text(m.home_course_code, m.home_course_title), m.home_credits,
                    messages.text("preapproval_state_" + line.state) + (line.comment ? ": " + *line.comment : ""),
                    line.decided_at ? line.decided_by.value_or("") + "\n" + *line.decided_at + " UTC" : ""});
  }
  pdf->table({{messages.text("preapproval_host"), 2.4},
              {messages.text("preapproval_credits"), 0.8},
              {messages.text("mobilities_term"), 0.8},
              {messages.text("preapproval_home"), 2.0},
              {messages.text("preapproval_credits"), 0.8},
              {messages.text("preapproval_decision"), 2.0},
              {messages.text("preapproval_decided_by"), 1.8}},
             rows);
  auto bytes = pdf->finish();
  if (!bytes) return unavailable(page, bytes.status());
  return documents::pdf_download(std::move(*bytes), "preapproval-" + at.record.omobility_id + ".pdf");
}

http::Response dispatch(PageRequest& page, const CoursesPage& at, const std::vector<std::string>& rest) {
  bool post = page.request.method == "POST";
  if (rest.empty()) return post && !at.staff ? propose(page, at) : (post ? page.error(404) : render(page, at, 200, {}, ""));
  if (!post && rest.size() == 1 && rest[0] == "decision.pdf") return decision_pdf(page, at);
  if (!post && rest.size() == 1 && rest[0] == "decision.csv" && at.staff) return decision_csv(page, at);
  int64_t line_id = number_or_zero(rest[0]);
  if (!post || line_id <= 0) return page.error(404);
  if (at.staff && rest.size() == 1) return decide(page, at, line_id);
  if (!at.staff && rest.size() == 2 && rest[1] == "withdraw") {
    return after_change(page, at, mobilities::CoursePreapprovals().withdraw(page.connection, at.record.omobility_id, line_id),
                        "withdrawn");
  }
  return page.error(404);
}

}  // namespace

http::Response own_courses(PageRequest& page, const std::string& omobility_id, const std::vector<std::string>& rest) {
  auto found = find_own(page, omobility_id);
  if (found.refusal) return *found.refusal;
  CoursesPage at{std::move(*found.record), std::move(*found.mobility), false,
                 "/my-exchange/mobilities/" + omobility_id + "/courses"};
  return dispatch(page, at, rest);
}

http::Response staff_courses(PageRequest& page, const std::string& omobility_id, const std::vector<std::string>& rest) {
  auto found = find_outgoing(page, omobility_id);
  if (found.refusal) return *found.refusal;
  CoursesPage at{std::move(*found.record), std::move(*found.mobility), true, "/mobilities/outgoing/" + omobility_id + "/courses"};
  return dispatch(page, at, rest);
}

}  // namespace mobility::portal::mobility_pages
