// Internet over libcurl: http and https only, the system's CA certificates (and `ca_bundle`),
// no redirects followed, answers cut off above 1 MiB (kUnavailable). Thread-safe: each call uses
// its own handle.
#pragma once

#include <chrono>
#include <string>

#include "portal/accounts/oidc/internet.hpp"

namespace mobility::portal::oidc {

struct CurlSettings {
  std::chrono::milliseconds connect_timeout{5000};
  std::chrono::milliseconds timeout{10000};
  std::string ca_bundle;  // extra CA certificates (PEM file); empty: the system's only
};

class CurlInternet : public Internet {
 public:
  explicit CurlInternet(CurlSettings settings) : settings_(std::move(settings)) {}
  Result<WebReply> get(const std::string& url, const std::optional<std::string>& bearer_token) override;
  Result<WebReply> post_form(const std::string& url, const std::vector<std::pair<std::string, std::string>>& fields,
                             const std::optional<BasicAuth>& auth) override;

 private:
  CurlSettings settings_;
};

}  // namespace mobility::portal::oidc
