#include "portal/accounts/oidc/discovery.hpp"

#include <nlohmann/json.hpp>

namespace mobility::portal::oidc {
namespace {

using nlohmann::json;

bool web_url(const json& value) {
  if (!value.is_string()) return false;
  const std::string& url = value.get_ref<const std::string&>();
  return url.starts_with("https://") || url.starts_with("http://");
}

}  // namespace

Result<ProviderMetadata> metadata_from(const std::string& issuer, const std::string& document) {
  json metadata = json::parse(document, nullptr, false);
  if (!metadata.is_object()) return Status::invalid_argument("the discovery document is not a JSON object");
  if (!metadata.contains("issuer") || metadata["issuer"] != issuer) {
    return Status::invalid_argument("the discovery document names another issuer than " + issuer);
  }
  ProviderMetadata result{issuer, "", "", "", std::nullopt, std::nullopt};
  for (auto [name, field] : {std::pair{"authorization_endpoint", &result.authorization_endpoint},
                             std::pair{"token_endpoint", &result.token_endpoint}, std::pair{"jwks_uri", &result.jwks_uri}}) {
    if (!metadata.contains(name) || !web_url(metadata[name])) {
      return Status::invalid_argument(std::string("the discovery document has no http(s) ") + name);
    }
    *field = metadata[name].get<std::string>();
  }
  for (auto [name, field] : {std::pair{"userinfo_endpoint", &result.userinfo_endpoint},
                             std::pair{"end_session_endpoint", &result.end_session_endpoint}}) {
    if (metadata.contains(name) && web_url(metadata[name])) *field = metadata[name].get<std::string>();
  }
  return result;
}

Result<ProviderMetadata> Discovery::metadata(const std::string& issuer) {
  std::lock_guard lock(mutex_);
  auto cached = cache_.find(issuer);
  auto now = std::chrono::steady_clock::now();
  if (cached != cache_.end() && now - cached->second.fetched < keep_) return cached->second.metadata;
  std::string url = issuer + (issuer.ends_with("/") ? "" : "/") + ".well-known/openid-configuration";
  auto reply = internet_.get(url);
  if (!reply) return reply.status();
  if (reply->status != 200) return Status::unavailable(url + " answered " + std::to_string(reply->status));
  auto metadata = metadata_from(issuer, reply->body);
  if (!metadata) return Status::unavailable(url + ": " + metadata.status().message());
  cache_[issuer] = {*metadata, now};
  return metadata;
}

}  // namespace mobility::portal::oidc
