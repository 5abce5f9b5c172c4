#include "portal/mobilities/la_pdf_pages.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "db/learning_agreements.hpp"
#include "mobilities/mobility_json.hpp"
#include "portal/documents/pdf_download.hpp"
#include "portal/mobilities/la_pdf.hpp"
#include "portal/mobilities/mobility_access.hpp"
#include "portal/mobilities/mobility_views.hpp"

namespace mobility::portal::mobility_pages {
namespace {

constexpr std::string_view kPdf = ".pdf";
constexpr const char* kIncomingParts[] = {"first_version", "approved_changes", "changes_proposal"};

// "3.pdf" → "3"; nullopt without the suffix.
std::optional<std::string> stem_of(const std::string& file) {
  if (file.size() <= kPdf.size() || file.substr(file.size() - kPdf.size()) != kPdf) return std::nullopt;
  return file.substr(0, file.size() - kPdf.size());
}

http::Response rendered(const PageRequest& page, const LaDocument& la, const std::string& file_name) {
  auto bytes = la_pdf(la, Messages::of(page.visitor.language));
  if (!bytes) return unavailable(page, bytes.status());
  return documents::pdf_download(std::move(*bytes), file_name);
}

// Stored version `file` ("3.pdf") of our outgoing mobility's agreement.
http::Response stored_version(const PageRequest& page, const db::OMobilityRecord& record, const mobilities::Mobility& mobility,
                              const std::string& file) {
  auto stem = stem_of(file);
  if (!stem) return page.error(404);
  auto versions = db::list_la_versions(page.connection, record.omobility_id);
  if (!versions) return unavailable(page, versions.status());
  auto found = std::find_if(versions->begin(), versions->end(),
                            [&](const db::LaVersionRecord& v) { return std::to_string(v.version) == *stem; });
  if (found == versions->end()) return page.error(404);
  auto content = mobilities::la_version_from_json_text(found->content_json);
  if (!content) return unavailable(page, content.status());
  const Messages& messages = Messages::of(page.visitor.language);
  LaDocument la{mobility,
                *content,
                la_version_label(messages, found->version),
                messages.text("mobilities_la_state_" + found->state),
                found->comment,
                found->created_at};
  return rendered(page, la, la_file_name(record.omobility_id, "v" + *stem));
}

}  // namespace

http::Response outgoing_la_pdf(PageRequest& page, const std::string& omobility_id, const std::string& file) {
  auto found = find_outgoing(page, omobility_id);
  if (found.refusal) return *found.refusal;
  return stored_version(page, *found.record, *found.mobility, file);
}

http::Response own_la_pdf(PageRequest& page, const std::string& omobility_id, const std::string& file) {
  auto found = find_own(page, omobility_id);
  if (found.refusal) return *found.refusal;
  return stored_version(page, *found.record, *found.mobility, file);
}

http::Response incoming_la_pdf(PageRequest& page, const std::string& sending_hei_id, const std::string& omobility_id,
                               const std::string& file) {
  auto found = find_incoming(page, sending_hei_id, omobility_id);
  if (found.refusal) return *found.refusal;
  auto part = stem_of(file);
  if (!part || std::find(std::begin(kIncomingParts), std::end(kIncomingParts), *part) == std::end(kIncomingParts) ||
      !found.record->la_content_json) {
    return page.error(404);
  }
  nlohmann::json la = nlohmann::json::parse(*found.record->la_content_json, nullptr, false);
  if (la.is_discarded() || !la.contains(*part) || la[*part].is_null()) return page.error(404);
  auto version = mobilities::la_version_from_json_text(la[*part].dump());
  if (!version) return unavailable(page, version.status());
  const Messages& messages = Messages::of(page.visitor.language);
  LaDocument document{*found.mobility, *version,     messages.text("mobilities_la_" + *part),
                      std::nullopt,    std::nullopt, found.record->fetched_at};
  return rendered(page, document, la_file_name(omobility_id, *part));
}

}  // namespace mobility::portal::mobility_pages
