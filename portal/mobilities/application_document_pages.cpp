#include "portal/mobilities/application_document_pages.hpp"

#include <cstdio>

#include "portal/documents/pdf_download.hpp"

namespace mobility::portal::mobility_pages {

using kainjow::mustache::data;

void allow_document_uploads(http::Router& router) {
  router.allow_body("/my-exchange/applications/", "/documents", kUploadBodyBytes);
}

mobilities::Upload upload_of(const PageRequest& page) {
  for (const auto& file : page.files) {
    if (file.name == "document") return {true, *file.filename, file.content_type, file.body};
  }
  return {};
}

std::string readable_size(int64_t bytes) {
  if (bytes < 1024) return std::to_string(bytes) + " B";
  if (bytes < 1024 * 1024) return std::to_string((bytes + 1023) / 1024) + " kB";
  char text[32];
  std::snprintf(text, sizeof text, "%.1f MB", static_cast<double>(bytes) / (1024.0 * 1024.0));
  return text;
}

data document_rows(const std::vector<db::DocumentRecord>& documents, const std::string& link_prefix) {
  data rows = data::type::list;
  for (const auto& document : documents) {
    std::string link = link_prefix + std::to_string(document.document_id);
    data row;
    row.set("file_name", document.file_name);
    row.set("link", link);
    row.set("type", document.media_type == "application/pdf" ? "PDF" : document.media_type == "image/png" ? "PNG" : "JPEG");
    row.set("size", readable_size(document.size_bytes));
    row.set("uploaded_at", document.uploaded_at);
    row.set("delete_action", link + "/delete");
    rows.push_back(row);
  }
  return rows;
}

http::Response document_download(db::DocumentContent document) {
  return documents::file_download(std::move(document.content), document.record.media_type, document.record.file_name);
}

}  // namespace mobility::portal::mobility_pages
