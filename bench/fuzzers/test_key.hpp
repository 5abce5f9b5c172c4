// The RSA key pair of the draft-cavage test vectors (shared/test-vectors), which the signature
// targets verify against and fuzz_seeds signs its seeds with. Read at run time from the directory
// FUZZ_TEST_VECTORS names (bench/fuzz sets it), so no build points at a sibling folder.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include "ewp-node/security/rsa_signer.hpp"

namespace mobility::fuzz {

inline std::string test_vector_text(const std::string& name) {
  const char* directory = std::getenv("FUZZ_TEST_VECTORS");
  if (directory == nullptr || *directory == '\0') {
    std::fprintf(stderr, "set FUZZ_TEST_VECTORS to the test-vectors directory (bench/fuzz does)\n");
    std::exit(2);
  }
  std::ifstream in(std::string(directory) + "/" + name);
  std::stringstream text;
  text << in.rdbuf();
  if (text.str().empty()) {
    std::fprintf(stderr, "cannot read %s/%s\n", directory, name.c_str());
    std::exit(2);
  }
  return text.str();
}

template <typename Key>
Key loaded(Result<Key> key, const char* name) {
  if (!key) {
    std::fprintf(stderr, "cannot load %s: %s\n", name, key.status().to_string().c_str());
    std::exit(2);
  }
  return std::move(key).value();
}

inline const ewp::RsaPublicKey& test_public_key() {
  static const ewp::RsaPublicKey key =
      loaded(ewp::RsaPublicKey::from_pem(test_vector_text("draft-cavage-test-key.pub.pem")), "the test public key");
  return key;
}

inline const ewp::RsaPrivateKey& test_private_key() {
  static const ewp::RsaPrivateKey key =
      loaded(ewp::RsaPrivateKey::from_pem(test_vector_text("draft-cavage-test-key.priv.pem")), "the test private key");
  return key;
}

}  // namespace mobility::fuzz
