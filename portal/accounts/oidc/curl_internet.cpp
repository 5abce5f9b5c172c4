#include "portal/accounts/oidc/curl_internet.hpp"

#include <curl/curl.h>

#include <memory>

#include "http/form.hpp"

namespace mobility::portal::oidc {
namespace {

constexpr size_t kMaxAnswer = 1 << 20;

struct Received {
  std::string body;
  bool too_large = false;
};

size_t receive(char* data, size_t size, size_t count, void* context) {
  auto* received = static_cast<Received*>(context);
  if (received->body.size() + size * count > kMaxAnswer) {
    received->too_large = true;
    return 0;  // makes curl fail the transfer
  }
  received->body.append(data, size * count);
  return size * count;
}

// application/x-www-form-urlencoded.
std::string form_encode(const std::vector<std::pair<std::string, std::string>>& fields) {
  std::string body;
  for (const auto& [name, value] : fields)
    body += (body.empty() ? "" : "&") + http::percent_encode(name) + "=" + http::percent_encode(value);
  return body;
}

// One request on a fresh handle, after `prepare` set what is particular to it.
template <typename Prepare>
Result<WebReply> perform(const CurlSettings& settings, const std::string& url, Prepare prepare) {
  std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(), curl_easy_cleanup);
  if (!curl) return Status::internal("curl_easy_init failed");
  Received received;
  curl_easy_setopt(curl.get(), CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl.get(), CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(curl.get(), CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl.get(), CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(settings.connect_timeout.count()));
  curl_easy_setopt(curl.get(), CURLOPT_TIMEOUT_MS, static_cast<long>(settings.timeout.count()));
  curl_easy_setopt(curl.get(), CURLOPT_WRITEFUNCTION, receive);
  curl_easy_setopt(curl.get(), CURLOPT_WRITEDATA, &received);
  if (!settings.ca_bundle.empty()) curl_easy_setopt(curl.get(), CURLOPT_CAINFO, settings.ca_bundle.c_str());
  curl_slist* headers = curl_slist_append(nullptr, "Accept: application/json");
  headers = prepare(curl.get(), headers);
  curl_easy_setopt(curl.get(), CURLOPT_HTTPHEADER, headers);
  CURLcode code = curl_easy_perform(curl.get());
  curl_slist_free_all(headers);
  if (received.too_large) return Status::unavailable(url + ": the answer is larger than 1 MiB");
  if (code != CURLE_OK) return Status::unavailable(url + ": " + curl_easy_strerror(code));
  long status = 0;
  curl_easy_getinfo(curl.get(), CURLINFO_RESPONSE_CODE, &status);
  return WebReply{static_cast<int>(status), std::move(received.body)};
}

}  // namespace

Result<WebReply> CurlInternet::get(const std::string& url, const std::optional<std::string>& bearer_token) {
  return perform(settings_, url, [&](CURL*, curl_slist* headers) {
    if (bearer_token) headers = curl_slist_append(headers, ("Authorization: Bearer " + *bearer_token).c_str());
    return headers;
  });
}

Result<WebReply> CurlInternet::post_form(const std::string& url, const std::vector<std::pair<std::string, std::string>>& fields,
                                         const std::optional<BasicAuth>& auth) {
  std::string body;
  std::string user, password;
  return perform(settings_, url, [&](CURL* curl, curl_slist* headers) {
    body = form_encode(fields);
    curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body.c_str());
    curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE, static_cast<long>(body.size()));
    if (auth) {
      // RFC 6749 §2.3.1: client id and secret are form-encoded before they go into Basic.
      user = http::percent_encode(auth->user);
      password = http::percent_encode(auth->password);
      curl_easy_setopt(curl, CURLOPT_HTTPAUTH, CURLAUTH_BASIC);
      curl_easy_setopt(curl, CURLOPT_USERNAME, user.c_str());
      curl_easy_setopt(curl, CURLOPT_PASSWORD, password.c_str());
    }
    return curl_slist_append(headers, "Content-Type: application/x-www-form-urlencoded");
  });
}

}  // namespace mobility::portal::oidc
