#include "ewp-node/security/node_keys.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "base/base64.hpp"
#include "base/log.hpp"

namespace mobility::ewp {
namespace {

// The Base64 lines between the PEM armour lines, joined without whitespace.
std::string pem_base64(const std::string& path) {
  std::ifstream in(path);
  std::string line, base64;
  while (std::getline(in, line)) {
    if (!line.starts_with("-----")) base64 += line;
  }
  return base64;
}

}  // namespace

std::optional<KeyInfo> choose_signing_key(const std::vector<KeyInfo>& keys, std::chrono::minutes switch_delay,
                                          std::chrono::system_clock::time_point now) {
  if (keys.empty()) return std::nullopt;
  std::vector<KeyInfo> by_age = keys;
  std::sort(by_age.begin(), by_age.end(), [](const KeyInfo& a, const KeyInfo& b) { return a.published > b.published; });
  for (const KeyInfo& key : by_age) {
    if (now - key.published >= switch_delay) return key;
  }
  return by_age.back();
}

Result<std::vector<std::string>> published_public_keys(const std::string& key_dir) {
  auto keys = list_keys(key_dir);
  if (!keys) return keys.status();
  std::vector<std::string> published;
  for (const KeyInfo& key : *keys) published.push_back(pem_base64(key.public_key_path));
  return published;
}

Result<RsaPrivateKey> load_signing_key(const std::string& key_dir, std::chrono::minutes switch_delay,
                                       std::chrono::system_clock::time_point now) {
  auto keys = list_keys(key_dir);
  if (!keys) return keys.status();
  auto chosen = choose_signing_key(*keys, switch_delay, now);
  if (!chosen) return Status::not_found("no key pair in " + key_dir + "; create one with `mobility keys generate`");
  return RsaPrivateKey::from_pem_file(chosen->private_key_path);
}

std::optional<RsaPrivateKey> SigningKeySource::current(std::chrono::system_clock::time_point now) {
  std::lock_guard lock(mutex_);
  if (checked_at_ != std::chrono::system_clock::time_point{} && now - checked_at_ < std::chrono::minutes(1)) return key_;
  checked_at_ = now;
  auto key = load_signing_key(key_dir_, switch_delay_, now);
  if (!key) {
    log::warn("no_signing_key", {{"key_dir", key_dir_}, {"error", key.status().message()}});
    key_.reset();
  } else if (!key_ || key_->key_id() != key->key_id()) {
    log::info("signing_key", {{"key_id", key->key_id()}});
    key_ = *key;
  }
  return key_;
}

}  // namespace mobility::ewp
