// Provider discovery (OpenID Connect Discovery 1.0 §4): the endpoints and key set of an issuer,
// from `<issuer>/.well-known/openid-configuration`, cached for an hour per issuer.
#pragma once

#include <chrono>
#include <map>
#include <mutex>
#include <optional>
#include <string>

#include "base/status.hpp"
#include "portal/accounts/oidc/internet.hpp"

namespace mobility::portal::oidc {

struct ProviderMetadata {
  std::string issuer;
  std::string authorization_endpoint;
  std::string token_endpoint;
  std::string jwks_uri;
  std::optional<std::string> userinfo_endpoint;
  std::optional<std::string> end_session_endpoint;  // RP-initiated logout
};

// The metadata in `document`. kInvalidArgument when it is not JSON, lacks a required endpoint,
// names an endpoint that is not http(s), or names another issuer than `issuer` (§4.3).
Result<ProviderMetadata> metadata_from(const std::string& issuer, const std::string& document);

class Discovery {
 public:
  explicit Discovery(Internet& internet, std::chrono::seconds keep = std::chrono::hours(1)) : internet_(internet), keep_(keep) {}

  // The issuer's metadata: from the cache, or fetched. kUnavailable when the provider does not
  // answer, answers other than 200, or answers something metadata_from() refuses. Thread-safe.
  Result<ProviderMetadata> metadata(const std::string& issuer);

 private:
  struct Cached {
    ProviderMetadata metadata;
    std::chrono::steady_clock::time_point fetched;
  };
  Internet& internet_;
  std::chrono::seconds keep_;
  std::mutex mutex_;
  std::map<std::string, Cached> cache_;
};

}  // namespace mobility::portal::oidc
