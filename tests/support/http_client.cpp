#include "tests/support/http_client.hpp"

#include "base/text.hpp"
#include "http/message.hpp"

namespace mobility::testing {

std::string HttpReply::header(const std::string& name) const {
  for (const auto& line : header_lines) {
    size_t colon = line.find(':');
    if (colon != std::string::npos && http::equals_ignore_case(line.substr(0, colon), name)) {
      size_t start = line.find_first_not_of(' ', colon + 1);
      return start == std::string::npos ? "" : line.substr(start);
    }
  }
  return "";
}

Result<HttpReply> HttpClient::get(const std::string& url, const std::vector<std::string>& headers) {
  return request("GET", url, "", headers);
}

Result<HttpReply> HttpClient::request(const std::string& method, const std::string& url, const std::string& body,
                                      const std::vector<std::string>& headers) {
  http::HeaderList list;
  for (const std::string& line : headers) {
    size_t colon = line.find(':');
    if (colon == std::string::npos) return Status::invalid_argument("not a header line: " + line);
    list.emplace_back(line.substr(0, colon), std::string(trim_blanks(std::string_view(line).substr(colon + 1))));
  }
  auto sent = transport_.send(method, url, list, body);
  if (!sent) return sent.status();
  HttpReply reply{sent->status, std::move(sent->body), {}};
  for (const auto& [name, value] : sent->headers) reply.header_lines.push_back(name + ": " + value);
  return reply;
}

}  // namespace mobility::testing
