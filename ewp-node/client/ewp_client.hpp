// The signed EWP client: calls an API of a partner HEI as the registry catalogue describes it.
//
// call() finds the newest entry of the API for the HEI that accepts HTTP-signature client
// authentication, signs the request (cliauth-httpsig) with the node's current signing key, sends
// it over the transport (TLS verified), and — when the entry says the host signs responses —
// refuses the answer unless its signature verifies with a server key of *that* host
// (srvauth-httpsig). A schema validator, when given, checks 2xx bodies: invalid XML is refused,
// except from the partners listed as lenient (lenient_xml_heis), where it is logged and returned.
// Errors: not_found (no such API for the HEI), unavailable (no catalogue, network), and
// invalid_argument (refused response: badly signed, invalid XML, larger than kMaxAnswerBytes) —
// each naming the HEI, API and URL.
#pragma once

#include <functional>
#include <optional>
#include <set>
#include <string>

#include "ewp-node/client/http_transport.hpp"
#include "ewp-node/registry/registry_client.hpp"
#include "ewp-node/xml/schema_validator.hpp"

namespace mobility::ewp {

// The largest answer a partner may give to one call (16 MiB); a larger one is refused.
inline constexpr size_t kMaxAnswerBytes = 16 * 1024 * 1024;

struct ApiCall {
  std::string hei_id;
  std::string entry_namespace;   // the API's manifest-entry namespace
  std::string api_name;          // "echo"
  std::string endpoint = "url";  // "url", "get-url", "index-url"...
  std::string method = "GET";
  http::HeaderList parameters;  // query for GET, form body for POST
  // A POST whose body is this XML document (text/xml) instead of the form: update endpoints.
  std::optional<std::string> xml_body = std::nullopt;
};

struct ApiReply {
  int status = 0;
  http::HeaderList headers;  // only the signed ones when the response was signed
  std::string body;
  std::string url;
  std::string version;  // of the API entry used
};

class EwpClient {
 public:
  using SigningKey = std::function<std::optional<RsaPrivateKey>()>;

  // All references must outlive the client. `schema` may be null (no body validation).
  EwpClient(const RegistryClient& registry, HttpTransport& transport, SigningKey signing_key,
            const SchemaValidator* schema = nullptr, std::set<std::string> lenient_heis = {});

  Result<ApiReply> call(const ApiCall& call);

  // The registry entry call() would use for `call`, for its settings (max-ounit-ids...); the
  // same errors as call() when there is none.
  Result<ApiEntry> entry_for(const ApiCall& call) const;

  // A usable registry catalogue is at hand: without one every call fails as unavailable.
  bool has_catalogue() const;

 private:
  Result<ApiReply> send_call(const ApiCall& call);  // call() without counting it

  const RegistryClient& registry_;
  HttpTransport& transport_;
  SigningKey signing_key_;
  const SchemaValidator* schema_;
  std::set<std::string> lenient_heis_;
};

// The positive whole-number setting `name` of the entry client.call(call) would use
// ("max-ounit-ids", "max-los-ids"): how many ids one call may name. 1 when there is no entry, no
// such setting, or it is not a positive number (the specifications' "assume 1").
size_t max_ids_setting(const EwpClient& client, const ApiCall& call, const std::string& name);

// "https://host:8443/p?q" → {"host:8443", "/p?q"}; nullopt for URLs without scheme or path.
std::optional<std::pair<std::string, std::string>> split_url(const std::string& url);

// Form encoding of parameters: unreserved characters as they are, everything else %XX.
std::string encode_form(const http::HeaderList& parameters);

}  // namespace mobility::ewp
