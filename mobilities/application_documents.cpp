#include "mobilities/application_documents.hpp"

#include <array>

#include "base/sha256.hpp"
#include "base/text.hpp"
#include "db/audit_events.hpp"
#include "db/transaction.hpp"

namespace mobility::mobilities {
namespace {

constexpr size_t kMaxExtensionBytes = 10;
constexpr std::string_view kReplacement = "\xef\xbf\xbd";  // U+FFFD, what displayable() puts for what it drops

struct ProblemText {
  UploadProblem problem;
  std::string_view code;
  std::string_view text;  // the status message
};

constexpr std::array<ProblemText, 6> kProblems = {{
    {UploadProblem::kNoFile, "no_file", "document: no file was chosen"},
    {UploadProblem::kEmpty, "empty", "document: the file is empty"},
    {UploadProblem::kTooLarge, "too_large", "document: the file is larger than 10485760 bytes"},
    {UploadProblem::kWrongType, "wrong_type", "document: the file is not a PDF, PNG or JPEG"},
    {UploadProblem::kTooMany, "too_many", "document: the application has 10 documents already"},
    {UploadProblem::kAttachedAlready, "attached_already", "document: the application has this file already"},
}};
static_assert(kMaxDocumentBytes == 10485760 && kMaxDocumentsPerApplication == 10, "the texts above name the limits");

const ProblemText& text_of(UploadProblem problem) {
  for (const auto& entry : kProblems) {
    if (entry.problem == problem) return entry;
  }
  return kProblems.front();
}

Status refusal(UploadProblem problem) { return Status::invalid_argument(std::string(text_of(problem).text)); }

// true at a bidirectional embedding, override or isolate control (U+202A-U+202E, U+2066-U+2069).
bool is_bidi_control(std::string_view text, size_t at) {
  if (at + 2 >= text.size() || text[at] != '\xe2') return false;
  auto second = static_cast<unsigned char>(text[at + 1]), third = static_cast<unsigned char>(text[at + 2]);
  return (second == 0x80 && third >= 0xaa && third <= 0xae) || (second == 0x81 && third >= 0xa6 && third <= 0xa9);
}

bool is_blank_or_dot(char c) { return c == ' ' || c == '.'; }

// `text` cut to at most `max_bytes` at a UTF-8 character boundary.
std::string_view cut(std::string_view text, size_t max_bytes) {
  if (text.size() <= max_bytes) return text;
  size_t end = max_bytes;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xc0) == 0x80) --end;
  return text.substr(0, end);
}

// Records one upload or deletion of `document` in the audit log.
Status audit(db::Connection& connection, const agreements::Editor& editor, const Applicant& applicant, const std::string& action,
             const db::DocumentRecord& document) {
  db::AuditEvent event{editor.account_id,
                       editor.name,
                       editor.role,
                       applicant.hei_id,
                       action,
                       "application:" + std::to_string(document.application_id),
                       "document " + std::to_string(document.document_id) + ": " + document.file_name + " (" +
                           document.media_type + ", " + std::to_string(document.size_bytes) + " bytes, SHA-256 " +
                           document.sha256 + ")",
                       ""};
  return db::record_audit_event(connection, event);
}

// The applicant's application in the round, locked until the transaction ends; kNotFound
// otherwise, kConflict when its documents may no longer change.
Result<db::ApplicationRecord> editable_application(db::Connection& connection, int64_t round_id, int64_t application_id,
                                                   const Applicant& applicant) {
  if (Status locked = db::lock_application_for_documents(connection, application_id); !locked) return locked;
  auto application = db::find_application(connection, application_id);
  if (!application) return application.status();
  if (!*application || (*application)->round_id != round_id || (*application)->hei_id != applicant.hei_id ||
      (*application)->student_id != applicant.student_id) {
    return Status::not_found("no application " + std::to_string(application_id));
  }
  auto round = db::find_round(connection, round_id);
  if (!round) return round.status();
  if (!*round) return Status::not_found("no application round " + std::to_string(round_id));
  if (!documents_editable(**round, **application)) return Status::conflict("the application cannot be changed now");
  return std::move(**application);
}

}  // namespace

std::optional<std::string> sniff_media_type(std::string_view content) {
  if (content.starts_with("%PDF-")) return "application/pdf";
  if (content.starts_with("\x89PNG\r\n\x1a\n")) return "image/png";
  if (content.starts_with("\xff\xd8\xff")) return "image/jpeg";
  return std::nullopt;
}

std::string clean_file_name(std::string_view sent) {
  size_t slash = sent.find_last_of("/\\");
  if (slash != std::string_view::npos) sent.remove_prefix(slash + 1);
  std::string shown = displayable(sent);  // well-formed UTF-8, controls as U+FFFD
  std::string cleaned;
  for (size_t at = 0; at < shown.size();) {
    if (std::string_view(shown).substr(at).starts_with(kReplacement) || is_bidi_control(shown, at)) {
      cleaned += '_';
      at += 3;
      continue;
    }
    char c = shown[at++];
    if (c == '\t' || c == '\r' || c == '\n') {
      cleaned += ' ';
    } else if (std::string_view("\"\\:*?<>|").find(c) != std::string_view::npos) {
      cleaned += '_';
    } else {
      cleaned += c;
    }
  }
  std::string_view name = cleaned;
  while (!name.empty() && is_blank_or_dot(name.front())) name.remove_prefix(1);
  while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
  if (name.empty()) return "document";
  if (name.size() <= kMaxDocumentNameBytes) return std::string(name);
  size_t dot = name.rfind('.');
  std::string_view extension = dot != std::string_view::npos && name.size() - dot <= kMaxExtensionBytes ? name.substr(dot) : "";
  std::string_view stem = cut(name.substr(0, name.size() - extension.size()), kMaxDocumentNameBytes - extension.size());
  while (!stem.empty() && stem.back() == ' ') stem.remove_suffix(1);
  return std::string(stem) + std::string(extension);
}

std::string_view problem_code(UploadProblem problem) { return text_of(problem).code; }

std::optional<UploadProblem> check_upload(const Upload& upload, size_t attached) {
  if (!upload.has_file_field || (upload.file_name.empty() && upload.content.empty())) return UploadProblem::kNoFile;
  if (upload.content.empty()) return UploadProblem::kEmpty;
  if (upload.content.size() > static_cast<size_t>(kMaxDocumentBytes)) return UploadProblem::kTooLarge;
  if (!sniff_media_type(upload.content)) return UploadProblem::kWrongType;
  if (attached >= static_cast<size_t>(kMaxDocumentsPerApplication)) return UploadProblem::kTooMany;
  return std::nullopt;
}

std::optional<UploadProblem> upload_problem_of(const Status& status) {
  if (status.code() != Status::Code::kInvalidArgument) return std::nullopt;
  for (const auto& entry : kProblems) {
    if (status.message() == entry.text) return entry.problem;
  }
  return std::nullopt;
}

bool documents_editable(const db::RoundRecord& round, const db::ApplicationRecord& application) {
  return round.open && (application.state == "draft" || application.state == "submitted");
}

Result<int64_t> ApplicationDocuments::attach(db::Connection& connection, int64_t round_id, int64_t application_id,
                                             const Applicant& applicant, const Upload& upload,
                                             const agreements::Editor& editor) const {
  auto tx = db::Transaction::begin(connection);
  if (!tx) return tx.status();
  auto application = editable_application(connection, round_id, application_id, applicant);
  if (!application) return application.status();
  auto attached = db::list_documents(connection, application_id);
  if (!attached) return attached.status();
  if (auto problem = check_upload(upload, attached->size())) return refusal(*problem);
  std::string media_type = *sniff_media_type(upload.content);
  std::string declared(trim_blanks(upload.declared_type));
  if (declared.size() > 100 || !is_single_line(declared)) declared.clear();
  db::NewDocument document{application_id, clean_file_name(upload.file_name), declared, media_type, upload.content, editor.name};
  auto stored = db::insert_document(connection, document);
  if (!stored) {
    if (stored.status().code() == Status::Code::kConflict && stored.status().sqlstate().empty()) {
      return refusal(UploadProblem::kAttachedAlready);
    }
    return stored.status();
  }
  db::DocumentRecord record{*stored,
                            application_id,
                            document.file_name,
                            document.declared_type,
                            media_type,
                            static_cast<int64_t>(upload.content.size()),
                            sha256_hex(upload.content),
                            "",
                            editor.name};
  if (Status logged = audit(connection, editor, applicant, "application_document_uploaded", record); !logged) return logged;
  if (Status committed = tx->commit(); !committed) return committed;
  return *stored;
}

Status ApplicationDocuments::remove(db::Connection& connection, int64_t round_id, int64_t application_id, int64_t document_id,
                                    const Applicant& applicant, const agreements::Editor& editor) const {
  auto tx = db::Transaction::begin(connection);
  if (!tx) return tx.status();
  auto application = editable_application(connection, round_id, application_id, applicant);
  if (!application) return application.status();
  auto deleted = db::delete_document(connection, application_id, document_id);
  if (!deleted) return deleted.status();
  if (!*deleted) return Status::not_found("no document " + std::to_string(document_id));
  if (Status logged = audit(connection, editor, applicant, "application_document_deleted", **deleted); !logged) return logged;
  return tx->commit();
}

}  // namespace mobility::mobilities
