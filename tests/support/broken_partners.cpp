#include "tests/support/broken_partners.hpp"

#include <chrono>

#include "ewp-node/security/response_signer.hpp"
#include "ewp-node/xml/error_response.hpp"

namespace mobility::testing {

const std::vector<BrokenPartner>& broken_partners() {
  static const std::vector<BrokenPartner> all = {{Defect::kNone, "Correct"},         {Defect::kUnsigned, "Unsigned"},
                                                 {Defect::kWrongKey, "WrongKey"},    {Defect::kDigestMismatch, "Digest"},
                                                 {Defect::kDateOff, "DateOff"},      {Defect::kSchemaInvalid, "SchemaInvalid"},
                                                 {Defect::kNotWellFormed, "NotXml"}, {Defect::kProxy502, "Proxy502"},
                                                 {Defect::kTimeout, "Timeout"},      {Defect::kHuge, "Huge"},
                                                 {Defect::kRefusal, "Refusal"}};
  return all;
}

FakeInternet::Site partner_site(Defect defect, std::string valid_body, const TestKeyPair& key, const TestKeyPair& other_key) {
  return [=](const http::Request& request) -> Result<http::Response> {
    if (defect == Defect::kTimeout) return Status::unavailable("Timeout was reached");
    if (defect == Defect::kProxy502) {
      http::Response proxy = http::Response::text(502, "<html><body><h1>502 Bad Gateway</h1></body></html>\n");
      proxy.content_type = "text/html";
      return proxy;
    }
    http::Response response = http::Response::text(200, valid_body);
    response.content_type = "text/xml";
    if (defect == Defect::kRefusal) response = ewp::error_response(403, kRefusalMessage);
    if (defect == Defect::kSchemaInvalid) {
      response.body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<surprise xmlns=\"urn:example:not-ewp\"/>\n";
    }
    if (defect == Defect::kNotWellFormed) response.body = "<institutions-response";
    if (defect == Defect::kHuge) response.body = std::string(50 * 1024 * 1024, ' ') + valid_body;
    if (defect == Defect::kUnsigned) {  // a node that echoes the request id but signs nothing
      if (auto id = request.header("X-Request-Id")) response.headers.emplace_back("X-Request-Id", *id);
      return response;
    }
    const TestKeyPair& signer = defect == Defect::kWrongKey ? other_key : key;
    auto now = [defect] {
      return ewp::Clock::now() - (defect == Defect::kDateOff ? std::chrono::minutes(20) : std::chrono::minutes(0));
    };
    ewp::ResponseSigner(signer.private_key, now).sign(request, response);
    if (defect == Defect::kDigestMismatch) response.body += " ";
    return response;
  };
}

}  // namespace mobility::testing
