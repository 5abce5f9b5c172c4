// Partners whose nodes are correct but for one defect each, answering from FakeInternet (after
// ewp-registry-service's Service…InvalidN classes): a test points the node's client at each and
// asserts the exact error it reports and that nothing was stored.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "tests/support/fake_internet.hpp"
#include "tests/support/test_keys.hpp"

namespace mobility::testing {

enum class Defect {
  kNone,            // a correct, signed answer
  kUnsigned,        // the answer carries no signature
  kWrongKey,        // signed with a key the registry does not list for the host
  kDigestMismatch,  // the body was changed after signing
  kDateOff,         // signed with a Date 20 minutes in the past
  kSchemaInvalid,   // well-formed XML that the API's schema refuses
  kNotWellFormed,   // not XML at all
  kProxy502,        // the partner's proxy answers 502 with its HTML page (the node is down)
  kTimeout,         // no answer before the client's timeout
  kHuge,            // a signed answer of 50 MB
  kRefusal,         // a correct refusal: a signed 403 error-response explaining itself
};

// The developer-message of the kRefusal answer.
inline constexpr const char* kRefusalMessage = "this key may not ask about partner.example";

struct BrokenPartner {
  Defect defect;
  const char* name;  // for test names and traces
};

// Prints the name only, so that test names stay the same from build to build.
inline void PrintTo(const BrokenPartner& partner, std::ostream* out) { *out << partner.name; }

// Every defect, kNone first.
const std::vector<BrokenPartner>& broken_partners();

// A partner node that answers every request with `valid_body` (200, text/xml) signed by `key`,
// but for `defect`. `other_key` signs the kWrongKey answers.
FakeInternet::Site partner_site(Defect defect, std::string valid_body, const TestKeyPair& key, const TestKeyPair& other_key);

}  // namespace mobility::testing
