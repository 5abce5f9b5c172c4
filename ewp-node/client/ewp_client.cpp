#include "ewp-node/client/ewp_client.hpp"

#include <algorithm>
#include <charconv>

#include "base/log.hpp"
#include "base/metrics.hpp"
#include "ewp-node/security/request_signer.hpp"
#include "ewp-node/security/response_verifier.hpp"
#include "http/form.hpp"

namespace mobility::ewp {
namespace {

Result<ApiEntry> choose_entry(const Catalogue& catalogue, const ApiCall& call) {
  for (const ApiEntry& entry : catalogue.apis(call.hei_id, call.entry_namespace, call.api_name)) {
    if (entry.accepts_httpsig && entry.urls.count(call.endpoint)) return entry;
  }
  return Status::not_found("the registry lists no " + call.api_name + " " + call.endpoint +
                           " with HTTP-signature authentication for " + call.hei_id);
}

}  // namespace

std::optional<std::pair<std::string, std::string>> split_url(const std::string& url) {
  size_t scheme = url.find("://");
  if (scheme == std::string::npos) return std::nullopt;
  size_t path = url.find('/', scheme + 3);
  std::string authority = url.substr(scheme + 3, path == std::string::npos ? std::string::npos : path - scheme - 3);
  if (authority.empty()) return std::nullopt;
  return std::make_pair(authority, path == std::string::npos ? std::string("/") : url.substr(path));
}

std::string encode_form(const http::HeaderList& parameters) {
  std::string encoded;
  for (const auto& [name, value] : parameters) {
    encoded += (encoded.empty() ? "" : "&") + http::percent_encode(name) + "=" + http::percent_encode(value);
  }
  return encoded;
}

EwpClient::EwpClient(const RegistryClient& registry, HttpTransport& transport, SigningKey signing_key,
                     const SchemaValidator* schema, std::set<std::string> lenient_heis)
    : registry_(registry),
      transport_(transport),
      signing_key_(std::move(signing_key)),
      schema_(schema),
      lenient_heis_(std::move(lenient_heis)) {}

Result<ApiEntry> EwpClient::entry_for(const ApiCall& call) const {
  auto catalogue = registry_.current();
  if (!catalogue) return Status::unavailable("no usable registry catalogue");
  return choose_entry(*catalogue, call);
}

size_t max_ids_setting(const EwpClient& client, const ApiCall& call, const std::string& name) {
  auto entry = client.entry_for(call);
  if (!entry) return 1;
  auto setting = entry->settings.find(name);
  if (setting == entry->settings.end()) return 1;
  size_t value = 0;
  const std::string& text = setting->second;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  return error == std::errc() && end == text.data() + text.size() && value > 0 ? value : 1;
}

bool EwpClient::has_catalogue() const { return registry_.current() != nullptr; }

// Every call is counted by partner, API and outcome (GET /metrics).
Result<ApiReply> EwpClient::call(const ApiCall& call) {
  auto started = std::chrono::steady_clock::now();
  auto reply = send_call(call);
  std::string outcome = !reply                                        ? std::string(code_name(reply.status().code()))
                        : reply->status >= 200 && reply->status < 300 ? "ok"
                                                                      : "http_" + std::to_string(reply->status);
  std::replace(outcome.begin(), outcome.end(), ' ', '_');  // "not found" → not_found
  metrics::count("mobility_partner_calls_total", {{"partner", call.hei_id}, {"api", call.api_name}, {"outcome", outcome}});
  metrics::observe_seconds("mobility_partner_call_duration_seconds", {{"api", call.api_name}},
                           std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
  return reply;
}

Result<ApiReply> EwpClient::send_call(const ApiCall& call) {
  auto entry = entry_for(call);
  if (!entry) return entry.status();
  const std::string& url = entry->urls.at(call.endpoint);
  auto parts = split_url(url);
  if (!parts) return Status::invalid_argument("the registry lists a malformed URL for " + call.hei_id + ": " + url);
  auto key = signing_key_();
  if (!key) return Status::unavailable("this node has no signing key; run `mobility keys generate`");

  bool post = call.method == "POST";
  std::string form = encode_form(call.parameters);
  std::string target =
      parts->second + (!post && !form.empty() ? (parts->second.find('?') == std::string::npos ? "?" : "&") + form : "");
  http::HeaderList headers;
  std::string body;
  if (post) {
    headers.emplace_back("Content-Type", call.xml_body ? "text/xml; charset=utf-8" : "application/x-www-form-urlencoded");
    body = call.xml_body ? *call.xml_body : form;
  }
  auto signed_request = sign_request({call.method, parts->first, target, headers, body}, *key, Clock::now());
  if (!signed_request) return signed_request.status();
  std::string full_url = url.substr(0, url.find("://") + 3) + parts->first + target;
  auto reply = transport_.send(call.method, full_url, signed_request->headers, body);
  if (!reply) return reply.status().with_context(call.hei_id + " " + call.api_name);

  if (reply->body.size() > kMaxAnswerBytes) {
    return Status::invalid_argument(call.hei_id + " " + call.api_name + " at " + url + " answered more than " +
                                    std::to_string(kMaxAnswerBytes) + " bytes");
  }
  ApiReply answer{reply->status, reply->headers, reply->body, url, entry->version};
  if (entry->signs_responses) {
    SentRequest sent{call.method, target, signed_request->x_request_id, signed_request->signature};
    auto verified = verify_response(sent, {reply->status, reply->headers, reply->body}, entry->server_keys, Clock::now());
    if (!verified) {  // often a proxy's error page (HTTP 502 while the partner's node is down): say so
      return verified.status().with_context(call.hei_id + " " + call.api_name + " at " + url + " answered HTTP " +
                                            std::to_string(reply->status));
    }
    answer.headers = *verified;
  }
  if (schema_ != nullptr && reply->status / 100 == 2) {
    if (Status valid = schema_->validate(reply->body); !valid) {
      if (!lenient_heis_.count(call.hei_id))
        return valid.with_context(call.hei_id + " " + call.api_name + " answered invalid XML");
      log::warn("partner_xml_invalid", {{"hei_id", call.hei_id}, {"api", call.api_name}, {"error", valid.message()}});
    }
  }
  return answer;
}

}  // namespace mobility::ewp
