// RSA keys for EWP HTTP signatures: `rsa-sha256`, i.e. RSASSA-PKCS1-v1_5 with SHA-256.
//
// RsaPrivateKey signs with the node's own key (PEM: PKCS#8 or PKCS#1, unencrypted — an
// encrypted key is refused, never prompted for). RsaPublicKey verifies a partner's signature; it
// reads PEM SubjectPublicKeyInfo or the Base64 DER SubjectPublicKeyInfo that manifests and
// catalogues publish in <rsa-public-key> (whitespace and line breaks in it are ignored).
// Both report the EWP key id: the lower-case hex SHA-256 of the DER SubjectPublicKeyInfo.
// Only RSA keys are accepted; size policy (the Registry's 2048-bit minimum) is the caller's, via
// bits(). Key material never appears in messages.
//
// Thread safety: a key object is immutable once loaded, and copies share the same OpenSSL key.
// Any number of threads may sign or verify with one key concurrently: each call works in its own
// EVP_MD_CTX, copied from one the key prepared when it was loaded (setting one up from scratch
// looks up the algorithms by name, a measurable part of each signature), and OpenSSL 3 allows
// concurrent use of an EVP_PKEY and of a context that nobody modifies.
#pragma once

#include <openssl/types.h>

#include <memory>
#include <string>
#include <string_view>

#include "base/status.hpp"

namespace mobility::ewp {

// What both halves of a key pair share: the loaded key and its key id.
class RsaKey {
 public:
  // Lower-case hex SHA-256 of the DER SubjectPublicKeyInfo: the EWP keyId.
  const std::string& key_id() const { return key_id_; }
  // Modulus size in bits.
  int bits() const;
  // Size of a signature in bytes.
  int size_in_bytes() const;

 protected:
  using MdContextPtr = std::unique_ptr<EVP_MD_CTX, void (*)(EVP_MD_CTX*)>;

  // Takes ownership of `key` (may be null when parsing failed); `what` names the expected input.
  static Result<RsaKey> adopt(EVP_PKEY* key, const std::string& what);
  // Sets up the context that rsa_sha256_context() copies, for signing or for verifying.
  void prepare(bool signing);
  // A fresh RSA-SHA256 context with this key, for one signature or verification.
  Result<MdContextPtr> rsa_sha256_context() const;

 private:
  RsaKey(std::shared_ptr<EVP_PKEY> key, std::string key_id) : key_(std::move(key)), key_id_(std::move(key_id)) {}

  std::shared_ptr<EVP_PKEY> key_;
  std::string key_id_;
  bool signs_ = false;  // what prepare() set the contexts up for
  std::shared_ptr<const EVP_MD_CTX> prototype_;
};

class RsaPrivateKey : public RsaKey {
 public:
  static Result<RsaPrivateKey> from_pem(std::string_view pem);
  static Result<RsaPrivateKey> from_pem_file(const std::string& path);

  // The raw signature bytes (as many as the modulus) over `data`; Base64-encode for the wire.
  Result<std::string> sign_sha256(std::string_view data) const;

 private:
  explicit RsaPrivateKey(RsaKey key) : RsaKey(std::move(key)) { prepare(true); }
};

class RsaPublicKey : public RsaKey {
 public:
  static Result<RsaPublicKey> from_pem(std::string_view pem);
  static Result<RsaPublicKey> from_base64_der(std::string_view base64);

  // ok when `signature` (raw bytes) is this key's signature over `data`; invalid_argument otherwise.
  Status verify_sha256(std::string_view data, std::string_view signature) const;

 private:
  explicit RsaPublicKey(RsaKey key) : RsaKey(std::move(key)) { prepare(false); }
};

}  // namespace mobility::ewp
