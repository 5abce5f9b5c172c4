#include "tests/support/http_client.hpp"

#include "http/message.hpp"

namespace mobility::testing {
namespace {

size_t append_body(char* data, size_t size, size_t count, void* target) {
  static_cast<std::string*>(target)->append(data, size * count);
  return size * count;
}

size_t append_header(char* data, size_t size, size_t count, void* target) {
  std::string line(data, size * count);
  while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.pop_back();
  if (!line.empty()) static_cast<std::vector<std::string>*>(target)->push_back(line);
  return size * count;
}

}  // namespace

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

HttpClient::HttpClient() : curl_(curl_easy_init()) {}
HttpClient::~HttpClient() { curl_easy_cleanup(curl_); }

Result<HttpReply> HttpClient::get(const std::string& url, const std::vector<std::string>& headers) {
  return request("GET", url, "", headers);
}

Result<HttpReply> HttpClient::request(const std::string& method, const std::string& url, const std::string& body,
                                      const std::vector<std::string>& headers) {
  HttpReply reply;
  curl_slist* header_list = nullptr;
  for (const auto& header : headers) header_list = curl_slist_append(header_list, header.c_str());
  curl_easy_setopt(curl_, CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl_, CURLOPT_CUSTOMREQUEST, method == "GET" ? nullptr : method.c_str());
  curl_easy_setopt(curl_, CURLOPT_HTTPGET, method == "GET" ? 1L : 0L);
  if (method != "GET") {
    curl_easy_setopt(curl_, CURLOPT_POSTFIELDS, body.data());
    curl_easy_setopt(curl_, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
  }
  curl_easy_setopt(curl_, CURLOPT_NOBODY, method == "HEAD" ? 1L : 0L);
  curl_easy_setopt(curl_, CURLOPT_HTTPHEADER, header_list);
  curl_easy_setopt(curl_, CURLOPT_WRITEFUNCTION, append_body);
  curl_easy_setopt(curl_, CURLOPT_WRITEDATA, &reply.body);
  curl_easy_setopt(curl_, CURLOPT_HEADERFUNCTION, append_header);
  curl_easy_setopt(curl_, CURLOPT_HEADERDATA, &reply.header_lines);
  curl_easy_setopt(curl_, CURLOPT_TIMEOUT_MS, 20000L);
  curl_easy_setopt(curl_, CURLOPT_NOSIGNAL, 1L);
  CURLcode code = curl_easy_perform(curl_);
  curl_slist_free_all(header_list);
  if (code != CURLE_OK) return Status::unavailable(url + ": " + curl_easy_strerror(code));
  curl_easy_getinfo(curl_, CURLINFO_RESPONSE_CODE, &reply.status);
  curl_easy_getinfo(curl_, CURLINFO_NUM_CONNECTS, &reply.new_connections);
  return reply;
}

}  // namespace mobility::testing
