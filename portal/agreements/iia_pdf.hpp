// Our copy of an inter-institutional agreement as a PDF document, in the page's language: code,
// ids, partner, unit, version and stage; both partners (unit, agreement id and code, who signed
// and when); every cooperation condition (type, direction, academic years, mobilities per year,
// languages, fields of education, EQF levels, months or days, blended, other information,
// contacts); and both approvals (the partner's of our copy, ours of the partner's copy).
//
// Fails as PdfDocument does (portal/documents/pdf_document.hpp): kUnavailable without the fonts,
// kInternal when libharu fails. The same IiaDocument gives the same bytes.
#pragma once

#include <string>

#include "agreements/iia.hpp"
#include "base/status.hpp"
#include "db/iias.hpp"
#include "portal/documents/pdf_document.hpp"
#include "portal/web/messages.hpp"

namespace mobility::agreements::pages {

struct IiaDocument {
  db::IiaRecord record;  // ids, code, version, approvals; modified_at is the PDF's date
  Iia iia;               // the current version's content
  std::string partner_name;
  std::string unit_name;
  std::string stage;  // in words: "Approved by both"
};

Result<std::string> iia_pdf(const IiaDocument& document, const portal::Messages& messages,
                            const portal::documents::PdfFonts& fonts = portal::documents::debian_fonts());

// "iia-<iia_code>-v<version>.pdf", made safe by documents::safe_file_name.
std::string iia_file_name(const db::IiaRecord& record);

}  // namespace mobility::agreements::pages
