// One version of a learning agreement as a PDF document, in the page's language: the mobility
// (student, both institutions with their units and contacts, year, levels, dates), every
// component table (code, title, credits, term, recognition conditions or description, change
// and its reason), the three signatures (name, position, e-mail, time, application) and the
// receiving institution's decision with its comment.
//
// Fails as PdfDocument does (portal/documents/pdf_document.hpp): kUnavailable without the fonts,
// kInternal when libharu fails. The same LaDocument gives the same bytes.
#pragma once

#include <optional>
#include <string>

#include "base/status.hpp"
#include "mobilities/learning_agreement.hpp"
#include "portal/documents/pdf_document.hpp"
#include "portal/web/messages.hpp"

namespace mobility::portal::mobility_pages {

struct LaDocument {
  mobilities::Mobility mobility;
  mobilities::LaVersion version;
  std::string heading;                           // "Version 3", "Proposal awaiting your decision"
  std::optional<std::string> state;              // "approved by all three"
  std::optional<std::string> receiving_comment;  // the receiving institution's comment on it
  std::optional<std::string> created_at;         // when the version was made: the PDF's date
};

Result<std::string> la_pdf(const LaDocument& la, const Messages& messages,
                           const documents::PdfFonts& fonts = documents::debian_fonts());

// "la-<omobility_id>-<suffix>.pdf", made safe by documents::safe_file_name.
std::string la_file_name(const std::string& omobility_id, const std::string& suffix);

}  // namespace mobility::portal::mobility_pages
