// The node's RSA key pairs on disk: generation and listing.
//
// Each key pair is <key_dir>/<name>.key.pem (private, PKCS#8, mode 0600) and
// <key_dir>/<name>.pub.pem (public, SubjectPublicKeyInfo). The key directory is created with mode
// 0700. A key is identified in EWP by its key_id: the lower-case hex SHA-256 of the DER-encoded
// public key. Private key material is never logged or printed.
#pragma once

#include <chrono>
#include <string>
#include <vector>

#include "base/status.hpp"

namespace mobility::ewp {

inline constexpr int kMinimumKeyBits = 2048;
inline constexpr int kDefaultKeyBits = 3072;

struct KeyInfo {
  std::string name;
  std::string key_id;
  int bits = 0;
  std::string private_key_path;
  std::string public_key_path;
  std::chrono::system_clock::time_point published;  // when the key pair was written (file time)
};

// Generates a new key pair. Refuses to overwrite an existing name, bits below kMinimumKeyBits or
// above 16384, and names other than [A-Za-z0-9._-]+.
Result<KeyInfo> generate_key(const std::string& key_dir, const std::string& name, int bits);

// Every key pair in the directory, by name; an empty list when the directory does not exist.
Result<std::vector<KeyInfo>> list_keys(const std::string& key_dir);

// Moves the key pair `name` into <key_dir>/retired/ (kept for audits, never published or used).
Status retire_key(const std::string& key_dir, const std::string& name);

// key_id of a PEM public key.
Result<std::string> key_id_of_public_pem(const std::string& pem);

}  // namespace mobility::ewp
