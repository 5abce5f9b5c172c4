// Application documents: the files a student attaches to an application (a transcript, a
// language certificate), kept in the database (db/application_documents.hpp, migration 0025).
//
// The limits, each a constant below:
// - type: PDF, PNG or JPEG only, judged by the file's first bytes (sniff_media_type), never by its
//   name or the type the browser declared; a document is always served with the sniffed type;
// - size: 1 byte to kMaxDocumentBytes (10 MiB) per file;
// - count: at most kMaxDocumentsPerApplication (10) per application, counted with the
//   application's row locked, so two uploads at once cannot both be the eleventh;
// - the same bytes once per application (a form sent twice stores one document).
// The applicant adds and deletes documents while the application may change
// (documents_editable: the round open, the application a draft or handed in); after the
// deadline, once withdrawn or decided, they can only be read. Who may read them (the applicant,
// the coordinators of the applicant's unit, the HEI's international office) is the pages' part.
// Every upload and deletion is one transaction with its audit event
// ("application_document_uploaded", "application_document_deleted" on "application:<id>").
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "agreements/iia_book.hpp"
#include "db/application_documents.hpp"
#include "db/applications.hpp"
#include "mobilities/applications.hpp"

namespace mobility::mobilities {

constexpr int64_t kMaxDocumentBytes = 10 * 1024 * 1024;
constexpr int kMaxDocumentsPerApplication = 10;
constexpr size_t kMaxDocumentNameBytes = 120;

// "application/pdf" for "%PDF-", "image/png" for PNG's 8-byte signature, "image/jpeg" for
// FF D8 FF; nullopt for anything else.
std::optional<std::string> sniff_media_type(std::string_view content);

// A sent file name as it is kept, shown and offered in downloads: the part after the last '/' or
// '\', ill-formed UTF-8, control and bidirectional-override characters and any of " \ : * ? < > |
// replaced by '_' (tabs and line breaks by a space), leading dots and blanks and trailing blanks
// dropped, at most kMaxDocumentNameBytes bytes (the stem is cut, an extension of up to 10 bytes
// kept); "document" when nothing is left.
std::string clean_file_name(std::string_view sent);

// A file as the form sent it.
struct Upload {
  bool has_file_field = false;  // the form had the file field at all
  std::string file_name;        // as sent; "" when the form was sent without choosing a file
  std::string declared_type;    // the part's Content-Type as sent
  std::string content;
};

enum class UploadProblem { kNoFile, kEmpty, kTooLarge, kWrongType, kTooMany, kAttachedAlready };

// "no_file", "empty", "too_large", "wrong_type", "too_many", "attached_already": the pages'
// message keys end with it.
std::string_view problem_code(UploadProblem problem);

// The upload's first problem, `attached` being the number of documents the application has; none
// when it may be stored (but for kAttachedAlready, which only storing it tells).
std::optional<UploadProblem> check_upload(const Upload& upload, size_t attached);

// The problem an attach() refusal names; nullopt for any other status.
std::optional<UploadProblem> upload_problem_of(const Status& status);

// true when the applicant may add and delete documents: the round is open and the application a
// draft or handed in.
bool documents_editable(const db::RoundRecord& round, const db::ApplicationRecord& application);

class ApplicationDocuments {
 public:
  // Stores `upload` as a document of the applicant's application `application_id` in round
  // `round_id`, by `editor`, audited; returns its id. kNotFound: no such application of the
  // applicant in that round. kConflict "the application cannot be changed now" when
  // !documents_editable (checked with the row locked). kInvalidArgument: the upload's problem
  // (upload_problem_of tells which). Nothing is stored unless it returns an id.
  Result<int64_t> attach(db::Connection& connection, int64_t round_id, int64_t application_id, const Applicant& applicant,
                         const Upload& upload, const agreements::Editor& editor) const;

  // Deletes document `document_id` of the applicant's application, audited. kNotFound: no such
  // document of the applicant's application in that round. kConflict as attach.
  Status remove(db::Connection& connection, int64_t round_id, int64_t application_id, int64_t document_id,
                const Applicant& applicant, const agreements::Editor& editor) const;
};

}  // namespace mobility::mobilities
