// Which of the node's key pairs (key_dir) are published and which one signs.
//
// Every key pair in key_dir is published in the manifest, as client and server credentials.
// Rotation with overlap: `mobility keys rotate` adds a new key pair, which partners learn from
// the registry (it re-reads manifests every few minutes; clients cache its catalogue for up to a
// few hours). Signing switches to the new key only once it has been published for
// key_switch_delay; `mobility keys retire` then removes the older keys.
//
// The signing key is the most recently published key that is at least `switch_delay` old; when
// none is that old (a fresh node), the oldest key signs.
#pragma once

#include <chrono>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "ewp-node/security/keys.hpp"
#include "ewp-node/security/rsa_signer.hpp"

namespace mobility::ewp {

// The KeyInfo that signs at `now`, or nullopt when `keys` is empty.
std::optional<KeyInfo> choose_signing_key(const std::vector<KeyInfo>& keys, std::chrono::minutes switch_delay,
                                          std::chrono::system_clock::time_point now);

// The Base64 DER SubjectPublicKeyInfo of every key in key_dir (for the manifest).
Result<std::vector<std::string>> published_public_keys(const std::string& key_dir);

// The private key that signs at `now`, loaded from key_dir; not_found when there is none.
Result<RsaPrivateKey> load_signing_key(const std::string& key_dir, std::chrono::minutes switch_delay,
                                       std::chrono::system_clock::time_point now);

// The signing key of a running node, re-chosen at most once a minute so that a rotation takes
// effect without a restart. Thread-safe.
class SigningKeySource {
 public:
  SigningKeySource(std::string key_dir, std::chrono::minutes switch_delay)
      : key_dir_(std::move(key_dir)), switch_delay_(switch_delay) {}

  // nullopt when key_dir holds no usable key (logged once per check).
  std::optional<RsaPrivateKey> current(std::chrono::system_clock::time_point now);

 private:
  std::string key_dir_;
  std::chrono::minutes switch_delay_;
  std::mutex mutex_;
  std::optional<RsaPrivateKey> key_;
  std::chrono::system_clock::time_point checked_at_{};
};

}  // namespace mobility::ewp
