#include "ewp-node/client/curl_transport.hpp"

#include <curl/curl.h>

#include <memory>

#include "base/text.hpp"

namespace mobility::ewp {
namespace {

// The body as it arrives, up to a limit: returning less than was given makes libcurl stop.
struct BodySink {
  std::string body;
  size_t limit;
  bool cut_off = false;
};

size_t append_body(char* data, size_t size, size_t count, void* target) {
  auto* sink = static_cast<BodySink*>(target);
  if (sink->body.size() + size * count > sink->limit) {
    sink->cut_off = true;
    return 0;
  }
  sink->body.append(data, size * count);
  return size * count;
}

// Collects header lines; a new status line (after a redirect or 100 Continue) starts over.
size_t append_header(char* data, size_t size, size_t count, void* target) {
  auto* headers = static_cast<http::HeaderList*>(target);
  std::string_view line(data, size * count);
  while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.remove_suffix(1);
  if (line.starts_with("HTTP/")) {
    headers->clear();
  } else if (size_t colon = line.find(':'); colon != std::string_view::npos) {
    headers->emplace_back(std::string(line.substr(0, colon)), std::string(trim_blanks(line.substr(colon + 1))));
  }
  return size * count;
}

using HeaderListPtr = std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)>;

HeaderListPtr curl_headers(const http::HeaderList& headers) {
  curl_slist* list = nullptr;
  for (const auto& [name, value] : headers) list = curl_slist_append(list, (name + ": " + value).c_str());
  // Suppress what libcurl would add by itself: the caller's list is the whole truth.
  for (const char* suppressed : {"Accept:", "Expect:", "Content-Type:"}) {
    bool given = false;
    for (const auto& header : headers) given |= http::equals_ignore_case(header.first + ":", suppressed);
    if (!given) list = curl_slist_append(list, suppressed);
  }
  return HeaderListPtr(list, curl_slist_free_all);
}

}  // namespace

TransportOptions transport_options(const Config& config) {
  return {std::chrono::milliseconds(config.http_connect_timeout_ms),
          std::chrono::milliseconds(config.http_timeout_ms),
          config.ca_bundle,
          {}};
}

CurlTransport::CurlTransport(TransportOptions options) : options_(std::move(options)), curl_(curl_easy_init()) {}

CurlTransport::~CurlTransport() { curl_easy_cleanup(static_cast<CURL*>(curl_)); }

Result<HttpReply> CurlTransport::send(const std::string& method, const std::string& url, const http::HeaderList& headers,
                                      const std::string& body) {
  std::lock_guard lock(mutex_);
  CURL* curl = static_cast<CURL*>(curl_);
  if (curl == nullptr) return Status::internal("libcurl could not be initialised");
  curl_easy_reset(curl);
  HttpReply reply;
  HeaderListPtr header_list = curl_headers(headers);
  curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https,file");
  curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, method.c_str());
  if (method == "HEAD") curl_easy_setopt(curl, CURLOPT_NOBODY, 1L);
  if (!body.empty() || method == "POST" || method == "PUT") {
    curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body.data());
    curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
  }
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, header_list.get());
  curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(options_.connect_timeout.count()));
  curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, static_cast<long>(options_.timeout.count()));
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, 1L);
  curl_easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, 2L);
  if (!options_.extra_ca_bundle.empty()) curl_easy_setopt(curl, CURLOPT_CAINFO, options_.extra_ca_bundle.c_str());
  std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)> connect_to(nullptr, curl_slist_free_all);
  for (const auto& rule : options_.connect_to) connect_to.reset(curl_slist_append(connect_to.release(), rule.c_str()));
  if (connect_to) curl_easy_setopt(curl, CURLOPT_CONNECT_TO, connect_to.get());
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, append_body);
  BodySink sink{{}, options_.max_response_bytes};
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &sink);
  curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, append_header);
  curl_easy_setopt(curl, CURLOPT_HEADERDATA, &reply.headers);
  CURLcode code = curl_easy_perform(curl);
  if (sink.cut_off) {
    return Status::unavailable(method + " " + url + " answered more than " + std::to_string(options_.max_response_bytes) +
                               " bytes");
  }
  if (code != CURLE_OK) return Status::unavailable(method + " " + url + " failed: " + curl_easy_strerror(code));
  reply.body = std::move(sink.body);
  long status = 0;
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
  reply.status = status == 0 && url.starts_with("file://") ? 200 : static_cast<int>(status);
  return reply;
}

}  // namespace mobility::ewp
