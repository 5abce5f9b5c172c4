// A small libcurl client for tests: real HTTP over loopback, one reusable connection.
#pragma once

#include <curl/curl.h>

#include <string>
#include <vector>

#include "base/status.hpp"

namespace mobility::testing {

struct HttpReply {
  long status = 0;
  std::string body;
  std::vector<std::string> header_lines;  // "Name: value" as received
  long new_connections = 0;               // TCP connections curl opened for this request

  // Value of the first header with this name (case-insensitive), or "".
  std::string header(const std::string& name) const;
};

class HttpClient {
 public:
  HttpClient();
  ~HttpClient();
  HttpClient(const HttpClient&) = delete;
  HttpClient& operator=(const HttpClient&) = delete;

  Result<HttpReply> get(const std::string& url, const std::vector<std::string>& headers = {});
  Result<HttpReply> request(const std::string& method, const std::string& url, const std::string& body,
                            const std::vector<std::string>& headers = {});

 private:
  CURL* curl_;
};

}  // namespace mobility::testing
