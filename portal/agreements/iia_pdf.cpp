#include "portal/agreements/iia_pdf.hpp"

#include "agreements/iia_stage.hpp"
#include "portal/agreements/form_views.hpp"
#include "portal/documents/pdf_download.hpp"

namespace mobility::agreements::pages {
namespace {

using portal::Messages;
using portal::documents::PdfDocument;
using Facts = std::vector<std::pair<std::string, std::string>>;

// The items that are not empty, joined with `separator`.
std::string joined(const std::vector<std::string>& items, const char* separator = ", ") {
  std::string text;
  for (const std::string& item : items) {
    if (!item.empty()) text += (text.empty() ? "" : separator) + item;
  }
  return text;
}

std::string contact_text(const Contact& contact) {
  return joined(
      {contact.name, contact.email.value_or(""), contact.phone_e164.value_or(""), contact.role_description.value_or("")});
}

std::string contacts_text(const std::vector<Contact>& contacts) {
  std::vector<std::string> items;
  for (const Contact& contact : contacts) items.push_back(contact_text(contact));
  return joined(items, "; ");
}

std::string side_text(const std::string& hei_id, const std::optional<std::string>& ounit_id) {
  return hei_id + (ounit_id ? " (" + *ounit_id + ")" : "");
}

// Each partner: its institution and unit, its agreement id and code, who signed and when, contacts.
void add_partners(PdfDocument& pdf, const Iia& iia, const Messages& messages) {
  pdf.heading(messages.text("documents_partners"));
  for (const IiaPartner& partner : iia.partners) {
    pdf.facts(
        {{messages.text("documents_hei"), side_text(partner.hei_id, partner.ounit_id)},
         {messages.text("documents_iia_id"), partner.iia_id.value_or("")},
         {messages.text("agreements_code"), partner.iia_code.value_or("")},
         {messages.text("documents_signing_contact"), partner.signing_contact ? contact_text(*partner.signing_contact) : ""},
         {messages.text("documents_signing_date"), partner.signing_date.value_or("")},
         {messages.text("documents_contacts"), contacts_text(partner.contacts)}});
  }
}

Facts condition_facts(const MobilitySpec& spec, const Messages& messages) {
  std::vector<std::string> languages;
  for (const LanguageSkill& skill : spec.recommended_language_skills) {
    languages.push_back(skill.not_yet_defined ? messages.text("documents_not_yet_defined")
                                              : joined({skill.language, skill.cefr_level.value_or("")}, " "));
  }
  std::vector<std::string> subjects;
  for (const SubjectArea& area : spec.subject_areas) {
    subjects.push_back(joined({area.isced_f_code, area.isced_clarification.value_or("")}, " "));
  }
  std::vector<std::string> levels;
  for (int level : spec.eqf_levels) levels.push_back(std::to_string(level));
  Facts facts{
      {messages.text("documents_condition_direction"),
       side_text(spec.sending_hei_id, spec.sending_ounit_id) + " → " + side_text(spec.receiving_hei_id, spec.receiving_ounit_id)},
      {messages.text("agreements_years"), spec.receiving_first_academic_year_id + " – " + spec.receiving_last_academic_year_id},
      {messages.text("agreements_field_mobilities"), spec.mobilities_per_year_not_yet_defined
                                                         ? messages.text("documents_not_yet_defined")
                                                         : std::to_string(spec.mobilities_per_year)},
      {messages.text("documents_languages"), joined(languages)},
      {messages.text("documents_subject_areas"), joined(subjects, "; ")},
  };
  if (is_student_mobility(spec.type)) {
    facts.emplace_back(messages.text("documents_eqf"), joined(levels));
    facts.emplace_back(messages.text("documents_months"), spec.total_months_per_year.value_or(""));
    facts.emplace_back(messages.text("documents_blended"),
                       messages.text(spec.blended ? "agreements_value_yes" : "agreements_value_no"));
  } else {
    facts.emplace_back(messages.text("documents_days"), spec.total_days_per_year.value_or(""));
  }
  facts.emplace_back(messages.text("agreements_field_other_info"), spec.other_info_terms.value_or(""));
  facts.emplace_back(messages.text("mobilities_sending") + ": " + messages.text("documents_contacts"),
                     contacts_text(spec.sending_contacts));
  facts.emplace_back(messages.text("mobilities_receiving") + ": " + messages.text("documents_contacts"),
                     contacts_text(spec.receiving_contacts));
  return facts;
}

void add_conditions(PdfDocument& pdf, const Iia& iia, const Messages& messages) {
  pdf.heading(messages.text("agreements_conditions"));
  int number = 0;
  for (const MobilitySpec& spec : iia.mobility_specs) {
    pdf.paragraph(messages.text("agreements_condition") + " " + std::to_string(++number) + ": " +
                  messages.text(mobility_type_key(spec.type)));
    pdf.facts(condition_facts(spec, messages));
  }
}

// Both ways: "The partner has approved our current copy." and ours of the partner's copy, with
// the hash each approval names.
void add_approvals(PdfDocument& pdf, const db::IiaRecord& record, const Messages& messages) {
  pdf.heading(messages.text("agreements_approval"));
  const char* theirs = partner_approves_current(record)           ? "agreements_partner_approves"
                       : record.partner_approved_hash.has_value() ? "agreements_partner_approved_earlier"
                                                                  : "agreements_partner_not_approved";
  const char* ours = we_approve_current(record)                     ? "agreements_we_approve"
                     : record.our_approved_partner_hash.has_value() ? "agreements_we_approved_earlier"
                                                                    : "agreements_we_not_approved";
  Facts facts{{messages.text("agreements_partner"), messages.text(theirs)}};
  if (record.partner_approved_hash) facts.emplace_back(messages.text("documents_approved_hash"), *record.partner_approved_hash);
  facts.emplace_back(messages.text("agreements_our_copy"), messages.text(ours));
  if (record.our_approved_partner_hash) {
    facts.emplace_back(messages.text("documents_approved_hash"), *record.our_approved_partner_hash);
  }
  pdf.facts(facts);
}

}  // namespace

Result<std::string> iia_pdf(const IiaDocument& document, const Messages& messages, const portal::documents::PdfFonts& fonts) {
  const db::IiaRecord& record = document.record;
  auto pdf = PdfDocument::open(
      fonts, {messages.text("documents_iia_title") + ": " + record.iia_code, record.modified_at, messages.text("documents_cut")});
  if (!pdf) return pdf.status();
  pdf->title(messages.text("documents_iia_title") + ": " + record.iia_code);
  pdf->paragraph(messages.text("agreements_version") + " " + std::to_string(record.current_version) + " — " + document.stage);
  Facts facts{{messages.text("agreements_code"), record.iia_code},
              {messages.text("agreements_our_iia_id"), record.iia_id},
              {messages.text("agreements_partner"), document.partner_name + " (" + record.partner_hei_id + ")"},
              {messages.text("agreements_unit"), document.unit_name}};
  if (record.partner_iia_id)
    facts.emplace_back(messages.text("documents_iia_id") + " (" + record.partner_hei_id + ")", *record.partner_iia_id);
  if (document.iia.terminated_as_a_whole)
    facts.emplace_back(messages.text("documents_terminated"), messages.text("agreements_value_yes"));
  pdf->facts(facts);
  add_partners(*pdf, document.iia, messages);
  add_conditions(*pdf, document.iia, messages);
  add_approvals(*pdf, record, messages);
  return pdf->finish();
}

std::string iia_file_name(const db::IiaRecord& record) {
  return portal::documents::safe_file_name("iia-" + record.iia_code + "-v" + std::to_string(record.current_version));
}

}  // namespace mobility::agreements::pages
