#include "portal/mobilities/la_pdf.hpp"

#include "portal/documents/pdf_download.hpp"
#include "portal/mobilities/mobility_views.hpp"

namespace mobility::portal::mobility_pages {
namespace {

using documents::PdfDocument;
using documents::TableColumn;
using documents::TableRow;
using Facts = std::vector<std::pair<std::string, std::string>>;

// "a, b": the values that are given, in order.
std::string joined(std::initializer_list<std::optional<std::string>> parts, const char* separator = ", ") {
  std::string text;
  for (const auto& part : parts) {
    if (part && !part->empty()) text += (text.empty() ? "" : separator) + *part;
  }
  return text;
}

std::string party_text(const mobilities::MobilityParty& party) {
  std::optional<std::string> contact;
  if (party.contact) {
    contact = joined({party.contact->given_names + " " + party.contact->family_name, party.contact->email}, " ");
  }
  return joined({party.hei_id, party.ounit_name, contact});
}

Facts fact_rows(const mobilities::Mobility& m, const Messages& messages) {
  const mobilities::Nomination& n = m.nomination;
  Facts facts{
      {messages.text("mobilities_student"), m.student.given_names + " " + m.student.family_name},
      {messages.text("documents_email"), m.student.email},
      {messages.text("documents_global_id"), m.student.global_id},
      {messages.text("mobilities_sending"), party_text(n.sending)},
      {messages.text("mobilities_receiving"), party_text(n.receiving)},
      {messages.text("mobilities_year"), joined({n.receiving_academic_year_id, n.sending_academic_term_id}, " / ")},
      {messages.text("mobilities_activity"),
       activity_text(n, messages) + ", ISCED-F " + n.nominee_isced_f_code + ", EQF " + std::to_string(n.eqf_level_at_departure)},
      {messages.text("mobilities_planned_dates"), joined({m.planned_arrival_date, m.planned_departure_date}, " – ")},
  };
  if (m.actual_arrival_date || m.actual_departure_date) {
    facts.emplace_back(messages.text("mobilities_actual_dates"), joined({m.actual_arrival_date, m.actual_departure_date}, " – "));
  }
  if (m.language_skill) {
    facts.emplace_back(messages.text("documents_language_skill"),
                       m.language_skill->language + " " + m.language_skill->cefr_level);
  }
  facts.emplace_back(messages.text("mobilities_id"), m.omobility_id);
  return facts;
}

void add_components(PdfDocument& pdf, const mobilities::ComponentList& list, const Messages& messages) {
  std::vector<TableColumn> columns{{messages.text("mobilities_col_code"), 1.1},
                                   {messages.text("mobilities_col_title"), 2.6},
                                   {messages.text("mobilities_credits"), 1.4},
                                   {messages.text("mobilities_term"), 1.1},
                                   {messages.text("documents_conditions_or_description"), 2.2},
                                   {messages.text("mobilities_change"), 1.6}};
  std::vector<TableRow> rows;
  for (const mobilities::Component& c : list.components) {
    rows.push_back({c.los_code.value_or(""), c.title, credits_text(c.credits), term_text(c),
                    joined({c.recognition_conditions, c.short_description}, "\n"),
                    joined({change_text(c, messages), reason_text(c, messages)}, ": ")});
  }
  pdf.heading(table_text(list.table, messages));
  pdf.table(columns, rows);
}

// Who signed for `role_key`: name and position, e-mail, time and application; or "not signed".
Facts signature_facts(const char* role_key, const std::optional<mobilities::Signature>& signature, const Messages& messages) {
  if (!signature) return {{messages.text(role_key), messages.text("mobilities_not_signed")}};
  return {{messages.text(role_key), joined({signature->signer_name, signature->signer_position})},
          {messages.text("documents_email"), signature->signer_email.value_or("")},
          {messages.text("documents_signed_at"), signature->timestamp},
          {messages.text("documents_app"), signature->signer_app.value_or("")}};
}

void add_signatures(PdfDocument& pdf, const mobilities::LaVersion& version, const Messages& messages) {
  pdf.heading(messages.text("documents_signatures"));
  pdf.facts(signature_facts("mobilities_signed_student", version.student_signature, messages));
  pdf.facts(signature_facts("mobilities_signed_sending", version.sending_signature, messages));
  pdf.facts(signature_facts("mobilities_signed_receiving", version.receiving_signature, messages));
}

}  // namespace

Result<std::string> la_pdf(const LaDocument& la, const Messages& messages, const documents::PdfFonts& fonts) {
  std::string student = la.mobility.student.given_names + " " + la.mobility.student.family_name;
  auto pdf = PdfDocument::open(fonts, {messages.text("mobilities_la") + ": " + student + ", " + la.heading, la.created_at,
                                       messages.text("documents_cut")});
  if (!pdf) return pdf.status();
  pdf->title(messages.text("mobilities_la") + ": " + student);
  pdf->paragraph(joined({la.heading, la.state}, " — "));
  pdf->facts(fact_rows(la.mobility, messages));
  for (const mobilities::ComponentList& list : la.version.tables) add_components(*pdf, list, messages);
  add_signatures(*pdf, la.version, messages);
  if (la.state || la.receiving_comment) {
    pdf->heading(messages.text("documents_decision"));
    Facts decision;
    if (la.state) decision.emplace_back(messages.text("documents_state"), *la.state);
    if (la.receiving_comment) decision.emplace_back(messages.text("mobilities_partner_comment"), *la.receiving_comment);
    pdf->facts(decision);
  }
  return pdf->finish();
}

std::string la_file_name(const std::string& omobility_id, const std::string& suffix) {
  return documents::safe_file_name("la-" + omobility_id + "-" + suffix);
}

}  // namespace mobility::portal::mobility_pages
