#include "portal/agreements/iia_pdf_page.hpp"

#include "agreements/iia_json.hpp"
#include "agreements/iia_stage.hpp"
#include "portal/agreements/iia_pdf.hpp"
#include "portal/agreements/staff_scope.hpp"
#include "portal/documents/pdf_download.hpp"

namespace mobility::agreements::pages {

http::Response agreement_pdf(portal::PageRequest& page, const std::string& iia_id) {
  auto lookup = find_agreement(page, iia_id);
  if (lookup.refusal) return *lookup.refusal;
  const FoundAgreement& found = *lookup.found;
  const portal::Messages& messages = portal::Messages::of(page.visitor.language);
  auto iia = iia_from_json_text(found.record.content_json);
  if (!iia) return unavailable(page, iia.status());
  auto partner = page.names.hei_name(page.connection, found.record.partner_hei_id, language_of(page));
  if (!partner) return unavailable(page, partner.status());
  IiaDocument document{found.record, std::move(*iia), partner->value_or(found.record.partner_hei_id),
                       found.record.ounit_id ? found.units.name_of(*found.record.ounit_id) : messages.text("agreements_no_unit"),
                       messages.text(std::string("agreements_stage_") + stage_name(stage_of(found.record)))};
  auto bytes = iia_pdf(document, messages);
  if (!bytes) return unavailable(page, bytes.status());
  return portal::documents::pdf_download(std::move(*bytes), iia_file_name(found.record));
}

}  // namespace mobility::agreements::pages
