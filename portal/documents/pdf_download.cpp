#include "portal/documents/pdf_download.hpp"

#include <algorithm>

#include "http/form.hpp"

namespace mobility::portal::documents {
namespace {

constexpr size_t kMaxFileName = 120;

bool safe(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_';
}

}  // namespace

std::string safe_file_name(std::string_view name, std::string_view extension) {
  if (name.size() >= extension.size() && name.substr(name.size() - extension.size()) == extension) {
    name.remove_suffix(extension.size());
  }
  std::string stem;
  for (char c : name.substr(0, kMaxFileName - extension.size())) stem += safe(c) ? c : '-';
  if (stem.empty() || stem.front() == '.') stem.insert(stem.begin(), 'x');
  return stem + std::string(extension);
}

http::Response pdf_download(std::string bytes, std::string_view file_name) {
  http::Response response;
  response.status = 200;
  response.content_type = "application/pdf";
  response.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + safe_file_name(file_name) + "\"");
  response.body = std::move(bytes);
  return response;
}

http::Response file_download(std::string bytes, std::string_view media_type, std::string_view file_name) {
  size_t dot = file_name.rfind('.');
  std::string_view extension = dot == std::string_view::npos ? std::string_view() : file_name.substr(dot);
  bool plain_extension =
      extension.size() > 1 && extension.size() <= 10 && std::all_of(extension.begin() + 1, extension.end(), safe);
  if (!plain_extension) extension = "";
  http::Response response;
  response.status = 200;
  response.content_type = std::string(media_type);
  response.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + safe_file_name(file_name, extension) +
                                                           "\"; filename*=UTF-8''" + http::percent_encode(file_name));
  response.body = std::move(bytes);
  return response;
}

}  // namespace mobility::portal::documents
