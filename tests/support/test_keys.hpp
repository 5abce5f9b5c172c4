// RSA key pairs generated at test time (never stored), for signing tests.
#pragma once

#include <string>
#include <vector>

#include "ewp-node/security/rsa_signer.hpp"
#include "ewp-node/security/signing_string.hpp"

namespace mobility::testing {

struct TestKeyPair {
  ewp::RsaPrivateKey private_key;
  ewp::RsaPublicKey public_key;
  std::string private_pem;
  std::string public_pem;
  std::string public_base64_der;  // as a manifest or catalogue publishes it
};

// The key pair number `slot` of this process: 2048-bit, generated on first use and then reused,
// so a test binary pays for each slot once. Different slots are different keys.
const TestKeyPair& test_key(int slot);

// The signature parameters (keyId, algorithm, headers, signature, as format_signature_params
// writes them) of test key `slot` over `message`, covering exactly `names`: a signature made by
// hand, as the official validator makes its edge cases and as a forger would.
Result<std::string> hand_signature(const ewp::SignedMessage& message, const std::vector<std::string>& names, int slot);

}  // namespace mobility::testing
