#include "ewp-node/security/rsa_signer.hpp"

#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>

#include <fstream>
#include <sstream>

#include "base/base64.hpp"
#include "base/sha256.hpp"

namespace mobility::ewp {
namespace {

using BioPtr = std::unique_ptr<BIO, decltype(&BIO_free)>;

constexpr size_t kMaxPemSize = 1024 * 1024;

// OpenSSL's reason for the last failure; leaves this thread's error queue empty.
std::string take_openssl_reason() {
  unsigned long code = ERR_peek_last_error();
  const char* reason = code ? ERR_reason_error_string(code) : nullptr;
  ERR_clear_error();
  return reason ? reason : "no reason given";
}

// Passphrase callback that supplies none, so an encrypted key fails instead of prompting.
int no_passphrase(char*, int, int, void*) { return 0; }

using PemReader = EVP_PKEY* (*)(BIO*, EVP_PKEY**, pem_password_cb*, void*);

// The first PEM object of `text` read by `read` (PEM_read_bio_PrivateKey or _PUBKEY); null if none.
EVP_PKEY* read_pem(std::string_view text, PemReader read) {
  if (text.size() > kMaxPemSize) return nullptr;
  BioPtr bio(BIO_new_mem_buf(text.data(), static_cast<int>(text.size())), BIO_free);
  return bio ? read(bio.get(), nullptr, no_passphrase, nullptr) : nullptr;
}

Result<std::string> spki_key_id(EVP_PKEY* key) {
  unsigned char* der = nullptr;
  int length = i2d_PUBKEY(key, &der);
  if (length <= 0) return Status::internal("cannot encode the public key: " + take_openssl_reason());
  std::string key_id = sha256_hex(std::string_view(reinterpret_cast<const char*>(der), static_cast<size_t>(length)));
  OPENSSL_free(der);
  return key_id;
}

std::string without_whitespace(std::string_view text) {
  std::string result;
  for (char c : text) {
    if (c != ' ' && c != '\t' && c != '\r' && c != '\n') result += c;
  }
  return result;
}

// A digest context set up for rsa-sha256 signing (`signing`) or verification with `key`.
Result<std::unique_ptr<EVP_MD_CTX, void (*)(EVP_MD_CTX*)>> new_rsa_sha256_context(EVP_PKEY* key, bool signing) {
  std::unique_ptr<EVP_MD_CTX, void (*)(EVP_MD_CTX*)> context(EVP_MD_CTX_new(), EVP_MD_CTX_free);
  if (!context) return Status::internal("cannot allocate a digest context");
  EVP_PKEY_CTX* key_context = nullptr;
  int initialised = signing ? EVP_DigestSignInit(context.get(), &key_context, EVP_sha256(), nullptr, key)
                            : EVP_DigestVerifyInit(context.get(), &key_context, EVP_sha256(), nullptr, key);
  if (initialised != 1 || EVP_PKEY_CTX_set_rsa_padding(key_context, RSA_PKCS1_PADDING) <= 0) {
    return Status::internal("cannot set up RSA-SHA256: " + take_openssl_reason());
  }
  return context;
}

}  // namespace

int RsaKey::bits() const { return EVP_PKEY_get_bits(key_.get()); }

int RsaKey::size_in_bytes() const { return EVP_PKEY_get_size(key_.get()); }

void RsaKey::prepare(bool signing) {
  signs_ = signing;
  auto context = new_rsa_sha256_context(key_.get(), signing);
  if (context) prototype_ = std::shared_ptr<const EVP_MD_CTX>(context->release(), EVP_MD_CTX_free);
  ERR_clear_error();  // without a prototype every call sets its context up and reports why it fails
}

Result<RsaKey::MdContextPtr> RsaKey::rsa_sha256_context() const {
  if (!prototype_) return new_rsa_sha256_context(key_.get(), signs_);
  MdContextPtr context(EVP_MD_CTX_new(), EVP_MD_CTX_free);
  if (!context || EVP_MD_CTX_copy_ex(context.get(), prototype_.get()) != 1) {
    return Status::internal("cannot copy the RSA-SHA256 context: " + take_openssl_reason());
  }
  return context;
}

Result<RsaKey> RsaKey::adopt(EVP_PKEY* key, const std::string& what) {
  std::shared_ptr<EVP_PKEY> owned(key, EVP_PKEY_free);
  if (!owned) return Status::invalid_argument("not " + what + " (" + take_openssl_reason() + ")");
  ERR_clear_error();  // decoders tried before the one that matched may have queued errors
  if (!EVP_PKEY_is_a(owned.get(), "RSA")) return Status::invalid_argument(what + " is not an RSA key");
  auto key_id = spki_key_id(owned.get());
  if (!key_id) return key_id.status();
  return RsaKey(std::move(owned), std::move(*key_id));
}

Result<RsaPrivateKey> RsaPrivateKey::from_pem(std::string_view pem) {
  auto key = adopt(read_pem(pem, PEM_read_bio_PrivateKey), "an unencrypted PEM private key");
  if (!key) return key.status();
  return RsaPrivateKey(std::move(*key));
}

Result<RsaPrivateKey> RsaPrivateKey::from_pem_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::not_found("cannot open private key file " + path);
  std::stringstream pem;
  pem << in.rdbuf();
  auto key = from_pem(pem.str());
  if (!key) return key.status().with_context(path);
  return key;
}

Result<std::string> RsaPrivateKey::sign_sha256(std::string_view data) const {
  auto context = rsa_sha256_context();
  if (!context) return context.status();
  // The context is used once: without FINALISE OpenSSL would copy it to keep it reusable.
  EVP_MD_CTX_set_flags(context->get(), EVP_MD_CTX_FLAG_FINALISE);
  std::string signature(static_cast<size_t>(size_in_bytes()), '\0');
  size_t length = signature.size();
  if (EVP_DigestSign(context->get(), reinterpret_cast<unsigned char*>(signature.data()), &length,
                     reinterpret_cast<const unsigned char*>(data.data()), data.size()) != 1) {
    return Status::internal("RSA-SHA256 signing failed: " + take_openssl_reason());
  }
  signature.resize(length);
  return signature;
}

Result<RsaPublicKey> RsaPublicKey::from_pem(std::string_view pem) {
  auto key = adopt(read_pem(pem, PEM_read_bio_PUBKEY), "a PEM public key");
  if (!key) return key.status();
  return RsaPublicKey(std::move(*key));
}

Result<RsaPublicKey> RsaPublicKey::from_base64_der(std::string_view base64) {
  auto der = base64_decode(without_whitespace(base64));
  if (!der) return der.status().with_context("public key");
  const auto* next = reinterpret_cast<const unsigned char*>(der->data());
  EVP_PKEY* parsed = d2i_PUBKEY(nullptr, &next, static_cast<long>(der->size()));
  if (parsed && next != reinterpret_cast<const unsigned char*>(der->data() + der->size())) {
    EVP_PKEY_free(parsed);
    return Status::invalid_argument("public key: bytes follow the DER SubjectPublicKeyInfo");
  }
  auto key = adopt(parsed, "a DER SubjectPublicKeyInfo");
  if (!key) return key.status();
  return RsaPublicKey(std::move(*key));
}

Status RsaPublicKey::verify_sha256(std::string_view data, std::string_view signature) const {
  auto context = rsa_sha256_context();
  if (!context) return context.status();
  int verified = EVP_DigestVerify(context->get(), reinterpret_cast<const unsigned char*>(signature.data()), signature.size(),
                                  reinterpret_cast<const unsigned char*>(data.data()), data.size());
  ERR_clear_error();
  if (verified != 1) return Status::invalid_argument("RSA-SHA256 signature does not verify with key " + key_id());
  return Status::ok();
}

}  // namespace mobility::ewp
