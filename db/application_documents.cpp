#include "db/application_documents.hpp"

#include "base/sha256.hpp"

// bytea values travel as hex text: decode($n, 'hex') and encode(x, 'hex').
namespace mobility::db {
namespace {

constexpr const char* kColumns = R"(d.document_id, d.application_id, d.file_name, d.declared_type, d.media_type,
    d.size_bytes::bigint AS size_bytes, d.sha256, d.uploaded_by,
    to_char(d.uploaded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') AS uploaded_at)";

DocumentRecord record_from(const Row& row) {
  return {row.get<int64_t>("document_id"),       row.get<int64_t>("application_id"),  row.get<std::string>("file_name"),
          row.get<std::string>("declared_type"), row.get<std::string>("media_type"),  row.get<int64_t>("size_bytes"),
          row.get<std::string>("sha256"),        row.get<std::string>("uploaded_at"), row.get<std::string>("uploaded_by")};
}

}  // namespace

Result<std::vector<DocumentRecord>> list_documents(Connection& connection, int64_t application_id) {
  auto rows = connection.exec(
      std::string("SELECT ") + kColumns + " FROM application_document d WHERE d.application_id = $1 ORDER BY d.document_id",
      {application_id});
  if (!rows) return rows.status();
  std::vector<DocumentRecord> documents;
  for (Row row : *rows) documents.push_back(record_from(row));
  return documents;
}

Result<RoundDocuments> list_round_documents(Connection& connection, int64_t round_id) {
  auto rows = connection.exec(std::string("SELECT ") + kColumns +
                                  " FROM application_document d JOIN application a ON a.application_id = d.application_id"
                                  " WHERE a.round_id = $1 ORDER BY d.document_id",
                              {round_id});
  if (!rows) return rows.status();
  RoundDocuments documents;
  for (Row row : *rows) {
    DocumentRecord record = record_from(row);
    documents[record.application_id].push_back(std::move(record));
  }
  return documents;
}

Status lock_application_for_documents(Connection& connection, int64_t application_id) {
  auto rows = connection.exec("SELECT 1 FROM application WHERE application_id = $1 FOR UPDATE", {application_id});
  if (!rows) return rows.status();
  if (rows->empty()) return Status::not_found("no application " + std::to_string(application_id));
  return Status::ok();
}

Result<int64_t> insert_document(Connection& connection, const NewDocument& document) {
  auto rows = connection.exec(
      "INSERT INTO application_document (application_id, file_name, declared_type, media_type, size_bytes, sha256, content,"
      " uploaded_by) VALUES ($1, $2, $3, $4, $5, $6, decode($7, 'hex'), $8)"
      " ON CONFLICT (application_id, sha256) DO NOTHING RETURNING document_id",
      {document.application_id, document.file_name, document.declared_type, document.media_type,
       static_cast<int64_t>(document.content.size()), sha256_hex(document.content), to_hex(document.content),
       document.uploaded_by});
  if (!rows) return rows.status();
  if (rows->empty()) return Status::conflict("the application has this file already");
  return rows->front().get<int64_t>(0);
}

Result<std::optional<DocumentContent>> find_document(Connection& connection, int64_t application_id, int64_t document_id) {
  auto rows = connection.exec(std::string("SELECT ") + kColumns +
                                  ", encode(d.content, 'hex') AS content FROM application_document d"
                                  " WHERE d.application_id = $1 AND d.document_id = $2",
                              {application_id, document_id});
  if (!rows) return rows.status();
  if (rows->empty()) return std::optional<DocumentContent>();
  Row row = rows->front();
  auto content = from_hex(row.get<std::string>("content"));
  if (!content) return Status::internal("document " + std::to_string(document_id) + ": its bytes do not read back");
  return std::optional<DocumentContent>(DocumentContent{record_from(row), std::move(*content)});
}

Result<std::optional<DocumentRecord>> delete_document(Connection& connection, int64_t application_id, int64_t document_id) {
  auto rows = connection.exec(std::string("DELETE FROM application_document d WHERE d.application_id = $1 AND d.document_id = $2"
                                          " RETURNING ") +
                                  kColumns,
                              {application_id, document_id});
  if (!rows) return rows.status();
  if (rows->empty()) return std::optional<DocumentRecord>();
  return std::optional<DocumentRecord>(record_from(rows->front()));
}

}  // namespace mobility::db
