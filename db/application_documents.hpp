// Application documents repository (migration 0025): the files a student attaches to an
// application, bytes included. The rules (which types, how large, how many, who may change them
// and when) are mobilities/application_documents.hpp's; this file only reads and writes, and every
// query names the application, so a document id alone never reaches another application's file.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "db/connection.hpp"

namespace mobility::db {

struct DocumentRecord {
  int64_t document_id = 0;
  int64_t application_id = 0;
  std::string file_name;
  std::string declared_type;  // as the browser sent it ("" when it sent none)
  std::string media_type;     // application/pdf, image/png or image/jpeg: what the bytes are
  int64_t size_bytes = 0;
  std::string sha256;       // lower-case hex
  std::string uploaded_at;  // UTC "YYYY-MM-DD HH:MM"
  std::string uploaded_by;
};

struct NewDocument {
  int64_t application_id = 0;
  std::string file_name;
  std::string declared_type;
  std::string media_type;
  std::string content;
  std::string uploaded_by;
};

// The application's documents without their bytes, the first uploaded first.
Result<std::vector<DocumentRecord>> list_documents(Connection& connection, int64_t application_id);

// The documents of the round's applications without their bytes, by application, the first
// uploaded first.
using RoundDocuments = std::map<int64_t, std::vector<DocumentRecord>>;
Result<RoundDocuments> list_round_documents(Connection& connection, int64_t round_id);

// Locks the application's row until the transaction ends, so two uploads at once count each
// other. kNotFound when there is no such application.
Status lock_application_for_documents(Connection& connection, int64_t application_id);

// Stores the document (its size and SHA-256 computed from `content`); its new id. kConflict when
// the application holds the same bytes already.
Result<int64_t> insert_document(Connection& connection, const NewDocument& document);

struct DocumentContent {
  DocumentRecord record;
  std::string content;
};
// The document with its bytes when it belongs to `application_id`.
Result<std::optional<DocumentContent>> find_document(Connection& connection, int64_t application_id, int64_t document_id);

// The deleted document (without its bytes) when it belonged to `application_id`, else nullopt.
Result<std::optional<DocumentRecord>> delete_document(Connection& connection, int64_t application_id, int64_t document_id);

}  // namespace mobility::db
