#include "http/response_serializer.hpp"

#include <map>

namespace mobility::http {
namespace {

bool has_header(const HeaderList& headers, std::string_view name) {
  for (const auto& header : headers) {
    if (equals_ignore_case(header.first, name)) return true;
  }
  return false;
}

}  // namespace

const char* reason_phrase(int status) {
  static const std::map<int, const char*> phrases = {{100, "Continue"},
                                                     {200, "OK"},
                                                     {201, "Created"},
                                                     {204, "No Content"},
                                                     {301, "Moved Permanently"},
                                                     {302, "Found"},
                                                     {303, "See Other"},
                                                     {304, "Not Modified"},
                                                     {400, "Bad Request"},
                                                     {401, "Unauthorized"},
                                                     {403, "Forbidden"},
                                                     {404, "Not Found"},
                                                     {405, "Method Not Allowed"},
                                                     {406, "Not Acceptable"},
                                                     {408, "Request Timeout"},
                                                     {409, "Conflict"},
                                                     {413, "Content Too Large"},
                                                     {415, "Unsupported Media Type"},
                                                     {422, "Unprocessable Content"},
                                                     {429, "Too Many Requests"},
                                                     {431, "Request Header Fields Too Large"},
                                                     {500, "Internal Server Error"},
                                                     {501, "Not Implemented"},
                                                     {503, "Service Unavailable"},
                                                     {505, "HTTP Version Not Supported"}};
  auto found = phrases.find(status);
  return found == phrases.end() ? "Status" : found->second;
}

std::string serialize_response(const Response& response, bool keep_alive, bool head_request, const std::string& http_date_now) {
  std::string bytes = "HTTP/1.1 " + std::to_string(response.status) + " " + reason_phrase(response.status) + "\r\n";
  auto add = [&bytes](std::string_view name, std::string_view value) {
    bytes.append(name).append(": ").append(value).append("\r\n");
  };
  for (const auto& [name, value] : response.headers) add(name, value);
  if (!has_header(response.headers, "Content-Type") && !response.content_type.empty()) {
    add("Content-Type", response.content_type);
  }
  if (!has_header(response.headers, "Date")) add("Date", http_date_now);
  add("Content-Length", std::to_string(response.body.size()));
  add("Connection", keep_alive ? "keep-alive" : "close");
  bytes += "\r\n";
  if (!head_request) bytes += response.body;
  return bytes;
}

}  // namespace mobility::http
