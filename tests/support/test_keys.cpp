#include "tests/support/test_keys.hpp"

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>

#include <map>
#include <memory>
#include <mutex>
#include <stdexcept>

#include "base/base64.hpp"
#include "ewp-node/security/signature_params.hpp"

namespace mobility::testing {
namespace {

std::string bio_text(BIO* bio) {
  char* data = nullptr;
  long length = BIO_get_mem_data(bio, &data);
  return std::string(data, static_cast<size_t>(length));
}

TestKeyPair generate() {
  std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key(EVP_RSA_gen(2048), EVP_PKEY_free);
  std::unique_ptr<BIO, decltype(&BIO_free)> private_bio(BIO_new(BIO_s_mem()), BIO_free);
  std::unique_ptr<BIO, decltype(&BIO_free)> public_bio(BIO_new(BIO_s_mem()), BIO_free);
  if (!key || PEM_write_bio_PrivateKey(private_bio.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr) != 1 ||
      PEM_write_bio_PUBKEY(public_bio.get(), key.get()) != 1) {
    throw std::runtime_error("cannot generate a test RSA key");
  }
  unsigned char* der = nullptr;
  int der_length = i2d_PUBKEY(key.get(), &der);
  std::string der_bytes(reinterpret_cast<const char*>(der), static_cast<size_t>(der_length));
  OPENSSL_free(der);
  std::string private_pem = bio_text(private_bio.get());
  std::string public_pem = bio_text(public_bio.get());
  auto private_key = ewp::RsaPrivateKey::from_pem(private_pem);
  auto public_key = ewp::RsaPublicKey::from_pem(public_pem);
  if (!private_key || !public_key) throw std::runtime_error("cannot load a generated test key");
  return {*private_key, *public_key, private_pem, public_pem, base64_encode(der_bytes)};
}

}  // namespace

const TestKeyPair& test_key(int slot) {
  static std::mutex mutex;
  static std::map<int, std::unique_ptr<TestKeyPair>> keys;
  std::lock_guard lock(mutex);
  auto& key = keys[slot];
  if (!key) key = std::make_unique<TestKeyPair>(generate());
  return *key;
}

Result<std::string> hand_signature(const ewp::SignedMessage& message, const std::vector<std::string>& names, int slot) {
  auto text = ewp::build_signing_string(message, names);
  if (!text) return text.status();
  auto signature = test_key(slot).private_key.sign_sha256(*text);
  if (!signature) return signature.status();
  return ewp::format_signature_params({test_key(slot).public_key.key_id(), "rsa-sha256", names, base64_encode(*signature)});
}

}  // namespace mobility::testing
