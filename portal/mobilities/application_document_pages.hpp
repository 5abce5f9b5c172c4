// Documents attached to applications on the pages (mobilities/application_documents.hpp has the
// limits and rules):
//   POST /my-exchange/applications/{round_id}/documents        multipart/form-data with csrf and
//                                                               `document` (the file): attaches it
//   GET  /my-exchange/applications/{round_id}/documents/{document_id}          the student's own,
//                                                                              as a download
//   POST /my-exchange/applications/{round_id}/documents/{document_id}/delete   deletes it
//   GET  /coordinator/applications/{round_id}/{application_id}/documents/{document_id}
//        for the coordinators of the applicant's unit (and the units above it) and the HEI's
//        international office, from the round page
// The student's application page (application_pages.hpp) lists them and holds the upload form
// while the application may change; a refused upload is shown beside the file field with nothing
// stored. A download is the stored bytes with the type their first bytes showed, Content-Disposition:
// attachment and X-Content-Type-Options: nosniff. Another student's document, one of another
// unit's or another HEI's applicant, reads as unknown (404).
#pragma once

#include <string>
#include <vector>

#include "db/application_documents.hpp"
#include "mobilities/application_documents.hpp"
#include "portal/web/messages.hpp"
#include "portal/web/site.hpp"

namespace mobility::portal::mobility_pages {

// The upload path may carry a file of kMaxDocumentBytes with room to spare (so a file somewhat
// too large is still read and answered beside the field; a larger body gets 413).
constexpr size_t kUploadBodyBytes = mobilities::kMaxDocumentBytes + 6 * 1024 * 1024;

// Lets the upload path carry bodies of kUploadBodyBytes (http::Router::allow_body).
void allow_document_uploads(http::Router& router);

// The file field `document` of the POST as an upload (no field: has_file_field false).
mobilities::Upload upload_of(const PageRequest& page);

// The documents as rows for a list: {file_name, link (`link_prefix` + id), type, size,
// uploaded_at, delete_action (`link_prefix` + id + "/delete")}.
kainjow::mustache::data document_rows(const std::vector<db::DocumentRecord>& documents, const std::string& link_prefix);

// The stored document as a download.
http::Response document_download(db::DocumentContent document);

// "512 B", "34 kB", "2.4 MB" (1 kB = 1024 bytes).
std::string readable_size(int64_t bytes);

}  // namespace mobility::portal::mobility_pages
